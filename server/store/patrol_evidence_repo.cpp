// Evidence, observations, findings, covert buyers, mystery orders and the declared facts
// patrols compare with: prepared statements only.
#include "store/patrol_evidence_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kEvidenceMeta =
    "id, task_id, seq, purpose, method, url, request_body, status, headers, body_size, sha256, "
    "content_type, fetched_at, error, attempt";

EvidenceRecord ReadEvidenceMeta(const Stmt& s) {
  EvidenceRecord e;
  e.id = s.Int(0);
  e.task_id = s.Int(1);
  e.seq = s.Int(2);
  e.purpose = s.Text(3);
  e.method = s.Text(4);
  e.url = s.Text(5);
  e.request_body = s.Text(6);
  e.status = s.Int(7);
  e.headers = s.Text(8);
  e.body_size = s.Int(9);
  e.sha256 = s.Text(10);
  e.content_type = s.Text(11);
  e.fetched_at = s.Text(12);
  e.error = s.Text(13);
  e.attempt = s.Int(14);
  return e;
}

core::StatusOr<std::optional<EvidenceRecord>> OneEvidence(Stmt& s) {
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<EvidenceRecord>();
  EvidenceRecord e = ReadEvidenceMeta(s);
  e.body = s.Bytes(15);
  return std::optional<EvidenceRecord>(std::move(e));
}

core::Severity SeverityFrom(const std::string& name) {
  if (name == "error") return core::Severity::kError;
  if (name == "warning") return core::Severity::kWarning;
  return core::Severity::kInfo;
}

constexpr std::string_view kMysteryColumns =
    "id, task_id, shop_id, buyer_id, sku, quantity, status, order_no, unit_price_fen, goods_fen, "
    "freight_fen, tax_fen, total_fen, placed_at, placed_on, declaration_id, matched_at, "
    "created_at FROM mystery_orders";

MysteryOrderRecord ReadMystery(const Stmt& s) {
  MysteryOrderRecord m;
  m.id = s.Int(0);
  m.task_id = s.Int(1);
  m.shop_id = s.Int(2);
  m.buyer_id = s.Int(3);
  m.sku = s.Text(4);
  m.quantity = s.Int(5);
  m.status = s.Text(6);
  m.order_no = s.Text(7);
  m.unit_price_fen = s.OptInt(8);
  m.goods_fen = s.OptInt(9);
  m.freight_fen = s.OptInt(10);
  m.tax_fen = s.OptInt(11);
  m.total_fen = s.OptInt(12);
  m.placed_at = s.OptText(13);
  m.placed_on = s.OptText(14);
  m.declaration_id = s.OptInt(15);
  m.matched_at = s.OptText(16);
  m.created_at = s.Text(17);
  return m;
}

template <typename T, typename ReadFn>
core::StatusOr<std::vector<T>> All(Stmt& s, ReadFn read) {
  std::vector<T> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(read(s));
  }
  return out;
}

}  // namespace

core::Json EvidenceMetaJson(const EvidenceRecord& e) {
  return {{"id", e.id},
          {"task_id", e.task_id},
          {"attempt", e.attempt},
          {"seq", e.seq},
          {"purpose", e.purpose},
          {"method", e.method},
          {"url", e.url},
          {"request_body", e.request_body},
          {"status", e.status},
          {"headers", JsonOrNull(e.headers)},
          {"body_size", e.body_size},
          {"sha256", e.sha256},
          {"content_type", e.content_type},
          {"fetched_at", e.fetched_at},
          {"error", e.error}};
}

core::StatusOr<int64_t> InsertEvidence(Db& db, const EvidenceRecord& e) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO crawl_evidence (task_id, attempt, seq, purpose, method, url, request_body, "
      "status, headers, body, body_size, sha256, content_type, fetched_at, error) VALUES (?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.task_id, e.attempt, e.seq, e.purpose, e.method, e.url, e.request_body, e.status, e.headers,
      Blob{e.body}, static_cast<int64_t>(e.body.size()), e.sha256, e.content_type, e.fetched_at,
      e.error));
  return db.LastInsertId();
}

core::StatusOr<std::optional<EvidenceRecord>> FindEvidence(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kEvidenceMeta) +
                                             ", body FROM crawl_evidence "
                                             "WHERE id = ?",
                                         id));
  return OneEvidence(s);
}

core::StatusOr<std::optional<EvidenceRecord>> FindEvidenceBySeq(Db& db, int64_t task_id,
                                                                int64_t attempt, int64_t seq) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kEvidenceMeta) +
                                             ", body FROM crawl_evidence WHERE task_id = ? AND "
                                             "attempt = ? AND seq = ?",
                                         task_id, attempt, seq));
  return OneEvidence(s);
}

