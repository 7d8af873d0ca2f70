// CEB fixtures: records built from the core's types, serialised with the core's codec.
#include "ceb_fixtures.h"

#include "gen/ceb_text.h"

namespace server::testing {

namespace {

core::CebTime Time(const std::string& digits) {
  core::StatusOr<core::CebTime> t = core::CebTime::Parse(digits);
  REQUIRE_MESSAGE(t.ok(), digits);
  return *t;
}

core::Qty Q(const std::string& text) {
  core::StatusOr<core::Qty> q = core::ParseQty(text);
  REQUIRE_MESSAGE(q.ok(), text);
  return *q;
}

std::string Escape(const std::string& s) {
  std::string out;
  gen::AppendXmlEscaped(out, s);
  return out;
}

std::string Group(const std::string& name, const core::Json& fields) {
  std::string out = "<ceb:" + name + ">";
  for (const auto& [key, value] : fields.items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_number_integer()) {
      text = std::to_string(value.get<int64_t>());
    }
    if (text.empty()) continue;
    out += "<ceb:" + key + ">" + Escape(text) + "</ceb:" + key + ">";
  }
  return out + "</ceb:" + name + ">\n";
}

}  // namespace

CebSet MakeSet(const SetSpec& spec) {
  const std::string k = spec.key;
  const std::string order_no = "ORD-" + k;
  const std::string logistics_no = "ZT" + k;
  const std::string tx = "PAY-TX-" + k;
  const std::string app_time = spec.decl_date + "100000";
  const core::Fen goods = spec.price * spec.qty;
  const core::Fen tax = spec.tax_total ? *spec.tax_total : Vat13WithinLimits(goods + spec.freight);
  const std::string consignee_address = "河南省郑州市金水区花园路1号";
  const std::string phone = spec.phone;

  CebSet s;
  core::OrderHead& o = s.order.head;
  o.guid = "ORDER-" + k;
  o.app_time = Time(app_time);
  o.app_status = "2";
  o.order_type = "I";
  o.order_no = order_no;
  o.ebp_code = spec.ebp;
  o.ebp_name = "平台 " + spec.ebp;
  o.ebc_code = spec.ebc;
  o.ebc_name = "电商 " + spec.ebc;
  o.goods_value = goods;
  o.freight = spec.freight;
  o.discount = 0;
  o.tax_total = tax;
  o.actural_paid = goods + spec.freight + tax;
  o.currency = "142";
  o.buyer_reg_no = "buyer-" + k;
  o.buyer_name = spec.buyer_name;
  o.buyer_telephone = phone;
  o.buyer_id_type = "1";
  o.buyer_id_number = spec.buyer_id;
  o.pay_code = spec.pay;
  o.pay_name = "支付 " + spec.pay;
  o.pay_transaction_id = tx;
  o.consignee = spec.buyer_name;
  o.consignee_telephone = phone;
  o.consignee_address = consignee_address;
  core::OrderLine line;
  line.gnum = 1;
  line.item_no = "SKU-" + spec.code10;
  line.item_name = "测试商品";
  line.gmodel = "1台";
  line.unit = "001";
  line.qty = Q(std::to_string(spec.qty));
  line.price = spec.price;
  line.total_price = goods;
  line.currency = "142";
  line.country = "116";
  line.gcode = spec.code10;
  s.order.lines = {line};

  core::PaymentHead& p = s.payment.head;
  p.guid = "PAYMENT-" + k;
  p.app_time = Time(app_time);
  p.app_status = "2";
  p.pay_code = spec.pay;
  p.pay_name = "支付 " + spec.pay;
  p.pay_transaction_id = tx;
  p.order_no = order_no;
  p.ebp_code = spec.ebp;
  p.ebp_name = "平台 " + spec.ebp;
  p.payer_id_type = "1";
  p.payer_id_number = spec.buyer_id;
  p.payer_name = spec.buyer_name;
  p.telephone = phone;
  p.amount_paid = o.actural_paid;
  p.currency = "142";
  p.pay_time = Time(app_time);

  core::LogisticsHead& w = s.waybill.head;
  w.guid = "WAYBILL-" + k;
  w.app_time = Time(app_time);
  w.app_status = "2";
  w.logistics_code = spec.logistics;
  w.logistics_name = "物流 " + spec.logistics;
  w.logistics_no = logistics_no;
  w.order_no = order_no;
  w.freight = spec.freight;
  w.insured_fee = 0;
  w.currency = "142";
  w.weight = Q("1.2");
  w.pack_no = 1;
  w.consignee = spec.buyer_name;
  w.consignee_address = consignee_address;
  w.consignee_telephone = phone;

  core::InventoryHead& l = s.list.head;
  l.guid = "LIST-" + k;
  l.app_time = Time(app_time);
  l.app_status = "2";
  l.order_no = order_no;
  l.ebp_code = spec.ebp;
  l.ebp_name = "平台 " + spec.ebp;
  l.ebc_code = spec.ebc;
  l.ebc_name = "电商 " + spec.ebc;
  l.logistics_no = logistics_no;
  l.logistics_code = spec.logistics;
  l.logistics_name = "物流 " + spec.logistics;
  l.cop_no = "COP-" + k;
  l.assure_code = spec.ebc;
  l.ie_flag = "I";
  l.decl_time = Time(spec.decl_date);
  l.customs_code = "4606";
  l.port_code = "4606";
  l.buyer_id_type = "1";
  l.buyer_id_number = spec.buyer_id;
  l.buyer_name = spec.buyer_name;
  l.buyer_telephone = phone;
  l.consignee_address = consignee_address;
  l.agent_code = spec.ebc;
  l.agent_name = "电商 " + spec.ebc;
  l.trade_mode = "9610";
  l.traf_mode = "5";
  l.country = "116";
  l.freight = spec.freight;
  l.insured_fee = 0;
  l.currency = "142";
  l.pack_no = 1;
  l.gross_weight = Q("1.2");
  l.net_weight = Q("1");
  core::InventoryLine il;
  il.gnum = 1;
  il.item_no = line.item_no;
  il.gcode = spec.code10;
  il.gname = line.item_name;
  il.gmodel = line.gmodel;
  il.country = "116";
  il.currency = "142";
  il.qty = line.qty;
  il.unit = line.unit;
  il.qty1 = Q("1");
  il.unit1 = "035";
  il.price = spec.price;
  il.total_price = goods;
  s.list.lines = {il};
  return s;
}

