// Vehicles, gate passes and gate events: prepared statements only.
#include "store/gate_repo.h"

#include "common/json_text.h"

namespace server {

namespace {

constexpr std::string_view kVehicleColumns =
    "v.id, v.plate, v.plate_key, v.ic_card_no, v.frame_wt, v.enterprise_id, v.enterprise_code, "
    "e.name, v.created_by, v.created_at";
constexpr std::string_view kVehicleFrom =
    " FROM vehicles v JOIN enterprises e ON e.id = v.enterprise_id";

VehicleRecord ReadVehicle(const Stmt& s) {
  VehicleRecord v;
  v.id = s.Int(0);
  v.plate = s.Text(1);
  v.plate_key = s.Text(2);
  v.ic_card_no = s.Text(3);
  v.frame_wt = s.Text(4);
  v.enterprise_id = s.Int(5);
  v.enterprise_code = s.Text(6);
  v.enterprise_name = s.Text(7);
  v.created_by = s.OptInt(8);
  v.created_at = s.Text(9);
  return v;
}

constexpr std::string_view kPassColumns =
    "p.id, p.passport_no, p.enterprise_id, p.logistics_code, e.name, p.pass, p.status, "
    "p.reasons, p.hold_released_by, p.hold_released_at, p.hold_release_reason, p.created_by, "
    "p.created_at, p.updated_at";
constexpr std::string_view kPassFrom =
    " FROM gate_passes p JOIN enterprises e ON e.id = p.enterprise_id";

GatePassRecord ReadPass(const Stmt& s) {
  GatePassRecord p;
  p.id = s.Int(0);
  p.passport_no = s.Text(1);
  p.enterprise_id = s.Int(2);
  p.logistics_code = s.Text(3);
  p.enterprise_name = s.Text(4);
  p.pass = s.Text(5);
  p.status = s.Text(6);
  p.reasons = s.Text(7);
  p.hold_released_by = s.OptInt(8);
  p.hold_released_at = s.OptText(9);
  p.hold_release_reason = s.OptText(10);
  p.created_by = s.OptInt(11);
  p.created_at = s.Text(12);
  p.updated_at = s.Text(13);
  return p;
}

}  // namespace

core::Json VehicleToJson(const VehicleRecord& v) {
  core::Json j = core::Json::object();
  j["id"] = v.id;
  j["plate"] = v.plate;
  j["ic_card_no"] = v.ic_card_no;
  j["frame_wt"] = v.frame_wt;
  j["enterprise_id"] = v.enterprise_id;
  j["enterprise_code"] = v.enterprise_code;
  j["enterprise_name"] = v.enterprise_name;
  j["created_by"] = OrNull(v.created_by);
  j["created_at"] = v.created_at;
  return j;
}

core::Json VehicleCoreJson(const VehicleRecord& v) {
  return {{"plate", v.plate},
          {"ic_card_no", v.ic_card_no},
          {"frame_wt", v.frame_wt},
          {"enterprise_code", v.enterprise_code}};
}

core::StatusOr<int64_t> InsertVehicle(Db& db, const VehicleRecord& v) {
  core::Status st = db.Exec(
      "INSERT INTO vehicles (plate, plate_key, ic_card_no, frame_wt, enterprise_id, "
      "enterprise_code, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      v.plate, v.plate_key, v.ic_card_no, v.frame_wt, v.enterprise_id, v.enterprise_code,
      v.created_by, v.created_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("vehicle '" + v.plate + "' is already registered");
  }
  CORE_RETURN_IF_ERROR(st);
  return db.LastInsertId();
}

core::StatusOr<std::vector<VehicleRecord>> VehiclesByPlateKey(Db& db, std::string_view key) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kVehicleColumns) +
                                             std::string(kVehicleFrom) + " WHERE v.plate_key = ?",
                                         key));
  std::vector<VehicleRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadVehicle(s));
  }
  return out;
}

core::StatusOr<ListResult<VehicleRecord>> ListVehicles(Db& db, std::optional<int64_t> enterprise_id,
                                                       const Page& page) {
  static constexpr std::string_view kWhere = " WHERE (?1 IS NULL OR v.enterprise_id = ?1)";
  ListResult<VehicleRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*)" + std::string(kVehicleFrom) + std::string(kWhere),
                         enterprise_id));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kVehicleColumns) + std::string(kVehicleFrom) +
                           std::string(kWhere) + " ORDER BY v.id DESC LIMIT ?2 OFFSET ?3",
                       enterprise_id, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadVehicle(s));
  }
  return out;
}

