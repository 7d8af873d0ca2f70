// Who is acting: a signed-in user or the system itself (start-up loads, CLI, demo seeding).
// Recorded in the audit log and used for authorisation. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace server {

struct Actor {
  std::optional<int64_t> user_id;        // empty for the system
  std::string name = "system";           // username, for the audit log
  std::string role = "system";           // "admin" | "officer" | "enterprise" | "system"
  std::optional<int64_t> enterprise_id;  // enterprise users only

  static Actor System() { return Actor{}; }
  bool is_enterprise() const { return role == "enterprise"; }
  // Officers, admins and the system act for customs and may touch every enterprise.
  bool is_customs() const { return role == "admin" || role == "officer" || role == "system"; }
};

}  // namespace server