core::StatusOr<std::vector<EvidenceRecord>> ListEvidence(Db& db, int64_t task_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kEvidenceMeta) +
                                     " FROM crawl_evidence WHERE task_id = ? ORDER BY attempt, seq",
                                 task_id));
  return All<EvidenceRecord>(s, ReadEvidenceMeta);
}

core::Json ObservationToJson(const ObservationRecord& o) {
  return {{"id", o.id},
          {"task_id", o.task_id},
          {"shop_id", o.shop_id},
          {"url", o.seen.url},
          {"sku", o.seen.sku},
          {"name", o.seen.name},
          {"price_fen", OrNull(o.seen.price)},
          {"old_price_fen", OrNull(o.seen.old_price)},
          {"freight_fen", OrNull(o.seen.freight)},
          {"currency", o.currency},
          {"sources", JsonOrNull(o.sources)},
          {"evidence_id", o.seen.evidence_id > 0 ? core::Json(o.seen.evidence_id) : core::Json()},
          {"observed_at", o.observed_at}};
}

core::StatusOr<int64_t> InsertObservation(Db& db, const ObservationRecord& o) {
  const std::optional<int64_t> evidence =
      o.seen.evidence_id > 0 ? std::optional<int64_t>(o.seen.evidence_id) : std::nullopt;
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO listing_observations (task_id, shop_id, url, sku, name, price_fen, "
      "old_price_fen, freight_fen, currency, sources, evidence_id, observed_at) VALUES (?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?)",
      o.task_id, o.shop_id, o.seen.url, o.seen.sku, o.seen.name, o.seen.price, o.seen.old_price,
      o.seen.freight, o.currency, o.sources, evidence, o.observed_at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<ObservationRecord>> ListObservations(Db& db, int64_t task_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT id, task_id, shop_id, url, sku, name, price_fen, old_price_fen, "
                       "freight_fen, currency, sources, evidence_id, observed_at FROM "
                       "listing_observations WHERE task_id = ? ORDER BY id",
                       task_id));
  return All<ObservationRecord>(s, [](const Stmt& r) {
    ObservationRecord o;
    o.id = r.Int(0);
    o.task_id = r.Int(1);
    o.shop_id = r.Int(2);
    o.seen.url = r.Text(3);
    o.seen.sku = r.Text(4);
    o.seen.name = r.Text(5);
    o.seen.price = r.OptInt(6);
    o.seen.old_price = r.OptInt(7);
    o.seen.freight = r.OptInt(8);
    o.currency = r.Text(9);
    o.sources = r.Text(10);
    o.seen.evidence_id = r.OptInt(11).value_or(0);
    o.observed_at = r.Text(12);
    return o;
  });
}

core::Json PatrolFindingToJson(const PatrolFindingRecord& f) {
  return {{"id", f.id},
          {"shop_id", f.shop_id},
          {"task_id", OrNull(f.task_id)},
          {"mystery_order_id", OrNull(f.mystery_order_id)},
          {"code", f.finding.code},
          {"severity", std::string(core::SeverityName(f.finding.severity))},
          {"field", f.finding.field},
          {"message_zh", f.finding.message_zh},
          {"message_en", f.finding.message_en},
          {"sku", f.sku},
          {"evidence_id", OrNull(f.evidence_id)},
          {"declaration_id", OrNull(f.declaration_id)},
          {"created_at", f.created_at}};
}

core::StatusOr<int64_t> InsertPatrolFinding(Db& db, const PatrolFindingRecord& f) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO patrol_findings (shop_id, task_id, mystery_order_id, code, severity, field, "
      "message_zh, message_en, sku, evidence_id, declaration_id, created_at) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?)",
      f.shop_id, f.task_id, f.mystery_order_id, f.finding.code,
      core::SeverityName(f.finding.severity), f.finding.field, f.finding.message_zh,
      f.finding.message_en, f.sku, f.evidence_id, f.declaration_id, f.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<PatrolFindingRecord>> ListPatrolFindings(
    Db& db, std::optional<int64_t> shop_id, std::optional<int64_t> task_id,
    std::optional<int64_t> mystery_order_id, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT id, shop_id, task_id, mystery_order_id, code, severity, field, message_zh, "
               "message_en, sku, evidence_id, declaration_id, created_at FROM patrol_findings "
               "WHERE (?1 IS NULL OR shop_id = ?1) AND (?2 IS NULL OR task_id = ?2) AND (?3 IS "
               "NULL OR mystery_order_id = ?3) ORDER BY id DESC LIMIT ?4",
               shop_id, task_id, mystery_order_id, limit));
  return All<PatrolFindingRecord>(s, [](const Stmt& r) {
    PatrolFindingRecord f;
    f.id = r.Int(0);
    f.shop_id = r.Int(1);
    f.task_id = r.OptInt(2);
    f.mystery_order_id = r.OptInt(3);
    f.finding =
        core::MakeFinding(r.Text(4), SeverityFrom(r.Text(5)), r.Text(6), r.Text(7), r.Text(8));
    f.sku = r.Text(9);
    f.evidence_id = r.OptInt(10);
    f.declaration_id = r.OptInt(11);
    f.created_at = r.Text(12);
    return f;
  });
}