core::Json GatePassToJson(const GatePassRecord& p) {
  core::Json j = core::Json::object();
  j["id"] = p.id;
  j["passport_no"] = p.passport_no;
  j["enterprise_id"] = p.enterprise_id;
  j["enterprise_name"] = p.enterprise_name;
  j["logistics_code"] = p.logistics_code;
  j["status"] = p.status;
  j["reasons"] = JsonOrNull(p.reasons);
  j["pass"] = JsonOrNull(p.pass);
  j["hold_release"] = p.hold_released_at ? core::Json{{"by", OrNull(p.hold_released_by)},
                                                      {"at", *p.hold_released_at},
                                                      {"reason", OrNull(p.hold_release_reason)}}
                                         : core::Json();
  j["created_by"] = OrNull(p.created_by);
  j["created_at"] = p.created_at;
  j["updated_at"] = p.updated_at;
  return j;
}

core::StatusOr<int64_t> NextGatePassId(Db& db) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT COALESCE(MAX(id), 0) + 1 FROM gate_passes"));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 1;
}

core::Status InsertGatePass(Db& db, const GatePassRecord& p) {
  core::Status st = db.Exec(
      "INSERT INTO gate_passes (id, passport_no, enterprise_id, logistics_code, pass, status, "
      "reasons, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p.id, p.passport_no, p.enterprise_id, p.logistics_code, p.pass, p.status, p.reasons,
      p.created_by, p.created_at, p.updated_at);
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("gate pass '" + p.passport_no + "' already exists");
  }
  return st;
}

core::StatusOr<std::optional<GatePassRecord>> FindGatePass(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kPassColumns) +
                                             std::string(kPassFrom) + " WHERE p.id = ?",
                                         id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<GatePassRecord>();
  return std::optional<GatePassRecord>(ReadPass(s));
}

core::StatusOr<ListResult<GatePassRecord>> ListGatePasses(Db& db, const GatePassFilter& f,
                                                          const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 IS NULL OR p.enterprise_id = ?1) AND (?2 = '' OR p.status = ?2) AND "
      "(?3 = '' OR p.passport_no = ?3)";
  ListResult<GatePassRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(Stmt c,
                          db.Query("SELECT COUNT(*)" + std::string(kPassFrom) + std::string(kWhere),
                                   f.enterprise_id, f.status, f.passport_no));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kPassColumns) + std::string(kPassFrom) +
                           std::string(kWhere) + " ORDER BY p.id DESC LIMIT ?4 OFFSET ?5",
                       f.enterprise_id, f.status, f.passport_no, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadPass(s));
  }
  return out;
}

core::Status SetGatePassStatus(Db& db, int64_t id, std::string_view status,
                               std::string_view reasons, std::string_view updated_at) {
  return db.Exec("UPDATE gate_passes SET status = ?, reasons = ?, updated_at = ? WHERE id = ?",
                 status, reasons, updated_at, id);
}

core::Status ReleaseGatePassHold(Db& db, int64_t id, std::optional<int64_t> by, std::string_view at,
                                 std::string_view reason) {
  return db.Exec(
      "UPDATE gate_passes SET status = 'passed', hold_released_by = ?, hold_released_at = ?, "
      "hold_release_reason = ?, updated_at = ? WHERE id = ?",
      by, at, reason, at, id);
}

core::Json GateEventToJson(const GateEventRecord& e) {
  core::Json j = core::Json::object();
  j["id"] = e.id;
  j["event"] = JsonOrNull(e.event);
  j["outcome"] = e.outcome;
  j["verdict"] = JsonOrNull(e.verdict);
  j["created_by"] = OrNull(e.created_by);
  j["at"] = e.at;
  return j;
}

core::StatusOr<int64_t> InsertGateEvent(Db& db, const GateEventRecord& e) {
  CORE_RETURN_IF_ERROR(
      db.Exec("INSERT INTO gate_events (pass_id, event, outcome, verdict, created_by, at) VALUES "
              "(?, ?, ?, ?, ?, ?)",
              e.pass_id, e.event, e.outcome, e.verdict, e.created_by, e.at));
  return db.LastInsertId();
}

core::StatusOr<std::vector<GateEventRecord>> ListGateEvents(Db& db, int64_t pass_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT id, pass_id, event, outcome, verdict, "
                                         "created_by, at FROM gate_events WHERE pass_id = ? "
                                         "ORDER BY id",
                                         pass_id));
  std::vector<GateEventRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(GateEventRecord{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.OptInt(5),
                                  s.Text(6)});
  }
  return out;
}

core::StatusOr<std::optional<int>> ListStatusByInvtNo(Db& db, std::string_view invt_no) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT status FROM declarations WHERE invt_no = ? "
                                         "ORDER BY id DESC LIMIT 1",
                                         invt_no));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<int>();
  return std::optional<int>(static_cast<int>(s.Int(0)));
}

}  // namespace server
