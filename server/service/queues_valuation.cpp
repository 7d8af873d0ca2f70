// Valuation (验估): the officer's adjusted dutiable values, the tax recomputed by the core, the
// release with the list's tax bill and a supplementary bill of the difference.
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "core/verdict_api.h"
#include "service/declarations.h"
#include "service/queues.h"
#include "service/routing_release.h"
#include "service/screening_requests.h"
#include "store/screening_repo.h"

namespace server {

namespace {

using AdjustedMap = std::map<int, core::Fen>;  // gnum -> adjusted dutiable value

int64_t IntOr(const core::Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<int64_t>() : 0;
}

// gnum -> adjusted dutiable value, checked against the list's lines.
core::StatusOr<AdjustedMap> AdjustedValues(const core::Json& body, const core::Inventory& list) {
  auto lines = body.find("lines");
  if (lines == body.end() || !lines->is_array() || lines->empty() || lines->size() > 1000) {
    return core::InvalidArgumentError("field 'lines' must be an array of 1-1000 lines");
  }
  std::set<int> gnums;
  for (const core::InventoryLine& l : list.lines) gnums.insert(l.gnum);
  AdjustedMap out;
  for (size_t i = 0; i < lines->size(); ++i) {
    const core::Json& l = (*lines)[i];
    const std::string at = "lines[" + std::to_string(i) + "]";
    if (!l.is_object() || !l.contains("gnum") || !l["gnum"].is_number_integer() ||
        !l.contains("dutiable_value_fen") || !l["dutiable_value_fen"].is_number_integer()) {
      return core::InvalidArgumentError("field '" + at +
                                        "' must be {gnum, dutiable_value_fen} integers");
    }
    const int64_t gnum = l["gnum"].get<int64_t>();
    const int64_t value = l["dutiable_value_fen"].get<int64_t>();
    if (gnum < 0 || gnum > 100000 || gnums.count(static_cast<int>(gnum)) == 0) {
      return core::InvalidArgumentError("field '" + at + ".gnum': the list has no line " +
                                        std::to_string(gnum));
    }
    if (value < 0 || value > core::kMaxFen) {
      return core::InvalidArgumentError("field '" + at + ".dutiable_value_fen' is out of range");
    }
    if (!out.emplace(static_cast<int>(gnum), value).second) {
      return core::InvalidArgumentError("field '" + at + ".gnum' repeats line " +
                                        std::to_string(gnum));
    }
  }
  return out;
}

// The core's quota verdict on the list at the adjusted total (freight, insurance and discount
// are inside the adjusted values), against the buyer's year so far (this list not yet in it).
core::StatusOr<core::Json> RevaluedQuota(Db& db, const DeclarationRecord& d,
                                         const core::Order& order, const core::Inventory& list,
                                         const ReferenceData& ref, core::Fen total) {
  const int year = list.head.decl_time.date().year();
  CORE_ASSIGN_OR_RETURN(core::Fen ytd, YearToDate(db, d.buyer_id_number, year));
  CORE_ASSIGN_OR_RETURN(std::vector<QuotaQuantity> ytd_qty,
                        YearQuantities(db, d.buyer_id_number, year));
  core::Json request = QuotaRequest(order, list, ref.tables.positive_list, ytd, ytd_qty);
  core::Json& o = request["order"];
  o["goods_value_fen"] = total;
  o["freight_fen"] = 0;
  o["insurance_fen"] = 0;
  o["discount_fen"] = 0;
  const std::string text = core::CheckQuotaJson(core::DumpJson(request), ref.tables, ref.policy);
  CORE_ASSIGN_OR_RETURN(core::Json quota, CoreResult(text));
  if (!quota.contains("path") || !quota["path"].is_string()) {
    return core::FailedPreconditionError("the core could not check the quota again: " + text);
  }
  return quota;
}

}  // namespace

core::StatusOr<core::Json> RecordValuation(App& app, Db& db, const Actor& actor, int64_t id,
                                           const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(std::string reason, RequiredReason(body));
  CORE_ASSIGN_OR_RETURN(DeclarationRecord d, DeclarationInQueue(db, id, kQueueValuation));
  CORE_ASSIGN_OR_RETURN(core::Inventory list, DeclarationList(db, d));
  CORE_ASSIGN_OR_RETURN(AdjustedMap adjusted, AdjustedValues(body, list));
  CORE_ASSIGN_OR_RETURN(std::optional<ScreeningRecord> screening, LatestScreening(db, d.id));
  if (!screening || !screening->tax) {
    return core::FailedPreconditionError("declaration " + std::to_string(id) +
                                         " has no computed tax to value");
  }
  const core::Json billed = JsonOrNull(*screening->tax);
  CORE_ASSIGN_OR_RETURN(core::Order order,
                        StoredRecord(db, screening->order_message_id, &core::OrderFromJson));

  const core::Json& billed_lines = billed["lines"];
  core::Json lines_out = core::Json::array();
  core::Fen total = 0;
  for (size_t i = 0; i < list.lines.size(); ++i) {
    const core::Fen before = billed_lines.is_array() && i < billed_lines.size()
                                 ? IntOr(billed_lines[i], "dutiable_value_fen")
                                 : 0;
    auto it = adjusted.find(list.lines[i].gnum);
    const core::Fen value = it != adjusted.end() ? it->second : before;
    total += value;
    lines_out.push_back({{"gnum", list.lines[i].gnum},
                         {"gcode", list.lines[i].gcode},
                         {"billed_dutiable_value_fen", before},
                         {"dutiable_value_fen", value}});
  }
  std::shared_ptr<const ReferenceData> ref = app.reference();
  CORE_ASSIGN_OR_RETURN(core::Json quota, RevaluedQuota(db, d, order, list, *ref, total));
  const std::string new_path = quota.contains("tax_path") && quota["tax_path"].is_string()
                                   ? quota["tax_path"].get<std::string>()
                                   : "";
  const bool cbec = quota["path"] == "cbec" || quota["path"] == "cbec_full_tax";
  if (!cbec || new_path.empty()) {
    // Worth more than CBEC allows: the goods must be declared under general trade.
    std::vector<std::string> reasons = {"VALUATION_BEYOND_LIMITS"};
    if (quota.contains("findings") && quota["findings"].is_array()) {
      for (const core::Json& f : quota["findings"]) {
        if (f.is_object() && f.contains("code") && f["code"].is_string()) {
          reasons.push_back(f["code"].get<std::string>());
        }
      }
    }
    const core::Json detail = {
        {"reason", reason}, {"by", "valuation"}, {"lines", lines_out}, {"quota", quota}};
    CORE_RETURN_IF_ERROR(RejectFromQueue(app, db, d, actor, reasons, detail));
    CORE_RETURN_IF_ERROR(RecordOutcome(app, db, d, actor, "valuation", "beyond_limits", "reject",
                                       reason, {{"quota_path", quota["path"]}}));
    CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "declaration.valuation", "declaration",
                                     std::to_string(id), detail, app.Now()));
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> after, FindDeclaration(db, id));
    if (!after) return core::InternalError("declaration vanished");
    CORE_ASSIGN_OR_RETURN(core::Json declaration, DeclarationDetailJson(db, *after));
    return core::Json{{"declaration", std::move(declaration)}, {"outcome", detail}};
  }

  // The adjusted dutiable value is the whole taxable base of its line: freight, insurance and
  // discount are already inside it, so they are not spread again.
  core::Json request = TaxRequest(order, list, new_path);
  core::Json& order_req = request["order"];
  order_req["freight_fen"] = 0;
  order_req["insurance_fen"] = 0;
  order_req["discount_fen"] = 0;
  for (size_t i = 0; i < lines_out.size(); ++i) {
    order_req["lines"][i]["goods_value_fen"] = lines_out[i]["dutiable_value_fen"];
  }
  const std::string tax_text = core::ComputeTaxJson(core::DumpJson(request), ref->tables);
  CORE_ASSIGN_OR_RETURN(core::Json tax, CoreResult(tax_text));
  if (!tax.contains("order") || !tax["order"].is_object()) {
    return core::FailedPreconditionError("the core could not recompute the tax: " + tax_text);
  }
  const core::Json& new_lines = tax["lines"];
  for (size_t i = 0; i < lines_out.size(); ++i) {
    const core::Json& n =
        new_lines.is_array() && i < new_lines.size() ? new_lines[i] : core::Json();
    const core::Json& b =
        billed_lines.is_array() && i < billed_lines.size() ? billed_lines[i] : core::Json();
    for (const char* k : {"duty_fen", "vat_fen", "ct_fen", "total_fen"}) {
      lines_out[i][std::string("difference_") + k] = IntOr(n, k) - IntOr(b, k);
    }
  }

  const core::Json detail = {
      {"reason", reason}, {"by", "valuation"}, {"lines", lines_out}, {"tax_path", new_path}};
  CORE_ASSIGN_OR_RETURN(TaxBillRecord bill, ReleaseDeclaration(app, db, d, actor, actor,
                                                               {"VALUATION_ADJUSTED"}, detail));
  SupplementaryBill s;
  s.declaration_id = d.id;
  s.tax_bill_id = bill.id;
  s.tax_no = AssignedNumber(list, d, 'S');
  s.customs_tax_fen = IntOr(tax["order"], "duty_fen") - bill.customs_tax_fen;
  s.value_added_tax_fen = IntOr(tax["order"], "vat_fen") - bill.value_added_tax_fen;
  s.consumption_tax_fen = IntOr(tax["order"], "ct_fen") - bill.consumption_tax_fen;
  s.total_fen = IntOr(tax["order"], "total_fen") - bill.total_fen;
  s.lines = lines_out;
  s.tax = tax_text;
  s.created_at = FormatUtcIso(app.Now());
  s.created_by = actor.name;
  CORE_ASSIGN_OR_RETURN(s.id, InsertSupplementaryBill(db, s));
  CORE_RETURN_IF_ERROR(
      RecordOutcome(app, db, d, actor, "valuation", "adjusted", "release", reason,
                    {{"supplementary_tax_bill_id", s.id}, {"total_fen", s.total_fen}}));
  core::Json audit = detail;
  audit["supplementary_tax_bill"] = SupplementaryBillJson(s);
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "declaration.valuation", "declaration",
                                   std::to_string(id), audit, app.Now()));
  core::Json outcome = detail;
  outcome["supplementary_tax_bill"] = SupplementaryBillJson(s);
  CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> after, FindDeclaration(db, id));
  if (!after) return core::InternalError("declaration vanished");
  CORE_ASSIGN_OR_RETURN(core::Json declaration, DeclarationDetailJson(db, *after));
  return core::Json{{"declaration", std::move(declaration)}, {"outcome", std::move(outcome)}};
}

}  // namespace server