core::Json JsonItem(std::string_view type, const core::Json& record) {
  return {{"type", std::string(type)}, {"message", record}};
}

core::Json BatchJson(const CebSet& set) {
  return {{"messages",
           {JsonItem("CEB311", core::OrderToJson(set.order)),
            JsonItem("CEB411", core::PaymentToJson(set.payment)),
            JsonItem("CEB511", core::WaybillToJson(set.waybill)),
            JsonItem("CEB621", core::InventoryToJson(set.list))}}};
}

std::string CebXml(core::MessageType type, const std::vector<core::Json>& records) {
  const std::string root = std::string(core::MessageTypeCode(type)) + "Message";
  const std::string record = std::string(core::RecordElementName(type));
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:" + root +
                    " guid=\"ROOT-GUID\" version=\"1.0\" "
                    "xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">\n";
  for (const core::Json& r : records) {
    out += "<ceb:" + record + ">\n";
    for (const auto& [name, value] : r.items()) {
      if (value.is_object()) out += Group(name, value);
      if (value.is_array()) {
        for (const core::Json& line : value) out += Group(name, line);
      }
    }
    out += "</ceb:" + record + ">\n";
  }
  out += Group("BaseTransfer", {{"copCode", kHnbyCode},
                                {"copName", "河南保税优品电子商务有限公司"},
                                {"dxpMode", "DXP"},
                                {"dxpId", "DXPENT0000000001"}});
  return out + "</ceb:" + root + ">\n";
}

Response SubmitJson(TestServer& s, const std::string& cookie, const core::Json& body) {
  return s.Send("POST", "/api/v1/messages", core::DumpJson(body), cookie);
}

Response SubmitXml(TestServer& s, const std::string& cookie, const std::string& xml,
                   const std::string& content_type) {
  return s.Send("POST", "/api/v1/messages", xml, cookie, content_type);
}

