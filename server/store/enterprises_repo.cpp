// Enterprises and qualifications: prepared statements only; roles and shop URLs as JSON arrays.
#include "store/enterprises_repo.h"

#include "common/json_text.h"

namespace server {

namespace {
constexpr std::string_view kColumns =
    "id, name, uscc, customs_code, overseas, country, roles, shop_urls, status, created_at, "
    "updated_at";

std::string StringsToJson(const std::vector<std::string>& v) {
  core::Json arr = core::Json::array();
  for (const std::string& s : v) arr.push_back(s);
  return core::DumpJson(arr);
}

std::vector<std::string> StringsFromJson(const std::string& text) {
  std::vector<std::string> out;
  core::StatusOr<core::Json> j = core::ParseJson(text);
  if (!j.ok() || !j->is_array()) return out;
  for (const core::Json& item : *j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

EnterpriseRecord ReadEnterprise(const Stmt& s) {
  EnterpriseRecord e;
  e.id = s.Int(0);
  e.name = s.Text(1);
  e.uscc = s.Text(2);
  e.customs_code = s.Text(3);
  e.overseas = s.Int(4) != 0;
  e.country = s.Text(5);
  e.roles = StringsFromJson(s.Text(6));
  e.shop_urls = StringsFromJson(s.Text(7));
  e.status = s.Text(8);
  e.created_at = s.Text(9);
  e.updated_at = s.Text(10);
  return e;
}

core::Status UsccClash(core::Status st, const std::string& uscc) {
  if (st.code() == core::StatusCode::kAlreadyExists) {
    return core::AlreadyExistsError("an enterprise with USCC " + uscc + " already exists");
  }
  return st;
}
}  // namespace

core::Json EnterpriseToJson(const EnterpriseRecord& e) {
  core::Json j = core::Json::object();
  j["id"] = e.id;
  j["name"] = e.name;
  j["uscc"] = e.uscc;
  j["customs_code"] = e.customs_code;
  j["overseas"] = e.overseas;
  j["country"] = e.country;
  j["roles"] = e.roles;
  j["shop_urls"] = e.shop_urls;
  j["status"] = e.status;
  j["created_at"] = e.created_at;
  j["updated_at"] = e.updated_at;
  return j;
}

core::Json QualificationToJson(const QualificationRecord& q) {
  core::Json j = core::Json::object();
  j["type"] = q.type;
  j["number"] = q.number;
  j["issuer"] = q.issuer;
  j["valid_from"] = OrNull(q.valid_from);
  j["valid_to"] = OrNull(q.valid_to);
  j["agent_uscc"] = q.agent_uscc;
  return j;
}

core::StatusOr<int64_t> InsertEnterprise(Db& db, const EnterpriseRecord& e) {
  core::Status st = db.Exec(
      "INSERT INTO enterprises (name, uscc, customs_code, overseas, country, roles, shop_urls, "
      "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.name, e.uscc, e.customs_code, e.overseas, e.country, StringsToJson(e.roles),
      StringsToJson(e.shop_urls), e.status, e.created_at, e.updated_at);
  CORE_RETURN_IF_ERROR(UsccClash(st, e.uscc));
  return db.LastInsertId();
}

core::Status UpdateEnterpriseData(Db& db, const EnterpriseRecord& e) {
  core::Status st = db.Exec(
      "UPDATE enterprises SET name = ?, uscc = ?, customs_code = ?, overseas = ?, country = ?, "
      "roles = ?, shop_urls = ?, updated_at = ? WHERE id = ?",
      e.name, e.uscc, e.customs_code, e.overseas, e.country, StringsToJson(e.roles),
      StringsToJson(e.shop_urls), e.updated_at, e.id);
  return UsccClash(st, e.uscc);
}

core::Status SetEnterpriseStatus(Db& db, int64_t id, std::string_view status,
                                 std::string_view updated_at) {
  return db.Exec("UPDATE enterprises SET status = ?, updated_at = ? WHERE id = ?", status,
                 updated_at, id);
}

core::Status ReplaceQualifications(Db& db, int64_t enterprise_id,
                                   const std::vector<QualificationRecord>& quals) {
  CORE_RETURN_IF_ERROR(
      db.Exec("DELETE FROM qualifications WHERE enterprise_id = ?", enterprise_id));
  for (const QualificationRecord& q : quals) {
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO qualifications (enterprise_id, type, number, issuer, valid_from, valid_to, "
        "agent_uscc) VALUES (?, ?, ?, ?, ?, ?, ?)",
        enterprise_id, q.type, q.number, q.issuer, q.valid_from, q.valid_to, q.agent_uscc));
  }
  return core::OkStatus();
}

core::StatusOr<std::optional<EnterpriseRecord>> FindEnterprise(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kColumns) + " FROM enterprises WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<EnterpriseRecord>();
  return std::optional<EnterpriseRecord>(ReadEnterprise(s));
}

core::StatusOr<std::vector<QualificationRecord>> ListQualifications(Db& db, int64_t enterprise_id) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT type, number, issuer, valid_from, valid_to, agent_uscc "
                                 "FROM qualifications WHERE enterprise_id = ? ORDER BY id",
                                 enterprise_id));
  std::vector<QualificationRecord> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    QualificationRecord q;
    q.type = s.Text(0);
    q.number = s.Text(1);
    q.issuer = s.Text(2);
    q.valid_from = s.OptText(3);
    q.valid_to = s.OptText(4);
    q.agent_uscc = s.Text(5);
    out.push_back(std::move(q));
  }
  return out;
}

core::StatusOr<ListResult<EnterpriseRecord>> ListEnterprises(Db& db, const EnterpriseFilter& f,
                                                             const Page& page) {
  // One static statement: each filter is off when its parameter is NULL or ''.
  static constexpr std::string_view kWhere =
      " FROM enterprises WHERE (?1 IS NULL OR id = ?1) AND (?2 = '' OR status = ?2) AND "
      "(?3 = '' OR instr(name, ?3) > 0 OR instr(uscc, ?3) > 0 OR instr(customs_code, ?3) > 0)";
  ListResult<EnterpriseRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*)" + std::string(kWhere), f.only_id, f.status, f.q));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kColumns) + std::string(kWhere) +
                                             " ORDER BY id DESC LIMIT ?4 OFFSET ?5",
                                         f.only_id, f.status, f.q, page.limit, page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadEnterprise(s));
  }
  return out;
}

}  // namespace server
