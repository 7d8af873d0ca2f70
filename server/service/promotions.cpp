// Promotion filing, list price checks and promotion summaries through the core.
#include "service/promotions.h"

#include <set>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "core/ledger_api.h"
#include "core/promotion.h"
#include "service/applications.h"
#include "service/ledgers.h"

namespace server {

namespace {

constexpr int64_t kMaxSummaryLists = 20000;  // keeps a summary request within the core's limits

// The stored filings as the core reads them.
core::Json FilingsJson(const std::vector<PromotionRecord>& records) {
  core::Json arr = core::Json::array();
  for (const PromotionRecord& r : records) arr.push_back(JsonOrNull(r.filing));
  return arr;
}

core::StatusOr<core::Json> NormalPricesJson(Db& db, std::string_view enterprise_code) {
  CORE_ASSIGN_OR_RETURN(std::vector<FiledPrice> prices, GoodsPricesOfCode(db, enterprise_code));
  core::Json arr = core::Json::array();
  for (const FiledPrice& p : prices) {
    // The core takes positive prices of SKUs up to 64 bytes; others are not a normal price.
    if (p.price_fen <= 0 || p.sku.empty() || p.sku.size() > 64) continue;
    arr.push_back({{"sku", p.sku}, {"price_fen", p.price_fen}});
  }
  return arr;
}

// The SKU promotions are filed under: the enterprise's item number, else the ledger item.
const std::string& PriceSku(const core::InventoryLine& line) {
  return !line.item_no.empty() ? line.item_no : line.item_record_no;
}

// The core reads SKUs and references of at most 64 bytes; longer ones cannot be filed either.
constexpr size_t kMaxCoreId = 64;

bool CheckableSku(const core::InventoryLine& line) {
  return !PriceSku(line).empty() && PriceSku(line).size() <= kMaxCoreId;
}

// "<invtNo or copNo>/<gnum>", or "" when that would be too long to echo.
std::string LineRef(const core::Inventory& list, const std::string& invt_no, int gnum) {
  std::string ref = !invt_no.empty()             ? invt_no
                    : !list.head.invt_no.empty() ? list.head.invt_no
                                                 : list.head.cop_no;
  ref += "/" + std::to_string(gnum);
  return ref.size() <= kMaxCoreId ? ref : "";
}

}  // namespace

core::StatusOr<PromotionRecord> FilePromotion(App& app, Db& db, const Actor& actor,
                                              const core::Json& body) {
  auto it = body.find("promotion");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'promotion' is required and must be an object");
  }
  CORE_RETURN_IF_ERROR(CheckAllowedFields(
      *it, {"skus", "promo_price_fen", "normal_price_fen", "from", "to", "enterprise_id"},
      "promotion"));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> enterprise_id,
                        core::OptionalInt(*it, "enterprise_id"));
  core::Json filing = *it;
  filing.erase("enterprise_id");
  const core::Date today = app.Today();
  CORE_ASSIGN_OR_RETURN(int64_t id, NextPromotionId(db));
  filing["id"] = std::to_string(id);
  filing["filed_at"] = today.ToIso();
  // Read once with a placeholder enterprise so field errors come before ownership questions.
  filing["enterprise_code"] = "-";
  core::StatusOr<core::PromotionFiling> parsed = core::PromotionFilingFromJson(filing, "promotion");
  if (!parsed.ok()) return core::InvalidArgumentError(parsed.status().message());
  CORE_ASSIGN_OR_RETURN(EnterpriseRecord enterprise,
                        ResolveOwnEnterprise(db, actor, enterprise_id, "promotion.enterprise_id"));
  if (parsed->to < today) {
    return core::FailedPreconditionError("the promotion's period ended on " + parsed->to.ToIso() +
                                         ", before it was filed (" + today.ToIso() + ")");
  }
  filing["enterprise_code"] = enterprise.customs_code;
  parsed->enterprise_code = enterprise.customs_code;
  filing = core::PromotionFilingToJson(*parsed);
  CORE_ASSIGN_OR_RETURN(std::vector<PromotionRecord> others,
                        PromotionsOfCode(db, enterprise.customs_code));
  core::Json request = {{"enterprise_code", enterprise.customs_code},
                        {"filings", FilingsJson(others)},
                        {"filing", filing}};
  CORE_ASSIGN_OR_RETURN(request["normal_prices"], NormalPricesJson(db, enterprise.customs_code));
  std::shared_ptr<const ReferenceData> ref = app.reference();
  std::string check = core::PromotionCheckJson(core::DumpJson(request), ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json check_json, CoreResult(check));
  const int64_t now = app.Now();
  PromotionRecord p;
  p.id = id;
  p.enterprise_id = enterprise.id;
  p.enterprise_code = enterprise.customs_code;
  p.enterprise_name = enterprise.name;
  p.filing = core::DumpJson(filing);
  p.date_from = parsed->from.ToIso();
  p.date_to = parsed->to.ToIso();
  CORE_ASSIGN_OR_RETURN(p.outcome, core::RequiredString(check_json, "outcome"));
  p.check_result = check;
  p.created_by = actor.user_id;
  p.created_at = FormatUtcIso(now);
  CORE_RETURN_IF_ERROR(InsertPromotion(db, p));
  core::Json detail = {{"enterprise_id", p.enterprise_id},
                       {"skus", filing["skus"]},
                       {"from", p.date_from},
                       {"to", p.date_to},
                       {"outcome", p.outcome}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "promotion.file", "promotion", std::to_string(p.id), detail, now));
  return p;
}

