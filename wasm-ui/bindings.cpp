// Emscripten bindings: the only EMSCRIPTEN_BINDINGS of the project. Functions take and return
// JSON text so that core types never cross into JavaScript. The page loads the reference tables
// and the policy once (text fetched from the server), then evaluates as the user types. No I/O.
#include <emscripten/bind.h>

#include <string>

#include "core/catalog.h"
#include "core/credit.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/learned.h"
#include "core/ledger_api.h"
#include "core/policy.h"
#include "core/reconcile_api.h"
#include "core/rules_api.h"
#include "core/stocktake.h"
#include "core/tax.h"
#include "core/verdict_api.h"

namespace {

// The page's copy of what the server has loaded. Single-threaded: JS calls one at a time.
core::ReferenceTables& Tables() {
  static core::ReferenceTables tables;
  return tables;
}

core::Policy& CurrentPolicy() {
  static core::Policy policy;
  return policy;
}

std::string Ok(size_t rows) {
  core::Json j = core::Json::object();
  j["ok"] = true;
  j["rows"] = static_cast<int64_t>(rows);
  return core::DumpJson(j);
}

std::string Failed(const core::Status& status) {
  core::Json j = core::Json::object();
  j["ok"] = false;
  j["error"] = status.message();
  return core::DumpJson(j);
}

// Parses `csv` with the table's loader; replaces the table only when the text is valid.
template <typename Table, typename Parser>
std::string Load(Table& slot, Parser parse, const std::string& csv) {
  core::StatusOr<Table> table = parse(csv);
  if (!table.ok()) return Failed(table.status());
  slot = std::move(table).value();
  return Ok(slot.size());
}

// loadTable(name, csvText) -> {"ok":true,"rows":N} | {"ok":false,"error":"..."}.
// Names as in the API: divisions, hs8, positive_list, controls, high_risk, countries, tax_rates.
std::string LoadTable(const std::string& name, const std::string& csv) {
  core::ReferenceTables& t = Tables();
  if (name == "divisions") return Load(t.divisions, core::DivisionTable::FromHistoryCsv, csv);
  if (name == "hs8") return Load(t.hs8, core::Hs8Catalog::FromYearsCsv, csv);
  if (name == "positive_list") return Load(t.positive_list, core::PositiveList::FromCsv, csv);
  if (name == "controls") return Load(t.controls, core::ControlList::FromCsv, csv);
  if (name == "high_risk") return Load(t.high_risk, core::HighRiskList::FromCsv, csv);
  if (name == "countries") return Load(t.countries, core::CountryTable::FromCsv, csv);
  if (name == "tax_rates") return Load(t.tax_rates, core::TaxRateTable::FromCsv, csv);
  return Failed(core::InvalidArgumentError(
      "unknown table '" + name +
      "' (divisions, hs8, positive_list, controls, high_risk, countries, tax_rates)"));
}

// loadPolicy(jsonText) -> {"ok":true,"rows":<grade scales>} | {"ok":false,"error":"..."}.
std::string LoadPolicy(const std::string& json_text) {
  core::StatusOr<core::Json> doc = core::ParseJson(json_text);
  if (!doc.ok()) return Failed(doc.status());
  core::StatusOr<core::Policy> policy = core::PolicyFromJson(*doc);
  if (!policy.ok()) return Failed(policy.status());
  CurrentPolicy() = std::move(policy).value();
  return Ok(CurrentPolicy().grade_scales.size());
}

std::string EvaluateAdmission(const std::string& request) {
  return core::EvaluateAdmissionJson(request, Tables(), CurrentPolicy());
}

std::string EvaluateGoods(const std::string& request) {
  return core::EvaluateGoodsJson(request, Tables(), CurrentPolicy());
}

std::string CheckIdentifier(const std::string& request) {
  return core::CheckIdentifierJson(request, Tables(), CurrentPolicy());
}

// computeTax({"order": {...}}) -> tax result JSON (core/tax.h), with the loaded tax_rates.
std::string ComputeTax(const std::string& request) {
  return core::ComputeTaxJson(request, Tables());
}

// checkQuota({"order": {...}} | {"return": {...}}) -> quota or return verdict JSON
// (core/quota.h), with the loaded policy's limits and the positive list's caps.
std::string CheckQuota(const std::string& request) {
  return core::CheckQuotaJson(request, Tables(), CurrentPolicy());
}

// reconcile({"order", "payment", "waybill", "inventory", "decision_date", "filed_goods"?}) ->
// reconciliation JSON (core/reconcile_api.h), with the loaded positive list and divisions: the
// same bytes the server stores in a declaration's screening.
std::string Reconcile(const std::string& request) { return core::ReconcileJson(request, Tables()); }

// The ledger view: ledgerBalances / ledgerTrace / ledgerWhatIf over the entries the API returns
// (core/ledger_api.h); the same answers as the server's, to the unit.
std::string LedgerBalances(const std::string& request) { return core::LedgerBalancesJson(request); }

std::string LedgerTrace(const std::string& request) { return core::LedgerTraceJson(request); }

std::string LedgerWhatIf(const std::string& request) { return core::LedgerWhatIfJson(request); }

// compareStocktake({"ledger", "stocktake"}) -> the core's stocktake comparison (core/stocktake.h)
// with the loaded tax rates and policy: the page checks a stored stocktake's result.
std::string CompareStocktake(const std::string& request) {
  return core::StocktakeCompareJson(request, Tables().tax_rates, CurrentPolicy());
}

// assessCredit({"as_of", "facts"}) -> the credit assessment (core/credit.h) under the loaded
// policy: the portal and the profile page explain the grade the server recommended.
std::string AssessCredit(const std::string& request) {
  return core::AssessCreditJson(request, CurrentPolicy());
}

// scoreLearned({"model", "values"}) -> the learned risk score and its explanation (core/learned.h)
// from the trees and values the server stored: the page shows what the server's score rests on.
std::string ScoreLearned(const std::string& request) { return core::ScoreLearnedJson(request); }

// gateCheck / promotionCheck use the loaded policy's tolerances.
std::string GateCheck(const std::string& request) {
  return core::GateCheckJson(request, CurrentPolicy());
}

std::string PromotionCheck(const std::string& request) {
  return core::PromotionCheckJson(request, CurrentPolicy());
}

std::string PromotionSummary(const std::string& request) {
  return core::PromotionSummaryJson(request);
}

// The rule editor and routing (core/rules_api.h): validateRule / previewRule check a rule
// against the loaded policy's grades as the user types; route decides a list as the server
// would; drawInspectors / drawTargets replay the server's double-random draws from their seeds.
std::string ValidateRule(const std::string& request) {
  return core::ValidateRuleJson(request, CurrentPolicy());
}

std::string PreviewRule(const std::string& request) {
  return core::PreviewRuleJson(request, CurrentPolicy());
}

std::string Route(const std::string& request) { return core::RouteJson(request, CurrentPolicy()); }

std::string DrawInspectors(const std::string& request) { return core::DrawInspectorsJson(request); }

std::string DrawTargets(const std::string& request) { return core::DrawTargetsJson(request); }

// ruleSchema() -> the fields, types and vocabularies the rule editor offers.
std::string RuleSchema() { return core::RuleSchemaJson(CurrentPolicy()); }

std::string CoreVersion() { return "cbec-patrol-core 0.1"; }

}  // namespace

