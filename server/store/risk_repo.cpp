// Risk runs and hits; the models' inputs read one statement each (the declarations in two:
// heads, then every line), rows streamed.
#include "store/risk_repo.h"

#include <map>

#include "common/json_text.h"

namespace server {
namespace {

// A YYYY-MM-DD prefix of stored text (dates and UTC ISO times); nullopt when it is none.
std::optional<core::Date> DateOf(const std::string& text) {
  core::StatusOr<core::Date> d = core::Date::Parse(text.substr(0, 10));
  return d.ok() ? std::optional<core::Date>(*d) : std::nullopt;
}

// Steps `q` through every row, calling `row` for each.
template <typename RowFn>
core::Status ForEachRow(Stmt& q, RowFn row) {
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool more, q.Step());
    if (!more) return core::OkStatus();
    row();
  }
}

core::StatusOr<std::vector<core::RiskObservation>> RiskObservations(Db& db) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT o.id, e.customs_code, o.sku, o.observed_at, o.price_fen, "
               "o.old_price_fen, o.freight_fen FROM listing_observations o JOIN shops s ON "
               "s.id = o.shop_id JOIN enterprises e ON e.id = s.enterprise_id ORDER BY o.id"));
  std::vector<core::RiskObservation> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    std::optional<core::Date> date = DateOf(q.Text(3));
    if (!date) return;
    out.push_back({q.Int(0), q.Text(1), q.Text(2), *date, q.OptInt(4), q.OptInt(5), q.OptInt(6)});
  }));
  return out;
}

core::StatusOr<std::vector<core::RiskMysteryOrder>> RiskMysteryOrders(Db& db) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT m.id, e.customs_code, m.sku, m.quantity, m.status, m.placed_on, "
               "COALESCE(m.goods_fen, m.unit_price_fen * m.quantity), m.freight_fen, m.tax_fen, "
               "m.declaration_id FROM mystery_orders m JOIN shops s ON s.id = m.shop_id JOIN "
               "enterprises e ON e.id = s.enterprise_id ORDER BY m.id"));
  std::vector<core::RiskMysteryOrder> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    core::RiskMysteryOrder m;
    m.id = q.Int(0);
    m.enterprise_code = q.Text(1);
    m.sku = q.Text(2);
    m.quantity = q.Int(3);
    m.status = q.Text(4);
    if (std::optional<std::string> placed = q.OptText(5)) m.placed_on = DateOf(*placed);
    m.goods_fen = q.OptInt(6);
    m.freight_fen = q.OptInt(7);
    m.tax_fen = q.OptInt(8);
    m.declaration_id = q.OptInt(9);
    out.push_back(std::move(m));
  }));
  return out;
}

core::StatusOr<std::vector<core::PromotionFiling>> RiskPromotions(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT filing FROM promotions ORDER BY id"));
  std::vector<core::PromotionFiling> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    core::StatusOr<core::PromotionFiling> f =
        core::PromotionFilingFromJson(JsonOrNull(q.Text(0)), "filing");
    if (f.ok()) out.push_back(std::move(*f));
  }));
  return out;
}

// The shortage's value and the surplus quantities of a stored core StocktakeResultToJson.
core::StatusOr<std::vector<core::RiskStocktake>> RiskStocktakes(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT s.id, l.enterprise_code, s.date, s.result FROM "
                                         "stocktakes s JOIN ledgers l ON l.id = s.ledger_id "
                                         "ORDER BY s.id"));
  std::vector<core::RiskStocktake> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    std::optional<core::Date> date = DateOf(q.Text(2));
    const core::Json result = JsonOrNull(q.Text(3));
    if (!date || !result.is_object()) return;
    core::RiskStocktake s;
    s.id = q.Int(0);
    s.enterprise_code = q.Text(1);
    s.date = *date;
    auto shortage = result.find("shortage_value_fen");
    if (shortage != result.end() && shortage->is_number_integer()) {
      s.shortage_value_fen = shortage->get<int64_t>();
    }
    auto lines = result.find("lines");
    if (lines != result.end() && lines->is_array()) {
      for (const core::Json& l : *lines) {
        if (!l.is_object() || l.value("status", "") != "surplus") continue;
        core::StatusOr<core::Qty> diff = core::ParseQty(l.value("difference", ""));
        if (diff.ok()) s.surplus_qty_e5 += diff->e5;
      }
    }
    out.push_back(std::move(s));
  }));
  return out;
}