core::StatusOr<PromotionRecord> GetPromotionFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<PromotionRecord> p, FindPromotion(db, id));
  if (!p || !CheckEnterpriseVisible(actor, p->enterprise_id).ok()) {
    return core::NotFoundError("promotion " + std::to_string(id) + " not found");
  }
  return *std::move(p);
}

core::StatusOr<core::Json> SummarisePromotion(App& app, Db& db, const PromotionRecord& p) {
  core::Json filing = JsonOrNull(p.filing);
  std::set<std::string> skus;
  if (filing.is_object() && filing.contains("skus") && filing["skus"].is_array()) {
    for (const core::Json& s : filing["skus"]) {
      if (s.is_string()) skus.insert(s.get<std::string>());
    }
  }
  CORE_ASSIGN_OR_RETURN(
      std::vector<ReleasedList> lists,
      ReleasedListsOf(db, p.enterprise_code, p.date_from, p.date_to, kMaxSummaryLists));
  core::Json lines = core::Json::array();
  for (const ReleasedList& r : lists) {
    core::StatusOr<core::Json> record = core::ParseJson(r.list);
    if (!record.ok())
      return core::InternalError("stored list of declaration " + std::to_string(r.declaration_id) +
                                 " unreadable");
    core::StatusOr<core::Inventory> list = core::InventoryFromJson(*record);
    if (!list.ok()) return core::InternalError("stored list does not read back");
    for (const core::InventoryLine& line : list->lines) {
      if (!CheckableSku(line) || skus.count(PriceSku(line)) == 0) continue;
      lines.push_back({{"ref", LineRef(*list, r.invt_no, line.gnum)},
                       {"sku", PriceSku(line)},
                       {"price_fen", line.price},
                       {"date", r.decl_date},
                       {"qty", core::FormatQty(line.qty)}});
    }
  }
  core::Json request = {{"enterprise_code", p.enterprise_code},
                        {"filings", core::Json::array({filing})},
                        {"lines", std::move(lines)},
                        {"decision_date", app.Today().ToIso()}};
  return CoreResult(core::PromotionSummaryJson(core::DumpJson(request)));
}

core::StatusOr<core::Json> CheckListPrices(App& app, Db& db, const core::Inventory& list) {
  const std::string& enterprise = list.head.ebc_code;
  CORE_ASSIGN_OR_RETURN(std::vector<PromotionRecord> filings, PromotionsOfCode(db, enterprise));
  CORE_ASSIGN_OR_RETURN(core::Json normal_prices, NormalPricesJson(db, enterprise));
  if (filings.empty() && normal_prices.empty()) return core::Json::object();
  core::Json lines = core::Json::array();
  for (const core::InventoryLine& line : list.lines) {
    if (!CheckableSku(line)) continue;
    lines.push_back({{"ref", LineRef(list, "", line.gnum)},
                     {"sku", PriceSku(line)},
                     {"price_fen", line.price},
                     {"date", list.head.decl_time.date().ToIso()}});
  }
  core::Json request = {{"enterprise_code", enterprise},
                        {"filings", FilingsJson(filings)},
                        {"normal_prices", std::move(normal_prices)},
                        {"lines", std::move(lines)}};
  std::shared_ptr<const ReferenceData> ref = app.reference();
  return CoreResult(core::PromotionCheckJson(core::DumpJson(request), ref->policy));
}

}  // namespace server