core::Json CovertBuyerToJson(const CovertBuyer& b) {
  return {
      {"id", b.id},           {"name", b.name},     {"id_number", b.id_number},  {"phone", b.phone},
      {"address", b.address}, {"active", b.active}, {"created_at", b.created_at}};
}

core::StatusOr<int64_t> InsertCovertBuyer(Db& db, const CovertBuyer& b,
                                          std::optional<int64_t> created_by) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO covert_buyers (name, id_number, phone, address, active, created_by, "
              "created_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
              b.name, b.id_number, b.phone, b.address, created_by, b.created_at));
  return db.LastInsertId();
}

namespace {
CovertBuyer ReadBuyer(const Stmt& r) {
  return CovertBuyer{r.Int(0),  r.Text(1),     r.Text(2), r.Text(3),
                     r.Text(4), r.Int(5) != 0, r.Text(6)};
}
constexpr std::string_view kBuyerColumns =
    "SELECT id, name, id_number, phone, address, active, created_at FROM covert_buyers ";
}  // namespace

core::StatusOr<std::optional<CovertBuyer>> FindCovertBuyer(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query(std::string(kBuyerColumns) + "WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<CovertBuyer>();
  return std::optional<CovertBuyer>(ReadBuyer(s));
}

core::StatusOr<std::vector<CovertBuyer>> ListCovertBuyers(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query(std::string(kBuyerColumns) + "ORDER BY id"));
  return All<CovertBuyer>(s, ReadBuyer);
}

core::Json MysteryOrderToJson(const MysteryOrderRecord& m) {
  return {{"id", m.id},
          {"task_id", m.task_id},
          {"shop_id", m.shop_id},
          {"buyer_id", m.buyer_id},
          {"sku", m.sku},
          {"quantity", m.quantity},
          {"status", m.status},
          {"order_no", m.order_no},
          {"unit_price_fen", OrNull(m.unit_price_fen)},
          {"goods_fen", OrNull(m.goods_fen)},
          {"freight_fen", OrNull(m.freight_fen)},
          {"tax_fen", OrNull(m.tax_fen)},
          {"total_fen", OrNull(m.total_fen)},
          {"placed_at", OrNull(m.placed_at)},
          {"placed_on", OrNull(m.placed_on)},
          {"declaration_id", OrNull(m.declaration_id)},
          {"matched_at", OrNull(m.matched_at)},
          {"created_at", m.created_at}};
}

core::StatusOr<int64_t> InsertMysteryOrder(Db& db, const MysteryOrderRecord& m) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO mystery_orders (task_id, shop_id, buyer_id, sku, quantity, status, "
              "created_at) VALUES (?, ?, ?, ?, ?, 'requested', ?)",
              m.task_id, m.shop_id, m.buyer_id, m.sku, m.quantity, m.created_at));
  return db.LastInsertId();
}

core::StatusOr<std::optional<MysteryOrderRecord>> FindMysteryOrder(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kMysteryColumns) + " WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<MysteryOrderRecord>();
  return std::optional<MysteryOrderRecord>(ReadMystery(s));
}

core::StatusOr<std::optional<MysteryOrderRecord>> FindMysteryOrderByTask(Db& db, int64_t task_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kMysteryColumns) + " WHERE task_id = ?", task_id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<MysteryOrderRecord>();
  return std::optional<MysteryOrderRecord>(ReadMystery(s));
}

core::StatusOr<std::vector<MysteryOrderRecord>> ListMysteryOrders(Db& db,
                                                                  std::optional<std::string> status,
                                                                  int64_t limit) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kMysteryColumns) +
                                             " WHERE ?1 IS NULL OR status = ?1 ORDER BY id DESC "
                                             "LIMIT ?2",
                                         status, limit));
  return All<MysteryOrderRecord>(s, ReadMystery);
}