core::StatusOr<std::vector<core::RiskGatePass>> RiskGatePasses(Db& db) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT g.id, g.created_at, g.pass, (SELECT e.event FROM gate_events e "
                       "WHERE e.pass_id = g.id ORDER BY e.id DESC LIMIT 1) FROM gate_passes g "
                       "ORDER BY g.id"));
  // The pass and its event are read by the core's gate request reader, as the gate read them; a
  // pass not yet at the gate is read with a placeholder event that the models ignore.
  static const core::Json kPlaceholder = {
      {"passCollectWt", "0"}, {"gate", 1}, {"passTime", "20000101000000"}};
  std::vector<core::RiskGatePass> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    std::optional<core::Date> date = DateOf(q.Text(1));
    std::optional<std::string> event = q.OptText(3);
    const core::Json request = {{"vehicles", core::Json::array()},
                                {"pass", JsonOrNull(q.Text(2))},
                                {"event", event ? JsonOrNull(*event) : kPlaceholder},
                                {"lists", core::Json::array()}};
    core::StatusOr<core::GateRequest> read = core::GateRequestFromJson(request);
    if (!date || !read.ok()) return;
    core::RiskGatePass p;
    p.id = q.Int(0);
    p.date = *date;
    p.pass = std::move(read->pass);
    if (event) p.event = read->event;
    out.push_back(std::move(p));
  }));
  return out;
}

core::StatusOr<std::vector<core::Vehicle>> RiskVehicles(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query("SELECT plate, ic_card_no, frame_wt, enterprise_code "
                                         "FROM vehicles ORDER BY id"));
  std::vector<core::Vehicle> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    core::StatusOr<core::Qty> frame = core::ParseQty(q.Text(2));
    out.push_back({q.Text(0), q.Text(1), frame.ok() ? *frame : core::Qty{}, q.Text(3)});
  }));
  return out;
}

core::StatusOr<std::vector<core::RiskInspection>> RiskInspections(Db& db) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT o.id, o.declaration_id, o.ebc_code, COALESCE(d.agent_code, ''), "
                       "o.decided_on, o.outcome, (SELECT group_concat(DISTINCT l.gcode) FROM "
                       "ceb_list_lines l WHERE l.message_id = d.list_message_id) FROM "
                       "declaration_outcomes o LEFT JOIN declarations d ON d.id = o.declaration_id "
                       "WHERE o.kind = 'inspection' ORDER BY o.id"));
  std::vector<core::RiskInspection> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] {
    std::optional<core::Date> date = DateOf(q.Text(4));
    if (!date) return;
    core::RiskInspection i;
    i.id = q.Int(0);
    i.declaration_id = q.Int(1);
    i.ebc_code = q.Text(2);
    i.agent_code = q.Text(3);
    i.date = *date;
    i.mismatch = q.Text(5) == "mismatch";
    const std::string codes = q.Text(6);
    for (size_t start = 0; start < codes.size();) {
      size_t comma = codes.find(',', start);
      if (comma == std::string::npos) comma = codes.size();
      if (comma > start) i.codes.push_back(codes.substr(start, comma - start));
      start = comma + 1;
    }
    out.push_back(std::move(i));
  }));
  return out;
}

