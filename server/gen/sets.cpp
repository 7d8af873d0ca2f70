// Generated message sets: honest sets by default, fraud episodes by the seed's draw.
#include "gen/sets.h"

#include <algorithm>

#include "gen/rng.h"

namespace gen {

namespace {

constexpr uint64_t kStreamEpisode = 11;
constexpr uint64_t kStreamSet = 12;

// Fraud consumers live past the ordinary ones, so frauds never eat an honest buyer's quota.
constexpr uint64_t kFraudConsumerBase = 1ull << 40;

std::string Guid(Rng& r) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string g = r.Chars(kHex, 16, 8) + "-" + r.Chars(kHex, 16, 4) + "-" + r.Chars(kHex, 16, 4) +
                  "-" + r.Chars(kHex, 16, 4) + "-" + r.Chars(kHex, 16, 12);
  return g;
}

core::CebTime Time(const core::Date& d, int hour, int minute, int second) {
  std::string digits = d.ToIso();
  digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
  digits += Pad(static_cast<uint64_t>(hour), 2) + Pad(static_cast<uint64_t>(minute), 2) +
            Pad(static_cast<uint64_t>(second), 2);
  core::StatusOr<core::CebTime> t = core::CebTime::Parse(digits);
  return t.ok() ? *t : core::CebTime();
}

core::CebTime Day(const core::Date& d) {
  std::string digits = d.ToIso();
  digits.erase(std::remove(digits.begin(), digits.end(), '-'), digits.end());
  core::StatusOr<core::CebTime> t = core::CebTime::Parse(digits);
  return t.ok() ? *t : core::CebTime();
}

core::Qty Q(int64_t e5) { return core::Qty{e5}; }

// A stable hash (std::hash may differ between standard libraries).
uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

std::string EmsNo(const GenEnterprise& ebc) { return "T4606W" + ebc.customs_code.substr(4); }

}  // namespace

core::Json LabelJson(const Label& l) {
  return {{"set", l.set_key},
          {"kind", l.kind},
          {"detectable_by", l.detectable_by},
          {"details", l.details}};
}

core::Fen HonestTax(const core::Order& order, const core::Inventory& list,
                    const core::TaxRateTable& rates) {
  core::TaxOrderInput in;
  in.date = list.head.decl_time.date();
  in.path = core::TaxPath::kWithinLimits;
  in.freight_fen = list.head.freight;
  in.insurance_fen = list.head.insured_fee;
  in.discount_fen = order.head.discount;
  for (const core::InventoryLine& l : list.lines) {
    core::TaxLineInput line;
    line.code = l.gcode;
    line.goods_value_fen = l.total_price;
    // As the server reads them (service/screening_requests.cpp): kg of the legal unit, pieces
    // of the declared unit.
    if (l.unit1 == "035") line.net_content_milli = l.qty1.e5 * 10;
    if (l.unit == "011" && l.qty.e5 % core::Qty::kScale == 0)
      line.pieces = l.qty.e5 / core::Qty::kScale;
    in.lines.push_back(line);
  }
  return core::ComputeTax(in, rates).total_fen;
}

SetGenerator::SetGenerator(const District& district, const core::TaxRateTable& rates,
                           SetOptions options)
    : d_(district), rates_(rates), opt_(options) {
  consumers_ = d_.consumers;
}

core::Date SetGenerator::DateOf(uint64_t index) const {
  const int64_t span = opt_.to.DaysSinceEpoch() - opt_.from.DaysSinceEpoch() + 1;
  const uint64_t n = std::max<uint64_t>(opt_.lists, 1);
  return opt_.from.AddDays(static_cast<int64_t>(static_cast<core::Int128>(std::min(index, n - 1)) *
                                                static_cast<uint64_t>(span) / n));
}

SetGenerator::Parties SetGenerator::PickParties(uint64_t index, bool bonded_only) {
  Rng r = Rng::For(opt_.seed, kStreamSet, index);
  const std::vector<const GenEnterprise*> sellers = d_.WithRole("ecommerce");
  const std::vector<const GenEnterprise*> platforms = d_.WithRole("platform");
  Parties p{};
  for (int tries = 0; tries < 16; ++tries) {
    p.ebc = r.Pick(sellers);
    bool ok = !d_.GoodsOf(p.ebc->key).empty();
    if (bonded_only) {
      ok = false;
      for (const GenGoods* g : d_.GoodsOf(p.ebc->key)) ok = ok || g->trade_mode == "1210";
    }
    if (ok) break;
  }
  p.ebp = p.ebc->Has("platform") ? p.ebc : r.Pick(platforms);
  p.pay = r.Pick(d_.WithRole("payment"));
  p.logistics = r.Pick(d_.WithRole("logistics"));
  return p;
}

