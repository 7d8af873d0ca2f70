// Enterprises and their qualifications. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct QualificationRecord {
  std::string type;
  std::string number;
  std::string issuer;
  std::optional<std::string> valid_from;  // YYYY-MM-DD
  std::optional<std::string> valid_to;    // YYYY-MM-DD, empty = no expiry
  std::string agent_uscc;
};

struct EnterpriseRecord {
  int64_t id = 0;
  std::string name;
  std::string uscc;
  std::string customs_code;
  bool overseas = false;
  std::string country;
  std::vector<std::string> roles;
  std::vector<std::string> shop_urls;
  std::string status;  // "pending" | "admitted" | "rejected"
  std::string created_at;
  std::string updated_at;
};

core::Json EnterpriseToJson(const EnterpriseRecord& e);
core::Json QualificationToJson(const QualificationRecord& q);

// Inserts and returns the id. AlreadyExists when another enterprise has the same USCC.
core::StatusOr<int64_t> InsertEnterprise(Db& db, const EnterpriseRecord& e);
// Replaces the registration data (name .. shop_urls) of e.id; AlreadyExists on a USCC clash.
core::Status UpdateEnterpriseData(Db& db, const EnterpriseRecord& e);
core::Status SetEnterpriseStatus(Db& db, int64_t id, std::string_view status,
                                 std::string_view updated_at);
core::Status ReplaceQualifications(Db& db, int64_t enterprise_id,
                                   const std::vector<QualificationRecord>& quals);

core::StatusOr<std::optional<EnterpriseRecord>> FindEnterprise(Db& db, int64_t id);
core::StatusOr<std::vector<QualificationRecord>> ListQualifications(Db& db, int64_t enterprise_id);

struct EnterpriseFilter {
  std::optional<int64_t> only_id;  // enterprise users see only their own
  std::string status;              // "" = any
  std::string q;                   // substring of name, USCC or customs code
};
core::StatusOr<ListResult<EnterpriseRecord>> ListEnterprises(Db& db, const EnterpriseFilter& f,
                                                             const Page& page);

}  // namespace server