// The declarations `where` selects (a fixed clause on d, after the common table expressions
// `with`; `only_id` binds ?1 when it names one).
core::StatusOr<std::vector<core::RiskDeclaration>> SelectRiskDeclarations(Db& db, const char* with,
                                                                          const char* where,
                                                                          int64_t only_id) {
  std::vector<core::RiskDeclaration> out;
  std::map<int64_t, size_t> index;  // declaration id -> position
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt q,
        db.Query(
            std::string(with) +
                "SELECT d.id, d.ebc_code, d.buyer_id_number, d.decl_date, "
                "COALESCE(o.buyer_phone_key, ''), COALESCE(o.consignee_address_key, ''), "
                "COALESCE(substr(o.app_time, 9, 2), '12'), COALESCE(o.tax_total_fen, 0), "
                "COALESCE(cl.freight_fen, 0), COALESCE((SELECT p.payer_id_number FROM "
                "ceb_payments p WHERE p.order_no = d.order_no AND p.ebp_code = d.ebp_code "
                "LIMIT 1), '') FROM declarations d LEFT JOIN ceb_orders o ON o.order_no = "
                "d.order_no AND o.ebp_code = d.ebp_code LEFT JOIN ceb_lists cl ON cl.message_id "
                "= d.list_message_id WHERE " +
                std::string(where) + " ORDER BY d.id",
            only_id));
    for (;;) {
      CORE_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      core::RiskDeclaration r;
      r.id = q.Int(0);
      r.ebc_code = q.Text(1);
      r.buyer_id = q.Text(2);
      core::StatusOr<core::Date> date = core::Date::Parse(q.Text(3));
      if (!date.ok()) continue;  // a list without a valid date is not a list the models read
      r.date = *date;
      r.phone_key = q.Text(4);
      r.address_key = q.Text(5);
      const std::string hour = q.Text(6);
      r.hour =
          hour.size() == 2 && hour[0] >= '0' && hour[0] <= '2' && hour[1] >= '0' && hour[1] <= '9'
              ? (hour[0] - '0') * 10 + (hour[1] - '0')
              : 12;
      r.tax_fen = q.Int(7);
      r.freight_fen = q.Int(8);
      r.payer_id = q.Text(9);
      index[r.id] = out.size();
      out.push_back(std::move(r));
    }
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query(std::string(with) +
                           "SELECT d.id, l.item_no, l.gcode, l.qty_e5, l.price_fen, "
                           "l.total_price_fen, "
                           "l.gname FROM declarations d JOIN ceb_list_lines l ON l.message_id = "
                           "d.list_message_id WHERE " +
                           std::string(where) + " ORDER BY d.id, l.line_index",
                       only_id));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    auto at = index.find(q.Int(0));
    if (at == index.end()) continue;
    core::RiskDeclaration& r = out[at->second];
    r.lines.push_back({q.Text(1), q.Text(2), q.Int(3), q.Int(4), q.Int(5), q.Text(6)});
    r.value_fen += q.Int(5);
  }
  return out;
}

}  // namespace

core::StatusOr<std::vector<core::RiskDeclaration>> RiskDeclarations(Db& db) {
  return SelectRiskDeclarations(db, "", "d.status <> 899 AND ?1 = 0", 0);
}