core::StatusOr<std::vector<MysteryOrderRecord>> PlacedMysteryOrders(
    Db& db, std::optional<std::string> order_no) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kMysteryColumns) +
                                             " WHERE status = 'placed' AND (?1 IS NULL OR "
                                             "order_no = ?1) ORDER BY id",
                                         order_no));
  return All<MysteryOrderRecord>(s, ReadMystery);
}

core::Status SetMysteryPlaced(Db& db, const MysteryOrderRecord& m) {
  return db.Exec(
      "UPDATE mystery_orders SET status = 'placed', order_no = ?, unit_price_fen = ?, goods_fen = "
      "?, freight_fen = ?, tax_fen = ?, total_fen = ?, placed_at = ?, placed_on = ? WHERE id = ?",
      m.order_no, m.unit_price_fen, m.goods_fen, m.freight_fen, m.tax_fen, m.total_fen, m.placed_at,
      m.placed_on, m.id);
}

core::Status SetMysteryOutcome(Db& db, int64_t id, const std::string& status,
                               std::optional<int64_t> declaration_id, const std::string& now) {
  return db.Exec(
      "UPDATE mystery_orders SET status = ?, declaration_id = ?, matched_at = ? WHERE id = ?",
      status, declaration_id, now, id);
}

core::StatusOr<std::vector<core::DeclaredItem>> DeclaredItemsOf(Db& db, int64_t enterprise_id,
                                                                const std::string& ebc_code,
                                                                const std::string& from,
                                                                const std::string& to) {
  // Filed goods first (with no lists yet), then what the lists declared, by SKU.
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("WITH declared AS (SELECT l.item_no AS sku, MIN(l.gname) AS name, COUNT(DISTINCT "
               "h.message_id) AS lists, MIN(l.price_fen) AS low_price, MIN(h.freight_fen) AS "
               "low_freight FROM ceb_lists h JOIN ceb_list_lines l ON l.message_id = h.message_id "
               "WHERE h.ebc_code = ?2 AND h.decl_date BETWEEN ?3 AND ?4 GROUP BY l.item_no), "
               "filed AS (SELECT sku, name, json_extract(filing, '$.declared_unit_price_fen') AS "
               "price FROM goods_filings WHERE enterprise_id = ?1 AND sku <> '' AND outcome <> "
               "'rejected') "
               "SELECT f.sku, f.name, 1, f.price, d.lists, d.low_price, d.low_freight FROM filed f "
               "LEFT JOIN declared d ON d.sku = f.sku "
               "UNION ALL SELECT d.sku, d.name, 0, NULL, d.lists, d.low_price, d.low_freight FROM "
               "declared d WHERE d.sku NOT IN (SELECT sku FROM filed) ORDER BY 1",
               enterprise_id, ebc_code, from, to));
  return All<core::DeclaredItem>(s, [](const Stmt& r) {
    core::DeclaredItem d;
    d.sku = r.Text(0);
    d.name = r.Text(1);
    d.filed = r.Int(2) != 0;
    d.filed_price = r.OptInt(3).value_or(0);
    d.lists = r.OptInt(4).value_or(0);
    d.lowest_unit_price = r.OptInt(5);
    d.lowest_freight = r.OptInt(6);
    return d;
  });
}

core::StatusOr<std::optional<core::DeclaredPurchase>> DeclaredPurchaseOf(
    Db& db, const std::string& ebc_code, const std::string& order_no, const std::string& sku) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT d.id, o.goods_value_fen, o.freight_fen, o.tax_total_fen, o.discount_fen, "
               "o.actural_paid_fen, (SELECT MIN(l.price_fen) FROM ceb_list_lines l WHERE "
               "l.message_id = h.message_id AND l.item_no = ?3) FROM declarations d JOIN "
               "ceb_lists h ON h.business_key = d.list_key JOIN ceb_orders o ON o.order_no = "
               "d.order_no AND o.ebp_code = d.ebp_code WHERE d.order_no = ?2 AND d.ebc_code = ?1 "
               "ORDER BY d.id DESC LIMIT 1",
               ebc_code, order_no, sku));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<core::DeclaredPurchase>();
  core::DeclaredPurchase p;
  p.order_no = order_no;
  p.declaration_id = s.Int(0);
  p.goods_value = s.Int(1);
  p.freight = s.Int(2);
  p.tax_total = s.Int(3);
  p.discount = s.Int(4);
  p.actural_paid = s.Int(5);
  p.unit_price = s.OptInt(6);
  return std::optional<core::DeclaredPurchase>(p);
}

}  // namespace server
