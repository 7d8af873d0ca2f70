// What screening a declaration produced: the core's results per screening, the electronic tax
// bill of a released list (CEB816 fields), the buyers' annual quota entries and the returns
// (CEB625) decided against released lists. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/money.h"
#include "store/db.h"

namespace server {

struct ScreeningRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  std::string at;
  std::string decision_date;
  int64_t order_message_id = 0;
  int64_t payment_message_id = 0;
  int64_t waybill_message_id = 0;
  int64_t list_message_id = 0;
  std::string reconciliation;  // JSON text exactly as the core returned it
  std::string quota;
  std::optional<std::string> tax;
  int status = 0;
};

// {"id","at","decision_date","messages": {order, payment, waybill, inventory ids},
//  "reconciliation", "quota", "tax" (parsed objects; tax null), "status"}.
core::Json ScreeningJson(const ScreeningRecord& s);
core::StatusOr<int64_t> InsertScreening(Db& db, const ScreeningRecord& s);
core::Status SetScreeningStatus(Db& db, int64_t id, int status);
core::StatusOr<std::optional<ScreeningRecord>> LatestScreening(Db& db, int64_t declaration_id);

struct TaxBillLine {
  int64_t gnum = 0;
  std::string gcode;
  core::Fen tax_price_fen = 0;
  core::Fen customs_tax_fen = 0;
  core::Fen value_added_tax_fen = 0;
  core::Fen consumption_tax_fen = 0;
};

struct TaxBillRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  int64_t screening_id = 0;
  std::string tax_no;
  std::string invt_no;
  std::string order_no;
  std::string logistics_no;
  std::string ebc_code;
  std::string logistics_code;
  std::string agent_code;
  std::string customs_code;
  std::string assure_code;
  core::Fen customs_tax_fen = 0;
  core::Fen value_added_tax_fen = 0;
  core::Fen consumption_tax_fen = 0;
  core::Fen total_fen = 0;
  std::string status = "1";  // 1 generated
  std::string created_at;
  std::vector<TaxBillLine> lines;
};

// CEB816 names in snake case: {"id","tax_no","invt_no","order_no","logistics_no","ebc_code",
//  "logistics_code","agent_code","customs_code","assure_code","customs_tax_fen",
//  "value_added_tax_fen","consumption_tax_fen","total_fen","status","created_at","lines":[...]}.
core::Json TaxBillJson(const TaxBillRecord& b);
core::StatusOr<int64_t> InsertTaxBill(Db& db, const TaxBillRecord& b);
core::StatusOr<std::optional<TaxBillRecord>> FindTaxBill(Db& db, int64_t declaration_id);

struct QuotaQuantity {
  std::string code8;
  std::string unit;
  int64_t qty_milli = 0;
};

struct QuotaEntry {
  std::string buyer_id_number;
  int year = 0;
  int64_t declaration_id = 0;
  std::string kind;         // "release" | "return"
  core::Fen value_fen = 0;  // negative for a return
  std::string at;
  std::vector<QuotaQuantity> quantities;  // negative for a return
};

core::Status InsertQuotaEntry(Db& db, const QuotaEntry& e);
// The buyer's counted total in a calendar year (releases less returns).
core::StatusOr<core::Fen> YearToDate(Db& db, std::string_view buyer_id_number, int year);
// Quantities per 8-digit code and unit in a calendar year (releases less returns), nonzero only.
core::StatusOr<std::vector<QuotaQuantity>> YearQuantities(Db& db, std::string_view buyer_id_number,
                                                          int year);
// The value and quantities a declaration's release counted, when it did.
core::StatusOr<std::optional<QuotaEntry>> ReleaseEntry(Db& db, int64_t declaration_id);

// Goods filed by the enterprises holding a customs code: code10 and admission outcome, the best
// outcome per code (admitted over review over rejected).
struct FiledCode {
  std::string code10;
  std::string outcome;
};
core::StatusOr<std::vector<FiledCode>> FiledGoodsOf(Db& db, std::string_view customs_code);

struct ReturnRecord {
  int64_t id = 0;
  int64_t declaration_id = 0;
  int64_t refund_message_id = 0;
  std::string outcome;  // restored | pending | not_restored
  core::Fen restored_fen = 0;
  std::string verdict;  // core JSON text
  std::string at;
};

core::Json ReturnJson(const ReturnRecord& r);
core::StatusOr<int64_t> InsertReturn(Db& db, const ReturnRecord& r);
core::StatusOr<std::vector<ReturnRecord>> ListReturns(Db& db, int64_t declaration_id);
// The return decided on a refund message (any version of it shares its business key).
core::StatusOr<bool> ReturnDecidedFor(Db& db, std::string_view refund_business_key);

}  // namespace server
