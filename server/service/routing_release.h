// The single release path of a declaration list: whatever released it (screening, manual
// review, inspection, valuation), the status event, the electronic tax bill of its latest
// screening, the buyer's quota entry and the bonded-ledger hook happen here and only here. Does
// database I/O inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "common/actor.h"
#include "core/json.h"
#include "core/messages.h"
#include "store/declarations_repo.h"
#include "store/screening_repo.h"

namespace server {

// "46012026I000000042": the declaring customs (4 digits), the declaration year, `kind`
// (I list number, T tax bill, S supplementary bill) and the declaration id (9 digits).
std::string AssignedNumber(const core::Inventory& list, const DeclarationRecord& d, char kind);

// A stored message's record read back with the core codec `parse` (core::OrderFromJson,
// core::InventoryFromJson, ...). Internal when it is missing or no longer reads (the server
// wrote it, so that means a damaged row).
template <typename T>
core::StatusOr<T> StoredRecord(Db& db, int64_t message_id,
                               core::StatusOr<T> (*parse)(const core::Json&, std::string_view));
extern template core::StatusOr<core::Inventory> StoredRecord(
    Db&, int64_t, core::StatusOr<core::Inventory> (*)(const core::Json&, std::string_view));
extern template core::StatusOr<core::Order> StoredRecord(
    Db&, int64_t, core::StatusOr<core::Order> (*)(const core::Json&, std::string_view));

// The list version a declaration currently refers to, parsed. Internal when it no longer reads.
core::StatusOr<core::Inventory> DeclarationList(Db& db, const DeclarationRecord& d);

// What the screening that releases a list right after storing it already holds: its id, its tax
// and quota results (objects, as stored) and the declaration's current list, so the release
// does not read them back.
struct ReleaseInputs {
  int64_t screening_id = 0;
  const core::Json* tax = nullptr;
  const core::Json* quota = nullptr;
  const core::Inventory* list = nullptr;
};

// Releases `d` (800, released on App::Today()): the event with `reasons` and `detail` by `actor`
// (triggered by `trigger`), the tax bill from the latest screening's tax, the buyer's quota entry
// from its quota verdict, OnListReleased (bonded ledger), and removal from any queue. Returns the
// tax bill. FailedPrecondition when the declaration is already released or its latest screening
// computed no tax (a list is never released untaxed). `known`, when given, must be that latest
// screening and the list of `d` (the screening passes them); otherwise they are read.
core::StatusOr<TaxBillRecord> ReleaseDeclaration(App& app, Db& db, const DeclarationRecord& d,
                                                 const Actor& actor, const Actor& trigger,
                                                 std::vector<std::string> reasons,
                                                 core::Json detail,
                                                 const ReleaseInputs* known = nullptr);

}  // namespace server