std::vector<std::pair<const GenGoods*, int>> SetGenerator::PickItems(uint64_t index,
                                                                     const GenEnterprise& ebc,
                                                                     core::Fen budget,
                                                                     bool bonded) {
  Rng r = Rng::For(opt_.seed, kStreamSet + 100, index);
  std::vector<const GenGoods*> goods = d_.GoodsOf(ebc.key);
  // One list has one trade mode: the first pick decides it.
  const GenGoods* first = r.Pick(goods);
  if (bonded) {
    for (const GenGoods* g : goods) {
      if (g->trade_mode == "1210") first = g;
    }
  }
  std::vector<const GenGoods*> same;
  for (const GenGoods* g : goods) {
    if (g->trade_mode == first->trade_mode && g != first) same.push_back(g);
  }
  std::vector<std::pair<const GenGoods*, int>> items = {{first, 1}};
  core::Fen total = first->price;
  const int want = 1 + static_cast<int>(r.Below(3));
  for (int k = 1; k < want && !same.empty(); ++k) {
    const GenGoods* g = r.Pick(same);
    bool dup = false;
    for (const auto& it : items) dup = dup || it.first == g;
    if (dup || total + g->price > budget) continue;
    items.push_back({g, 1});
    total += g->price;
  }
  for (auto& it : items) {
    if (r.Chance(300) && total + it.first->price <= budget) {
      ++it.second;
      total += it.first->price;
    }
  }
  return items;
}

