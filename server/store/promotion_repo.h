// Promotion filings (促销行为报备) with the check made when filed, the normal prices an
// enterprise filed with its goods, and the released list lines a promotion summary reads. Does
// file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct PromotionRecord {
  int64_t id = 0;
  int64_t enterprise_id = 0;
  std::string enterprise_code;
  std::string enterprise_name;  // filled by reads (joined)
  std::string filing;           // core PromotionFilingToJson text (its "id" is the row id)
  std::string date_from;
  std::string date_to;
  std::string outcome;       // "ok" | "flagged"
  std::string check_result;  // core PromotionCheckJson output, byte for byte
  std::optional<int64_t> created_by;
  std::string created_at;
};

// {"id","enterprise_id","enterprise_code","enterprise_name","from","to","outcome","filing",
//  "created_by","created_at"}; the full form adds "check".
core::Json PromotionSummaryJson(const PromotionRecord& p);
core::Json PromotionToApiJson(const PromotionRecord& p);

core::StatusOr<int64_t> NextPromotionId(Db& db);
// Inserts with p.id as the row id.
core::Status InsertPromotion(Db& db, const PromotionRecord& p);
core::StatusOr<std::optional<PromotionRecord>> FindPromotion(Db& db, int64_t id);
// Every filing of the enterprise with that customs code, oldest first.
core::StatusOr<std::vector<PromotionRecord>> PromotionsOfCode(Db& db,
                                                              std::string_view enterprise_code);

struct PromotionFilter {
  std::optional<int64_t> enterprise_id;
  std::string outcome;  // "" = any
};
// Newest first.
core::StatusOr<ListResult<PromotionRecord>> ListPromotions(Db& db, const PromotionFilter& f,
                                                           const Page& page);

struct FiledPrice {
  std::string sku;
  int64_t price_fen = 0;
};
// The unit prices the enterprise(s) with that customs code declared in goods filings that were
// not rejected, by SKU.
core::StatusOr<std::vector<FiledPrice>> GoodsPricesOfCode(Db& db, std::string_view enterprise_code);

struct ReleasedList {
  int64_t declaration_id = 0;
  std::string invt_no;
  std::string decl_date;
  std::string list;  // the list version's canonical record JSON
};
// Released (800) lists of that e-commerce enterprise declared from `from` to `to` (inclusive),
// oldest first, at most `limit`.
core::StatusOr<std::vector<ReleasedList>> ReleasedListsOf(Db& db, std::string_view ebc_code,
                                                          std::string_view from,
                                                          std::string_view to, int64_t limit);

}  // namespace server
