// Declarations: one per declaration list (CEB621 business key) with its current list version, its
// customs status (DOMAIN §2.6 codes), the parties who may read it and the status history. Does
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

// The list statuses the server sets (DOMAIN §2.6; CEB622 receipt codes).
inline constexpr int kStatusDeclaring = 2;       // stored, waiting for the rest of its set
inline constexpr int kStatusRejected = 100;      // customs rejected (errors)
inline constexpr int kStatusAccepted = 120;      // customs accepted: the set is complete
inline constexpr int kStatusManualReview = 300;  // warnings: a person decides
inline constexpr int kStatusInspection = 500;
inline constexpr int kStatusReleased = 800;
inline constexpr int kStatusClosed = 899;  // the list was withdrawn (appType 3)

// "declaring", "rejected", "accepted", "manual_review", ... ("" for a code not listed).
std::string_view DeclarationStatusName(int status);
// A status given as its code ("800") or name ("released"); nullopt otherwise.
std::optional<int> ParseDeclarationStatus(std::string_view text);

struct DeclarationRecord {
  int64_t id = 0;
  std::string list_key;
  int64_t list_message_id = 0;
  std::string order_no;
  std::string ebp_code;
  std::string ebc_code;
  std::string agent_code;
  std::string logistics_code;
  std::string logistics_no;
  std::string buyer_id_number;
  std::string buyer_name;
  std::string trade_mode;
  std::string invt_no;
  std::string decl_date;  // YYYY-MM-DD
  int status = kStatusDeclaring;
  std::string status_at;
  std::optional<std::string> released_on;  // YYYY-MM-DD
  std::string created_at;
  std::string updated_at;
};

// {"id","invt_no","order_no","ebp_code","ebc_code","agent_code","logistics_code","logistics_no",
//  "buyer_id_number","buyer_name","trade_mode","decl_date","status","status_name","status_at",
//  "released_on","list_message_id","created_at","updated_at"}.
core::Json DeclarationSummaryJson(const DeclarationRecord& d);

core::StatusOr<int64_t> InsertDeclaration(Db& db, const DeclarationRecord& d);
// Rewrites the list-derived columns (a new list version) and updated_at.
core::Status UpdateDeclarationList(Db& db, const DeclarationRecord& d);
core::Status SetDeclarationInvtNo(Db& db, int64_t id, std::string_view invt_no);
core::Status SetDeclarationStatus(Db& db, int64_t id, int status, std::string_view at,
                                  const std::optional<std::string>& released_on);
// Replaces the customs codes that may read the declaration.
core::Status ReplaceDeclarationParties(Db& db, int64_t id, const std::vector<std::string>& codes);

core::StatusOr<std::optional<DeclarationRecord>> FindDeclaration(Db& db, int64_t id);
core::StatusOr<std::optional<DeclarationRecord>> FindDeclarationByListKey(Db& db,
                                                                          std::string_view key);
// The newest declaration with that invtNo, else the newest of that order on that platform.
core::StatusOr<std::optional<DeclarationRecord>> FindDeclarationForReturn(
    Db& db, std::string_view invt_no, std::string_view ebp_code, std::string_view order_no);
// Ids of the declarations of an order on a platform / of a waybill, oldest first.
core::StatusOr<std::vector<int64_t>> DeclarationsOfOrder(Db& db, std::string_view ebp_code,
                                                         std::string_view order_no);
core::StatusOr<std::vector<int64_t>> DeclarationsOfWaybill(Db& db, std::string_view logistics_code,
                                                           std::string_view logistics_no);
core::StatusOr<bool> DeclarationVisibleTo(Db& db, int64_t id, std::string_view customs_code);

struct DeclarationFilter {
  std::optional<int> status;
  std::string ebc_code;              // "" = any
  std::string order_no;              // "" = any
  std::string from;                  // decl_date >= from ("" = open)
  std::string to;                    // decl_date <= to ("" = open)
  std::optional<std::string> party;  // only declarations naming this customs code
};
// Newest first.
core::StatusOr<ListResult<DeclarationRecord>> ListDeclarations(Db& db, const DeclarationFilter& f,
                                                               const Page& page);

struct DeclarationEvent {
  int64_t id = 0;
  int64_t declaration_id = 0;
  int status = 0;
  std::string at;
  std::vector<std::string> reasons;
  core::Json detail = core::Json::object();
  std::optional<int64_t> screening_id;
  std::optional<int64_t> actor_id;
  std::string actor_name;
};

// {"id","status","status_name","at","reasons","detail","screening_id","actor_id","actor_name"}.
core::Json DeclarationEventJson(const DeclarationEvent& e);
core::StatusOr<int64_t> InsertDeclarationEvent(Db& db, const DeclarationEvent& e);
// Oldest first.
core::StatusOr<std::vector<DeclarationEvent>> ListDeclarationEvents(Db& db, int64_t declaration_id);
// The newest event, if any.
core::StatusOr<std::optional<DeclarationEvent>> LastDeclarationEvent(Db& db,
                                                                     int64_t declaration_id);

}  // namespace server
