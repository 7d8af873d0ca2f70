// Gate control of the bonded area: vehicles registered to logistics enterprises, gate passes
// binding released lists to a vehicle, gate events checked by the core (GateCheckJson) that pass
// the vehicle or hold it, and an officer's release of a hold. Does database I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "store/gate_repo.h"

namespace server {

// The registration key of a plate: spaces removed, ASCII upper-cased (as the core compares).
std::string PlateKey(std::string_view plate);

// {"vehicle": {"plate", "ic_card_no", "frame_wt", "enterprise_id" (customs only)}} for an
// admitted logistics enterprise, inside the caller's transaction, audited ("vehicle.register").
// InvalidArgument on bad fields, NotFound for an enterprise the actor may not see,
// FailedPrecondition unless admitted with the logistics role, AlreadyExists for a plate taken.
core::StatusOr<VehicleRecord> RegisterVehicle(App& app, Db& db, const Actor& actor,
                                              const core::Json& body);

// {"pass": {the core's pass fields; "passportNo" optional (assigned), "logisticsCode" optional
// for an enterprise user (its own)}} for an admitted logistics enterprise, status "open",
// audited ("gate_pass.create"). InvalidArgument on fields the core refuses; NotFound for a
// logistics enterprise the actor may not see; FailedPrecondition unless admitted logistics;
// AlreadyExists for a passport number taken.
core::StatusOr<GatePassRecord> CreateGatePass(App& app, Db& db, const Actor& actor,
                                              const core::Json& body);

// The pass when the actor may see it (customs: all; an enterprise user: its own), else NotFound.
core::StatusOr<GatePassRecord> GetGatePassFor(Db& db, const Actor& actor, int64_t id);

// GatePassToJson plus "events" (oldest first).
core::StatusOr<core::Json> GatePassDetailJson(Db& db, const GatePassRecord& p);

// {"event": {"passCollectWt", "gate", "passTime", "vehicleIcNo"?}}: the core's gate check with
// the registered vehicles of the pass's plate and the customs status of each bound list; the
// verdict is stored and the pass becomes "passed" or "held" (reasons: the error codes), audited
// ("gate_pass.event"). Returns the stored event. InvalidArgument when the core refuses the event.
core::StatusOr<GateEventRecord> RecordGateEvent(App& app, Db& db, const Actor& actor,
                                                const GatePassRecord& p, const core::Json& body);

// {"reason"} (1-1000 bytes) by customs on a held pass: it becomes "passed" with the release
// recorded, audited ("gate_pass.release_hold"). FailedPrecondition unless held.
core::Status ReleaseGateHold(App& app, Db& db, const Actor& actor, const GatePassRecord& p,
                             const core::Json& body);

}  // namespace server
