// Goods filings table: prepared statements only.
#include "store/goods_repo.h"

#include "common/json_text.h"

namespace server {

namespace {
constexpr std::string_view kColumns =
    "g.id, g.enterprise_id, e.name, g.sku, g.name, g.name_norm, g.code10, g.outcome, g.filing, "
    "g.verdict, g.filed_by, g.filed_at";
constexpr std::string_view kFrom =
    " FROM goods_filings g JOIN enterprises e ON e.id = g.enterprise_id";

GoodsRecord ReadGoods(const Stmt& s) {
  GoodsRecord g;
  g.id = s.Int(0);
  g.enterprise_id = s.Int(1);
  g.enterprise_name = s.Text(2);
  g.sku = s.Text(3);
  g.name = s.Text(4);
  g.name_norm = s.Text(5);
  g.code10 = s.Text(6);
  g.outcome = s.Text(7);
  g.filing = s.Text(8);
  g.verdict = s.Text(9);
  g.filed_by = s.OptInt(10);
  g.filed_at = s.Text(11);
  return g;
}

}  // namespace

core::Json GoodsSummaryJson(const GoodsRecord& g) {
  core::Json j = core::Json::object();
  j["id"] = g.id;
  j["enterprise_id"] = g.enterprise_id;
  j["enterprise_name"] = g.enterprise_name;
  j["sku"] = g.sku;
  j["name"] = g.name;
  j["code10"] = g.code10;
  j["outcome"] = g.outcome;
  j["filed_at"] = g.filed_at;
  j["filed_by"] = OrNull(g.filed_by);
  return j;
}

core::Json GoodsToApiJson(const GoodsRecord& g) {
  core::Json j = GoodsSummaryJson(g);
  j["filing"] = JsonOrNull(g.filing);
  j["verdict"] = JsonOrNull(g.verdict);
  return j;
}

core::StatusOr<int64_t> InsertGoods(Db& db, const GoodsRecord& g) {
  core::Status st = db.Exec(
      "INSERT INTO goods_filings (enterprise_id, sku, name, name_norm, code10, outcome, filing, "
      "verdict, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      g.enterprise_id, g.sku, g.name, g.name_norm, g.code10, g.outcome, g.filing, g.verdict,
      g.filed_by, g.filed_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("SKU '" + g.sku + "' is already filed by this enterprise");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::optional<GoodsRecord>> FindGoods(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) + " WHERE g.id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<GoodsRecord>();
  return std::optional<GoodsRecord>(ReadGoods(s));
}

core::StatusOr<ListResult<GoodsRecord>> ListGoods(Db& db, const GoodsFilter& f, const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR g.enterprise_id = ?1) AND (?2 = '' OR g.outcome = ?2) AND "
      "(?3 = '' OR instr(g.name, ?3) > 0 OR instr(g.sku, ?3) > 0 OR instr(g.code10, ?3) > 0)";
  ListResult<GoodsRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c,
                          db.Query("SELECT COUNT(*)" + std::string(kFrom) + std::string(kWhere),
                                   f.enterprise_id, f.outcome, f.q));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kColumns) + std::string(kFrom) +
                                     std::string(kWhere) + " ORDER BY g.id DESC LIMIT ?4 OFFSET ?5",
                                 f.enterprise_id, f.outcome, f.q, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadGoods(s));
  }
  return out;
}

core::StatusOr<std::vector<NameCode>> ListOtherFilings(
    Db& db, std::string_view name_norm, std::optional<int64_t> exclude_enterprise_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT name, code10 FROM goods_filings WHERE name_norm = ?1 AND "
                                 "(?2 IS NULL OR enterprise_id <> ?2) ORDER BY id",
                                 name_norm, exclude_enterprise_id));
  std::vector<NameCode> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(NameCode{s.Text(0), s.Text(1)});
  }
  return out;
}

}  // namespace server