// core::ArrivalNeighbourhood in SQL: `near` holds the lists sharing the list's buyer, phone,
// address or payer (its keys in `k`), and the selection adds every list of their buyers. Each
// branch is an index search (the contact-key indexes are partial: the `<> ''` terms let the
// planner use them; EXPLAIN QUERY PLAN shows no scan of a stored table).
constexpr const char* kNearWith =
    "WITH k AS (SELECT d0.buyer_id_number AS buyer, COALESCE(o0.buyer_phone_key, '') AS phone, "
    "COALESCE(o0.consignee_address_key, '') AS address, COALESCE((SELECT p.payer_id_number FROM "
    "ceb_payments p WHERE p.order_no = d0.order_no AND p.ebp_code = d0.ebp_code LIMIT 1), '') AS "
    "payer FROM declarations d0 LEFT JOIN ceb_orders o0 ON o0.order_no = d0.order_no AND "
    "o0.ebp_code = d0.ebp_code WHERE d0.id = ?1 LIMIT 1), "
    "near AS (SELECT d1.id, d1.buyer_id_number FROM k, declarations d1 WHERE k.buyer <> '' AND "
    "d1.buyer_id_number = k.buyer "
    "UNION SELECT d1.id, d1.buyer_id_number FROM k, ceb_orders o1 JOIN declarations d1 ON "
    "d1.order_no = o1.order_no AND d1.ebp_code = o1.ebp_code WHERE k.phone <> '' AND "
    "o1.buyer_phone_key <> '' AND o1.buyer_phone_key = k.phone "
    "UNION SELECT d1.id, d1.buyer_id_number FROM k, ceb_orders o1 JOIN declarations d1 ON "
    "d1.order_no = o1.order_no AND d1.ebp_code = o1.ebp_code WHERE k.address <> '' AND "
    "o1.consignee_address_key <> '' AND o1.consignee_address_key = k.address "
    "UNION SELECT d1.id, d1.buyer_id_number FROM k, ceb_payments p1 JOIN declarations d1 ON "
    "d1.order_no = p1.order_no AND d1.ebp_code = p1.ebp_code WHERE k.payer <> '' AND "
    "p1.payer_id_number = k.payer) ";
constexpr const char* kNearWhere =
    "(d.status <> 899 OR d.id = ?1) AND (d.id = ?1 OR d.id IN (SELECT id FROM near) OR "
    "d.buyer_id_number IN (SELECT buyer_id_number FROM near WHERE buyer_id_number <> ''))";

core::StatusOr<std::vector<core::RiskDeclaration>> ArrivalNeighbourhood(Db& db, int64_t id) {
  return SelectRiskDeclarations(db, kNearWith, kNearWhere, id);
}

core::StatusOr<core::RiskData> LoadRiskData(Db& db, const core::Date& as_of) {
  core::RiskData d;
  d.as_of = as_of;
  CORE_ASSIGN_OR_RETURN(d.declarations, RiskDeclarations(db));
  CORE_ASSIGN_OR_RETURN(d.observations, RiskObservations(db));
  CORE_ASSIGN_OR_RETURN(d.mystery_orders, RiskMysteryOrders(db));
  CORE_ASSIGN_OR_RETURN(d.promotions, RiskPromotions(db));
  CORE_ASSIGN_OR_RETURN(d.stocktakes, RiskStocktakes(db));
  CORE_ASSIGN_OR_RETURN(d.gate_passes, RiskGatePasses(db));
  CORE_ASSIGN_OR_RETURN(d.vehicles, RiskVehicles(db));
  CORE_ASSIGN_OR_RETURN(d.inspections, RiskInspections(db));
  return d;
}

core::Json RiskRunJson(const RiskRunRecord& r) {
  return {{"id", r.id},
          {"thresholds", JsonOrNull(r.thresholds)},
          {"as_of", r.as_of},
          {"declarations", r.declarations},
          {"hits", r.hits},
          {"started_by", OrNull(r.started_by)},
          {"started_by_name", r.started_by_name},
          {"started_at", r.started_at}};
}

core::StatusOr<int64_t> InsertRiskRun(Db& db, const RiskRunRecord& r) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO risk_runs (thresholds, as_of, declarations, hits, started_by, started_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      r.thresholds, r.as_of, r.declarations, r.hits, r.started_by, r.started_at));
  return db.LastInsertId();
}

namespace {

constexpr std::string_view kRunColumns =
    "SELECT r.id, r.thresholds, r.as_of, r.declarations, r.hits, r.started_by, r.started_at, "
    "COALESCE(u.username, 'system') FROM risk_runs r LEFT JOIN users u ON u.id = r.started_by";

RiskRunRecord ReadRun(const Stmt& q) {
  RiskRunRecord r;
  r.id = q.Int(0);
  r.thresholds = q.Text(1);
  r.as_of = q.Text(2);
  r.declarations = q.Int(3);
  r.hits = q.Int(4);
  r.started_by = q.OptInt(5);
  r.started_at = q.Text(6);
  r.started_by_name = q.Text(7);
  return r;
}

}  // namespace