int64_t SubmitSet(TestServer& s, const std::string& cookie, const CebSet& set) {
  Response r = SubmitJson(s, cookie, BatchJson(set));
  REQUIRE_MESSAGE(r.status == 200, r.body);
  for (const core::Json& receipt : r.json["receipts"]) {
    REQUIRE_MESSAGE(receipt["status"] == "stored", core::DumpJson(receipt));
  }
  const core::Json& list_receipt = r.json["receipts"][3];
  REQUIRE(list_receipt["declaration_id"].is_number_integer());
  return list_receipt["declaration_id"].get<int64_t>();
}

int64_t ListAt(TestServer& s, const std::string& cookie, const std::string& key, core::Fen price) {
  SetSpec spec = Spec(key);
  spec.price = price;
  return SubmitSet(s, cookie, MakeSet(spec));
}

std::string DeclarationPath(int64_t id, const std::string& what) {
  return "/api/v1/declarations/" + std::to_string(id) + "/" + what;
}

core::Json TestRule(const std::string& id, const std::string& condition, const std::string& action,
                    int priority) {
  return {{"id", id},
          {"name", "test " + id},
          {"condition", condition},
          {"action", action},
          {"priority", priority},
          {"valid_from", "2026-01-01"},
          {"valid_to", nullptr},
          {"enabled", true},
          {"reason_zh", "测试规则"},
          {"reason_en", "test rule"}};
}

core::Json Declaration(TestServer& s, const std::string& cookie, int64_t id) {
  Response r = s.Get("/api/v1/declarations/" + std::to_string(id), cookie);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.json;
}

std::map<std::string, int64_t> IngestCounts(TestServer& s) {
  std::map<std::string, int64_t> out = s.Counts();
  for (const char* t : {"ceb_documents",       "ceb_messages",
                        "ceb_message_parties", "ceb_orders",
                        "ceb_order_lines",     "ceb_payments",
                        "ceb_waybills",        "ceb_lists",
                        "ceb_list_lines",      "ceb_refunds",
                        "declarations",        "declaration_parties",
                        "declaration_events",  "screenings",
                        "tax_bills",           "tax_bill_lines",
                        "buyer_quota_entries", "buyer_quota_quantities",
                        "declaration_returns", "learned_arrival_scores"}) {
    out[t] = s.Count(t);
  }
  return out;
}

std::vector<std::string> History(const core::Json& declaration) {
  std::vector<std::string> out;
  for (const core::Json& e : declaration["history"]) {
    std::string reasons;
    for (const core::Json& r : e["reasons"]) {
      reasons += (reasons.empty() ? "" : ",") + r.get<std::string>();
    }
    out.push_back(std::to_string(e["status"].get<int>()) + ":" + reasons);
  }
  return out;
}

core::Refund RefundOf(const core::Json& declaration, const std::string& guid, const char* qty,
                      const char* app_time) {
  auto text = [&](const char* key) { return declaration[key].get<std::string>(); };
  core::Refund refund;
  core::RefundHead& h = refund.head;
  h.guid = guid;
  h.app_time = core::CebTime::Parse(app_time).value();
  h.app_status = "2";
  h.customs_code = "4606";
  h.order_no = text("order_no");
  h.ebp_code = text("ebp_code");
  h.ebp_name = "平台";
  h.ebc_code = text("ebc_code");
  h.ebc_name = "电商";
  h.logistics_no = text("logistics_no");
  h.logistics_code = text("logistics_code");
  h.logistics_name = "物流";
  h.cop_no = "COP-" + guid;
  h.invt_no = text("invt_no");
  h.buyer_id_type = "1";
  h.buyer_id_number = text("buyer_id_number");
  h.buyer_name = text("buyer_name");
  h.buyer_telephone = "13800000000";
  h.agent_code = text("agent_code");
  h.agent_name = "电商";
  h.reason = "尺码不合适";
  core::RefundLine line;
  line.gnum = 1;
  line.gname = "测试商品";
  line.gcode = "8510100000";
  line.qty = core::ParseQty(qty).value();
  line.unit = "001";
  refund.lines = {line};
  return refund;
}

}  // namespace server::testing