EMSCRIPTEN_BINDINGS(cbec_patrol_core) {
  emscripten::function("loadTable", &LoadTable);
  emscripten::function("loadPolicy", &LoadPolicy);
  emscripten::function("evaluateAdmission", &EvaluateAdmission);
  emscripten::function("evaluateGoods", &EvaluateGoods);
  emscripten::function("checkIdentifier", &CheckIdentifier);
  emscripten::function("computeTax", &ComputeTax);
  emscripten::function("checkQuota", &CheckQuota);
  emscripten::function("reconcile", &Reconcile);
  emscripten::function("ledgerBalances", &LedgerBalances);
  emscripten::function("ledgerTrace", &LedgerTrace);
  emscripten::function("ledgerWhatIf", &LedgerWhatIf);
  emscripten::function("compareStocktake", &CompareStocktake);
  emscripten::function("assessCredit", &AssessCredit);
  emscripten::function("scoreLearned", &ScoreLearned);
  emscripten::function("gateCheck", &GateCheck);
  emscripten::function("promotionCheck", &PromotionCheck);
  emscripten::function("promotionSummary", &PromotionSummary);
  emscripten::function("validateRule", &ValidateRule);
  emscripten::function("previewRule", &PreviewRule);
  emscripten::function("route", &Route);
  emscripten::function("drawInspectors", &DrawInspectors);
  emscripten::function("drawTargets", &DrawTargets);
  emscripten::function("ruleSchema", &RuleSchema);
  emscripten::function("coreVersion", &CoreVersion);
}
