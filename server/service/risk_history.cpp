// Reading a district's past declarations (CSV) and evaluating the risk models on them.
#include "service/risk_history.h"

#include <map>

#include "common/contact_keys.h"
#include "core/csv.h"
#include "core/money.h"

namespace server {

namespace {

core::StatusOr<core::Fen> Amount(const core::CsvTable& t, const core::CsvRow& row,
                                 std::string_view column) {
  const std::string_view text = t.header.Get(row, column);
  if (text.empty()) return core::Fen{0};
  core::StatusOr<core::Fen> fen = core::ParseCny(text);
  if (!fen.ok() || *fen < 0) {
    return core::CsvLineError(
        row, std::string(column) + " is not an amount in CNY: '" + std::string(text) + "'");
  }
  return fen;
}

}  // namespace

core::StatusOr<RiskHistory> ReadRiskHistoryCsv(std::string_view csv, const core::Date& as_of) {
  CORE_ASSIGN_OR_RETURN(
      core::CsvTable t,
      core::ParseCsvTable(csv, {"declaration_id", "decl_date", "ebc_code", "buyer_id", "item_no",
                                "gcode", "qty", "unit_price", "total_price"}));
  RiskHistory h;
  h.data.as_of = as_of;
  std::map<std::string, size_t, std::less<>> at;  // file id -> index in data.declarations
  for (const core::CsvRow& row : t.rows) {
    const std::string id(t.header.Get(row, "declaration_id"));
    if (id.empty() || id.size() > 64) {
      return core::CsvLineError(row, "declaration_id must be 1 to 64 characters");
    }
    core::StatusOr<core::Date> date = core::Date::Parse(t.header.Get(row, "decl_date"));
    if (!date.ok()) return core::CsvLineError(row, "decl_date must be YYYY-MM-DD");
    const std::string ebc(t.header.Get(row, "ebc_code"));
    auto found = at.find(id);
    if (found == at.end()) {
      core::RiskDeclaration d;
      d.id = static_cast<int64_t>(h.data.declarations.size()) + 1;
      d.ebc_code = ebc;
      d.buyer_id = std::string(t.header.Get(row, "buyer_id"));
      d.date = *date;
      const std::string_view hour = t.header.Get(row, "decl_hour");
      if (!hour.empty()) {
        if (hour.size() > 2 || hour.find_first_not_of("0123456789") != std::string_view::npos ||
            std::stoi(std::string(hour)) > 23) {
          return core::CsvLineError(row, "decl_hour must be 0 to 23");
        }
        d.hour = std::stoi(std::string(hour));
      }
      d.phone_key = PhoneKey(t.header.Get(row, "buyer_phone"));
      d.address_key = AddressKey(t.header.Get(row, "consignee_address"));
      d.payer_id = std::string(t.header.Get(row, "payer_id"));
      CORE_ASSIGN_OR_RETURN(d.freight_fen, Amount(t, row, "freight"));
      CORE_ASSIGN_OR_RETURN(d.tax_fen, Amount(t, row, "tax_total"));
      const std::string_view outcome = t.header.Get(row, "outcome");
      if (outcome == "mismatch") {
        h.known.insert(d.id);
        h.frauds.insert(d.id);
      } else if (outcome == "match") {
        h.known.insert(d.id);
      } else if (!outcome.empty()) {
        return core::CsvLineError(row, "outcome must be match, mismatch or empty (not inspected)");
      }
      found = at.emplace(id, h.data.declarations.size()).first;
      h.data.declarations.push_back(std::move(d));
      h.list_ids.push_back(id);
    }
    core::RiskDeclaration& d = h.data.declarations[found->second];
    if (d.date != *date || d.ebc_code != ebc) {
      return core::CsvLineError(row,
                                "the rows of list " + id + " disagree on its date or ebc_code");
    }
    core::RiskLine line;
    line.sku = std::string(t.header.Get(row, "item_no"));
    line.code10 = std::string(t.header.Get(row, "gcode"));
    line.name = std::string(t.header.Get(row, "gname"));
    core::StatusOr<core::Qty> qty = core::ParseQty(t.header.Get(row, "qty"));
    if (!qty.ok() || qty->e5 <= 0) return core::CsvLineError(row, "qty must be a positive number");
    line.qty_e5 = qty->e5;
    CORE_ASSIGN_OR_RETURN(line.unit_price_fen, Amount(t, row, "unit_price"));
    CORE_ASSIGN_OR_RETURN(line.total_fen, Amount(t, row, "total_price"));
    d.value_fen += line.total_fen;
    d.lines.push_back(std::move(line));
  }
  return h;
}

core::Json EvaluateRiskHistory(const RiskHistory& history, int budget_pm) {
  const std::vector<core::RiskHit> hits = core::RunRiskModels(history.data, core::RiskThresholds{});
  const core::RiskEvaluation e =
      core::EvaluateRiskHits(hits, static_cast<int64_t>(history.data.declarations.size()),
                             history.known, history.frauds, budget_pm);
  return {{"evaluation", core::RiskEvaluationToJson(e)},
          {"hits", static_cast<int64_t>(hits.size())}};
}

}  // namespace server
