// Vehicles registered to logistics enterprises, gate passes (核放单) and their gate events with
// the core's verdicts. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct VehicleRecord {
  int64_t id = 0;
  std::string plate;
  std::string plate_key;  // upper-case ASCII, no spaces: one registration per plate
  std::string ic_card_no;
  std::string frame_wt;  // kg, N19,5 text
  int64_t enterprise_id = 0;
  std::string enterprise_code;
  std::string enterprise_name;  // filled by reads (joined)
  std::optional<int64_t> created_by;
  std::string created_at;
};

// {"id","plate","ic_card_no","frame_wt","enterprise_id","enterprise_code","enterprise_name",
//  "created_by","created_at"}.
core::Json VehicleToJson(const VehicleRecord& v);
// The vehicle as the core's gate check reads it {"plate","ic_card_no","frame_wt",
// "enterprise_code"}.
core::Json VehicleCoreJson(const VehicleRecord& v);

// AlreadyExists when the plate is registered.
core::StatusOr<int64_t> InsertVehicle(Db& db, const VehicleRecord& v);
core::StatusOr<std::vector<VehicleRecord>> VehiclesByPlateKey(Db& db, std::string_view key);
// Newest first.
core::StatusOr<ListResult<VehicleRecord>> ListVehicles(Db& db, std::optional<int64_t> enterprise_id,
                                                       const Page& page);

struct GatePassRecord {
  int64_t id = 0;
  std::string passport_no;
  int64_t enterprise_id = 0;
  std::string logistics_code;
  std::string enterprise_name;  // filled by reads (joined)
  std::string pass;             // the pass JSON as the core's gate check reads it
  std::string status;           // "open" | "passed" | "held"
  std::string reasons;          // JSON array of finding codes
  std::optional<int64_t> hold_released_by;
  std::optional<std::string> hold_released_at;
  std::optional<std::string> hold_release_reason;
  std::optional<int64_t> created_by;
  std::string created_at;
  std::string updated_at;
};

// {"id","passport_no","enterprise_id","enterprise_name","logistics_code","status","reasons",
//  "pass","hold_release": {"by","at","reason"}|null,"created_by","created_at","updated_at"}.
core::Json GatePassToJson(const GatePassRecord& p);

core::StatusOr<int64_t> NextGatePassId(Db& db);
// Inserts with p.id as the row id. AlreadyExists when the passport number is taken.
core::Status InsertGatePass(Db& db, const GatePassRecord& p);
core::StatusOr<std::optional<GatePassRecord>> FindGatePass(Db& db, int64_t id);
struct GatePassFilter {
  std::optional<int64_t> enterprise_id;
  std::string status;       // "" = any
  std::string passport_no;  // "" = any
};
// Newest first.
core::StatusOr<ListResult<GatePassRecord>> ListGatePasses(Db& db, const GatePassFilter& f,
                                                          const Page& page);
core::Status SetGatePassStatus(Db& db, int64_t id, std::string_view status,
                               std::string_view reasons, std::string_view updated_at);
core::Status ReleaseGatePassHold(Db& db, int64_t id, std::optional<int64_t> by, std::string_view at,
                                 std::string_view reason);

struct GateEventRecord {
  int64_t id = 0;
  int64_t pass_id = 0;
  std::string event;    // the event JSON as checked
  std::string outcome;  // "pass" | "hold"
  std::string verdict;  // core GateCheckJson output, byte for byte
  std::optional<int64_t> created_by;
  std::string at;
};

// {"id","event","outcome","verdict","created_by","at"}.
core::Json GateEventToJson(const GateEventRecord& e);
core::StatusOr<int64_t> InsertGateEvent(Db& db, const GateEventRecord& e);
// Oldest first.
core::StatusOr<std::vector<GateEventRecord>> ListGateEvents(Db& db, int64_t pass_id);

// The status code of the newest declaration with that invtNo, if any.
core::StatusOr<std::optional<int>> ListStatusByInvtNo(Db& db, std::string_view invt_no);

}  // namespace server