core::StatusOr<std::optional<RiskRunRecord>> FindRiskRun(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt q, db.Query(std::string(kRunColumns) + " WHERE r.id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<RiskRunRecord>();
  return std::optional<RiskRunRecord>(ReadRun(q));
}

core::StatusOr<std::vector<RiskRunRecord>> ListRiskRuns(Db& db, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query(std::string(kRunColumns) + " ORDER BY r.id DESC LIMIT ?", limit));
  std::vector<RiskRunRecord> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] { out.push_back(ReadRun(q)); }));
  return out;
}

core::StatusOr<std::map<std::string, int64_t>> CountRiskHitsByModel(Db& db, int64_t run_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT model, COUNT(*) FROM risk_hits WHERE run_id = ? GROUP BY model", run_id));
  std::map<std::string, int64_t> out;
  CORE_RETURN_IF_ERROR(ForEachRow(q, [&] { out[q.Text(0)] = q.Int(1); }));
  return out;
}

core::Status InsertRiskHit(Db& db, int64_t run_id, const core::RiskHit& h) {
  // The declarations column holds the array of declaration ids, or, when other records are
  // behind the hit, {"declarations": [...], "records": [{"kind", "id"}]} (no new column).
  core::Json behind = core::Json(h.declarations);
  if (!h.records.empty()) {
    behind = {{"declarations", behind}, {"records", core::RiskHitToJson(h)["records"]}};
  }
  return db.Exec(
      "INSERT INTO risk_hits (run_id, model, subject_kind, subject, score, declarations, "
      "explanation_zh, explanation_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      run_id, h.model, h.subject_kind, h.subject, static_cast<int64_t>(h.score),
      core::DumpJson(behind), h.explanation_zh, h.explanation_en);
}

core::StatusOr<std::vector<core::RiskHit>> ListRiskHits(Db& db, int64_t run_id,
                                                        const std::string& model, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT model, subject_kind, subject, score, declarations, explanation_zh, "
                       "explanation_en FROM risk_hits WHERE run_id = ?1 AND (?2 = '' OR model = "
                       "?2) ORDER BY id LIMIT ?3",
                       run_id, model, limit));
  std::vector<core::RiskHit> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    core::RiskHit h;
    h.model = q.Text(0);
    h.subject_kind = q.Text(1);
    h.subject = q.Text(2);
    h.score = static_cast<int>(q.Int(3));
    const core::Json behind = JsonOrNull(q.Text(4));
    core::Json ids = behind;
    if (behind.is_object()) {
      ids = behind.value("declarations", core::Json::array());
      h.records = core::RiskRecordsFromJson(behind.value("records", core::Json::array()));
    }
    for (const core::Json& id : ids) {
      if (id.is_number_integer()) h.declarations.push_back(id.get<int64_t>());
    }
    h.explanation_zh = q.Text(5);
    h.explanation_en = q.Text(6);
    out.push_back(std::move(h));
  }
  return out;
}

core::Status InsertArrivalHits(Db& db, int64_t routing_id, int64_t declaration_id,
                               const std::vector<core::RiskHit>& hits) {
  int64_t seq = 0;
  for (const core::RiskHit& h : hits) {
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO arrival_risk_hits (routing_id, seq, declaration_id, model, subject_kind, "
        "subject, score, hit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        routing_id, ++seq, declaration_id, h.model, h.subject_kind, h.subject,
        static_cast<int64_t>(h.score), core::DumpJson(core::RiskHitToJson(h))));
  }
  return core::OkStatus();
}

core::StatusOr<core::Json> ArrivalHitsJson(Db& db, int64_t routing_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q,
      db.Query("SELECT hit FROM arrival_risk_hits WHERE routing_id = ? ORDER BY seq", routing_id));
  core::Json out = core::Json::array();
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    CORE_ASSIGN_OR_RETURN(core::Json hit, core::ParseJson(q.Text(0)));
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace server
