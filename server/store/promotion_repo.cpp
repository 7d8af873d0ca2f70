// Promotion filings, filed goods prices and released lists: prepared statements only.
#include "store/promotion_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kColumns =
    "p.id, p.enterprise_id, p.enterprise_code, e.name, p.filing, p.date_from, p.date_to, "
    "p.outcome, p.check_result, p.created_by, p.created_at";
constexpr std::string_view kFrom =
    " FROM promotions p JOIN enterprises e ON e.id = p.enterprise_id";

PromotionRecord ReadPromotion(const Stmt& s) {
  PromotionRecord p;
  p.id = s.Int(0);
  p.enterprise_id = s.Int(1);
  p.enterprise_code = s.Text(2);
  p.enterprise_name = s.Text(3);
  p.filing = s.Text(4);
  p.date_from = s.Text(5);
  p.date_to = s.Text(6);
  p.outcome = s.Text(7);
  p.check_result = s.Text(8);
  p.created_by = s.OptInt(9);
  p.created_at = s.Text(10);
  return p;
}

}  // namespace

core::Json PromotionSummaryJson(const PromotionRecord& p) {
  core::Json j = core::Json::object();
  j["id"] = p.id;
  j["enterprise_id"] = p.enterprise_id;
  j["enterprise_code"] = p.enterprise_code;
  j["enterprise_name"] = p.enterprise_name;
  j["from"] = p.date_from;
  j["to"] = p.date_to;
  j["outcome"] = p.outcome;
  j["filing"] = JsonOrNull(p.filing);
  j["created_by"] = OrNull(p.created_by);
  j["created_at"] = p.created_at;
  return j;
}

core::Json PromotionToApiJson(const PromotionRecord& p) {
  core::Json j = PromotionSummaryJson(p);
  j["check"] = JsonOrNull(p.check_result);
  return j;
}

core::StatusOr<int64_t> NextPromotionId(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT COALESCE(MAX(id), 0) + 1 FROM promotions"));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 1;
}

core::Status InsertPromotion(Db& db, const PromotionRecord& p) {
  return db.Exec(
      "INSERT INTO promotions (id, enterprise_id, enterprise_code, filing, date_from, date_to, "
      "outcome, check_result, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p.id, p.enterprise_id, p.enterprise_code, p.filing, p.date_from, p.date_to, p.outcome,
      p.check_result, p.created_by, p.created_at);
}

core::StatusOr<std::optional<PromotionRecord>> FindPromotion(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) + " WHERE p.id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<PromotionRecord>();
  return std::optional<PromotionRecord>(ReadPromotion(s));
}

core::StatusOr<std::vector<PromotionRecord>> PromotionsOfCode(Db& db,
                                                              std::string_view enterprise_code) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) +
                                             " WHERE p.enterprise_code = ? ORDER BY p.id",
                                         enterprise_code));
  std::vector<PromotionRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadPromotion(s));
  }
  return out;
}

core::StatusOr<ListResult<PromotionRecord>> ListPromotions(Db& db, const PromotionFilter& f,
                                                           const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR p.enterprise_id = ?1) AND (?2 = '' OR p.outcome = ?2)";
  ListResult<PromotionRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c,
                          db.Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kWhere),
                                   f.enterprise_id, f.outcome));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) +
                                     std::string(kWhere) + " ORDER BY p.id DESC LIMIT ?3 OFFSET ?4",
                                 f.enterprise_id, f.outcome, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadPromotion(s));
  }
  return out;
}

core::StatusOr<std::vector<FiledPrice>> GoodsPricesOfCode(Db& db,
                                                          std::string_view enterprise_code) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT g.sku, json_extract(g.filing, '$.declared_unit_price_fen') FROM "
                       "goods_filings g JOIN enterprises e ON e.id = g.enterprise_id WHERE "
                       "e.customs_code = ? AND g.outcome <> 'rejected' ORDER BY g.sku, g.id",
                       enterprise_code));
  std::vector<FiledPrice> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (s.IsNull(1)) continue;
    FiledPrice p{s.Text(0), s.Int(1)};
    // One price per SKU (the first filing's) so the core's normal prices stay unique.
    if (!out.empty() && out.back().sku == p.sku) continue;
    out.push_back(std::move(p));
  }
  return out;
}

core::StatusOr<std::vector<ReleasedList>> ReleasedListsOf(Db& db, std::string_view ebc_code,
                                                          std::string_view from,
                                                          std::string_view to, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT d.id, d.invt_no, d.decl_date, m.parsed FROM declarations d JOIN "
                       "ceb_messages m ON m.id = d.list_message_id WHERE d.ebc_code = ? AND "
                       "d.status = 800 AND d.decl_date >= ? AND d.decl_date <= ? ORDER BY d.id "
                       "LIMIT ?",
                       ebc_code, from, to, limit));
  std::vector<ReleasedList> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReleasedList{s.Int(0), s.Text(1), s.Text(2), s.Text(3)});
  }
  return out;
}

}  // namespace server