GeneratedSet SetGenerator::Build(uint64_t index, const GenConsumer& buyer, const Parties& p,
                                 const std::vector<std::pair<const GenGoods*, int>>& items,
                                 int price_percent, const std::string& note,
                                 std::optional<core::Date> date_override) {
  Rng r = Rng::For(opt_.seed, kStreamSet + 200, index);
  GeneratedSet s;
  s.index = index;
  s.key = "G" + std::to_string(opt_.seed) + "-" + Pad(index, 8);
  const core::Date date = date_override ? *date_override : DateOf(index);
  const int hour = static_cast<int>(r.Between(7, 20));
  const int minute = static_cast<int>(r.Between(0, 59));
  const std::string order_no = "SO" + std::to_string(opt_.seed) + Pad(index, 10);
  const std::string logistics_no = "YD" + std::to_string(opt_.seed) + Pad(index, 10);
  const std::string tx = "PT" + r.Digits(8) + Pad(index, 10);
  // Bonded (1210) only where the episode asks for it: a bonded list needs the enterprise's ledger
  // in the server, which the district seed does not create.
  const bool bonded = bonded_;
  const core::Fen freight = bonded ? (r.Chance(500) ? 0 : 800) : r.Between(10, 30) * 100;
  const core::Fen insured = r.Chance(200) ? 200 : 0;
  const core::Fen discount = r.Chance(150) ? 1000 : 0;

  core::OrderHead& o = s.order.head;
  o.guid = Guid(r);
  o.app_time = Time(date, hour, minute, static_cast<int>(r.Between(0, 59)));
  o.app_status = "2";
  o.order_type = "I";
  o.order_no = order_no;
  o.ebp_code = p.ebp->customs_code;
  o.ebp_name = p.ebp->name;
  o.ebc_code = p.ebc->customs_code;
  o.ebc_name = p.ebc->name;
  o.currency = "142";
  o.buyer_reg_no = "U" + Pad(buyer.index % 100000000000ull, 11);
  o.buyer_name = buyer.name;
  o.buyer_telephone = buyer.phone;
  o.buyer_id_type = "1";
  o.buyer_id_number = buyer.id_number;
  o.pay_code = p.pay->customs_code;
  o.pay_name = p.pay->name;
  o.pay_transaction_id = tx;
  o.consignee = buyer.name;
  o.consignee_telephone = buyer.phone;
  o.consignee_address = buyer.address;
  o.consignee_district = buyer.district_code;

  core::InventoryHead& l = s.list.head;
  int64_t gross = 0;
  int64_t net = 0;
  core::Fen goods_value = 0;
  int gnum = 0;
  for (const auto& [g, qty] : items) {
    ++gnum;
    const core::Fen price = g->price * price_percent / 100;
    core::OrderLine ol;
    ol.gnum = gnum;
    ol.item_no = g->sku;
    ol.item_name = g->brand + " " + g->name;
    ol.gmodel = g->spec;
    ol.bar_code = "49" + Pad(Fnv1a(g->sku) % 100000000000ull, 11);
    ol.unit = g->unit;
    ol.qty = Q(qty * core::Qty::kScale);
    ol.price = price;
    ol.total_price = price * qty;
    ol.currency = "142";
    ol.country = g->origin;
    ol.note = note;
    s.order.lines.push_back(ol);
    core::InventoryLine il;
    il.gnum = gnum;
    if (bonded) il.item_record_no = g->sku;
    il.item_no = g->sku;
    il.item_name = ol.item_name;
    il.gcode = g->code10;
    il.gname = g->name;
    il.gmodel = g->spec;
    il.bar_code = ol.bar_code;
    il.country = g->origin;
    il.currency = "142";
    il.qty = ol.qty;
    il.unit = g->unit;
    il.qty1 = Q(g->qty1_e5 * qty);
    il.unit1 = g->unit1;
    il.price = price;
    il.total_price = ol.total_price;
    s.list.lines.push_back(il);
    goods_value += ol.total_price;
    gross += g->gross_e5 * qty;
    net += (g->unit1 == "035" ? g->qty1_e5 : g->gross_e5 * 8 / 10) * qty;
  }
  gross += 20000;  // carton and filler, 0.2 kg
  o.goods_value = goods_value;
  o.freight = freight;
  o.discount = discount;

  l.guid = Guid(r);
  l.app_time = Time(date, std::min(hour + 2, 23), minute, static_cast<int>(r.Between(0, 59)));
  l.app_status = "2";
  l.order_no = order_no;
  l.ebp_code = o.ebp_code;
  l.ebp_name = o.ebp_name;
  l.ebc_code = o.ebc_code;
  l.ebc_name = o.ebc_name;
  l.logistics_no = logistics_no;
  l.logistics_code = p.logistics->customs_code;
  l.logistics_name = p.logistics->name;
  l.cop_no = "C" + std::to_string(opt_.seed) + Pad(index, 10);
  l.assure_code = p.ebc->customs_code;
  if (bonded) {
    l.ems_no = EmsNo(*p.ebc);
    l.area_code = p.logistics->customs_code;
    l.area_name = p.logistics->name;
  }
  l.ie_flag = "I";
  l.decl_time = Day(date);
  l.customs_code = "4606";
  l.port_code = "4606";
  l.buyer_id_type = "1";
  l.buyer_id_number = buyer.id_number;
  l.buyer_name = buyer.name;
  l.buyer_telephone = buyer.phone;
  l.consignee_address = buyer.address;
  l.agent_code = p.ebc->customs_code;
  l.agent_name = p.ebc->name;
  l.trade_mode = bonded ? "1210" : "9610";
  l.traf_mode = bonded ? "Y" : "5";
  if (!bonded) {
    l.traf_no = "CA" + r.Digits(4);
    l.voyage_no = "V" + r.Digits(6);
    l.bill_no = "999-" + r.Digits(8);
  }
  l.country = items.front().first->origin;
  l.freight = freight;
  l.insured_fee = insured;
  l.currency = "142";
  l.wrap_type = "2";
  l.pack_no = 1;
  l.gross_weight = Q(gross);
  l.net_weight = Q(std::min(net, gross));

  o.tax_total = HonestTax(s.order, s.list, rates_);
  o.actural_paid = goods_value + freight + o.tax_total - discount;

  core::PaymentHead& pm = s.payment.head;
  pm.guid = Guid(r);
  pm.app_time = Time(date, hour, std::min(minute + 1, 59), static_cast<int>(r.Between(0, 59)));
  pm.app_status = "2";
  pm.pay_code = p.pay->customs_code;
  pm.pay_name = p.pay->name;
  pm.pay_transaction_id = tx;
  pm.order_no = order_no;
  pm.ebp_code = o.ebp_code;
  pm.ebp_name = o.ebp_name;
  pm.payer_id_type = "1";
  pm.payer_id_number = buyer.id_number;
  pm.payer_name = buyer.name;
  pm.telephone = buyer.phone;
  pm.amount_paid = o.actural_paid;
  pm.currency = "142";
  pm.pay_time = o.app_time;

  core::LogisticsHead& w = s.waybill.head;
  w.guid = Guid(r);
  w.app_time = Time(date, std::min(hour + 1, 23), minute, static_cast<int>(r.Between(0, 59)));
  w.app_status = "2";
  w.logistics_code = p.logistics->customs_code;
  w.logistics_name = p.logistics->name;
  w.logistics_no = logistics_no;
  w.order_no = order_no;
  w.freight = freight;
  w.insured_fee = insured;
  w.currency = "142";
  w.weight = Q(gross);
  w.pack_no = 1;
  w.goods_info = items.front().first->name;
  w.consignee = buyer.name;
  w.consignee_address = buyer.address;
  w.consignee_telephone = buyer.phone;
  return s;
}

void SetGenerator::NewEpisode() {
  const uint64_t e = episodes_++;
  const uint64_t index = produced_ + pending_.size();
  Rng r = Rng::For(opt_.seed, kStreamEpisode, e);
  const bool fraud = r.Chance(opt_.fraud_per_mille);
  // Honest buyers in a fixed rotation: each one buys at most ceil(lists / consumers) times.
  const uint64_t step = 1000003;  // prime, so the rotation visits every consumer
  auto honest = [&](uint64_t i) {
    uint64_t c = consumers_ % step == 0
                     ? i % consumers_
                     : static_cast<uint64_t>(static_cast<core::Int128>(i) * step % consumers_);
    return ConsumerAt(opt_.seed, c);
  };
  auto fraud_buyer = [&](uint64_t k) {
    return ConsumerAt(opt_.seed, kFraudConsumerBase + e * 8 + k);
  };
  if (!fraud) {
    const Parties p = PickParties(index, false);
    pending_.push_back(
        Build(index, honest(index), p, PickItems(index, *p.ebc, 300000, false), 100, ""));
    return;
  }
  static const char* kKinds[] = {"under_declared_price", "omitted_freight",   "tax_not_declared",
                                 "split_order",          "family_quota",      "shared_contact",
                                 "fabricated_documents", "unfiled_promotion", "ledger_shortfall"};
  const std::string kind = kKinds[r.Below(9)];
  auto label = [&](GeneratedSet& s, const std::string& by, core::Json details) {
    s.labels.push_back(Label{s.key, kind, by, std::move(details)});
  };
  if (kind == "split_order" || kind == "family_quota" || kind == "shared_contact") {
    const GenConsumer head = fraud_buyer(0);
    const int n = kind == "split_order" ? 3 : kind == "family_quota" ? 4 : 5;
    const Parties p = PickParties(index, false);
    std::vector<std::string> keys;
    std::vector<std::string> ids;
    for (int k = 0; k < n; ++k) {
      GenConsumer buyer = head;
      if (kind == "family_quota" && k > 0) buyer = FamilyMember(opt_.seed, head, k);
      if (kind == "shared_contact" && k > 0) {
        buyer = fraud_buyer(static_cast<uint64_t>(k));
        buyer.phone = head.phone;
        buyer.address = head.address;
        buyer.district_code = head.district_code;
      }
      const uint64_t i = index + static_cast<uint64_t>(k);
      // Split orders: each just under the limit; the others: ordinary baskets.
      const core::Fen budget = kind == "split_order" ? 420000 : 300000;
      auto items = PickItems(i, *p.ebc, budget, false);
      if (kind == "split_order") {
        // Fill up to ~4,000-4,500 CNY with more of the same goods (still one person's order).
        core::Fen total = 0;
        for (auto& it : items) total += it.first->price * it.second;
        while (total + items.front().first->price <= 420000) {
          ++items.front().second;
          total += items.front().first->price;
        }
      }
      // A split happens on one day: every part on the episode's first date.
      pending_.push_back(
          Build(i, buyer, p, items, 100, "",
                kind == "split_order" ? std::optional(DateOf(index)) : std::nullopt));
      keys.push_back(pending_.back().key);
      ids.push_back(buyer.id_number);
    }
    for (size_t k = 0; k < keys.size(); ++k) {
      GeneratedSet& s = pending_[pending_.size() - keys.size() + k];
      core::Json details = {{"episode", keys.front()},
                            {"sets", keys},
                            {"ids", ids},
                            {"phone", head.phone},
                            {"address", head.address}};
      label(s, "risk_model", details);
    }
    return;
  }
  GenConsumer buyer = fraud_buyer(0);
  const bool bonded = kind == "ledger_shortfall";
  const Parties p = PickParties(index, bonded);
  auto items = PickItems(index, *p.ebc, 300000, bonded);
  bonded_ = bonded && items.front().first->trade_mode == "1210";
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{bonded_};
  if (kind == "under_declared_price") {
    const int pct = static_cast<int>(r.Between(30, 50));
    GeneratedSet s = Build(index, buyer, p, items, pct, "");
    label(s, "promotion_check",
          {{"declared_percent_of_filed", pct}, {"sku", items.front().first->sku}});
    pending_.push_back(std::move(s));
  } else if (kind == "unfiled_promotion") {
    const int pct = static_cast<int>(r.Between(70, 88));
    GeneratedSet s = Build(index, buyer, p, items, pct, "限时促销");
    label(s, "promotion_check",
          {{"price_percent_of_filed", pct}, {"sku", items.front().first->sku}});
    pending_.push_back(std::move(s));
  } else if (kind == "omitted_freight") {
    GeneratedSet s = Build(index, buyer, p, items, 100, "");
    core::Fen freight = s.waybill.head.freight.value_or(0);
    if (freight == 0) freight = 1500;
    s.waybill.head.freight = freight;
    // The sender drops freight from order and list; taxTotal follows the lower dutiable value.
    s.order.head.freight = 0;
    s.list.head.freight = 0;
    s.order.head.tax_total = HonestTax(s.order, s.list, rates_);
    s.order.head.actural_paid =
        s.order.head.goods_value + s.order.head.tax_total - s.order.head.discount;
    s.payment.head.amount_paid = s.order.head.actural_paid;
    label(s, "screening", {{"waybill_freight_fen", freight}, {"declared_freight_fen", 0}});
    pending_.push_back(std::move(s));
  } else if (kind == "tax_not_declared") {
    GeneratedSet s = Build(index, buyer, p, items, 100, "");
    const core::Fen tax = s.order.head.tax_total;
    s.order.head.tax_total = 0;  // acturalPaid and the payment still include it
    label(s, "screening", {{"collected_tax_fen", tax}, {"declared_tax_fen", 0}});
    pending_.push_back(std::move(s));
  } else if (kind == "fabricated_documents") {
    GeneratedSet s = Build(index, buyer, p, items, 100, "");
    const GenConsumer payer = fraud_buyer(1);
    const GenConsumer receiver = fraud_buyer(2);
    s.payment.head.payer_id_number = payer.id_number;
    s.payment.head.payer_name = payer.name;
    s.payment.head.telephone = payer.phone;
    s.waybill.head.consignee = receiver.name;
    s.waybill.head.consignee_address = receiver.address;
    s.waybill.head.consignee_telephone = receiver.phone;
    label(s, "screening",
          {{"buyer_id", buyer.id_number},
           {"payer_id", payer.id_number},
           {"waybill_consignee", receiver.name}});
    pending_.push_back(std::move(s));
  } else {  // ledger_shortfall
    GeneratedSet s = Build(index, buyer, p, items, 100, "");
    // Only a bonded list debits a ledger; a seller without bonded goods makes an honest set.
    if (s.list.head.trade_mode == "1210") {
      label(s, "ledger_check", {{"ems_no", s.list.head.ems_no}, {"sku", items.front().first->sku}});
      s.ledger_entries.push_back({{"shortfall", true}});  // marker consumed by SideRecords
    }
    pending_.push_back(std::move(s));
  }
}

bool SetGenerator::Next(GeneratedSet& out) {
  if (produced_ >= opt_.lists) return false;
  if (pending_.empty()) NewEpisode();
  out = std::move(pending_.front());
  pending_.pop_front();
  ++produced_;
  const bool shortfall = !out.ledger_entries.empty();
  SideRecords(out, shortfall);
  if (produced_ >= opt_.lists) pending_.clear();
  return true;
}

}  // namespace gen
