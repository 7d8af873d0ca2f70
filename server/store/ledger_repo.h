// Bonded ledgers (账册), their entries and the transfers between them. Entries are stored as the
// core's entry JSON text with a few columns for lookups. Does file I/O through the Db handle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "store/db.h"

namespace server {

struct LedgerRecord {
  int64_t id = 0;
  std::string ems_no;
  int64_t enterprise_id = 0;
  std::string enterprise_code;  // the owner's customs code
  std::string enterprise_name;  // filled by reads (joined), ignored by inserts
  std::string customs_code;     // the supervising customs (4 digits)
  std::string name;
  std::optional<int64_t> created_by;
  std::string created_at;
  int64_t entry_count = 0;  // filled by reads
};

// {"id","ems_no","enterprise_id","enterprise_code","enterprise_name","customs_code","name",
//  "entry_count","created_by","created_at"}.
core::Json LedgerSummaryJson(const LedgerRecord& l);

// AlreadyExists when the ems_no is taken.
core::StatusOr<int64_t> InsertLedger(Db& db, const LedgerRecord& l);
core::StatusOr<std::optional<LedgerRecord>> FindLedgerByEmsNo(Db& db, std::string_view ems_no);

struct LedgerFilter {
  std::optional<int64_t> enterprise_id;
  std::string q;  // substring of ems_no, name or enterprise code
};
// Newest first.
core::StatusOr<ListResult<LedgerRecord>> ListLedgers(Db& db, const LedgerFilter& f,
                                                     const Page& page);

struct StoredLedgerEntry {
  int64_t id = 0;
  int64_t ledger_id = 0;
  std::string kind;
  std::string date;  // YYYY-MM-DD
  int64_t seq = 0;
  std::string sku;
  std::string invt_no;
  int64_t gnum = 0;
  std::string transfer_id;
  std::optional<int64_t> declaration_id;
  std::string entry;  // core LedgerEntryToJson text; its "id" is the row id as text
  std::optional<int64_t> created_by;
  std::string created_at;
};

// The entry JSON with the server's bookkeeping added ("declaration_id", "created_by",
// "created_at"), which the core ignores.
core::Json StoredLedgerEntryJson(const StoredLedgerEntry& e);

// The id the next entry inserted in this transaction may take (one more than the largest).
core::StatusOr<int64_t> NextLedgerEntryId(Db& db);
// Inserts with e.id as the row id. AlreadyExists when the id, (ledger, date, seq) or the list
// line (release_out) is taken.
core::Status InsertLedgerEntry(Db& db, const StoredLedgerEntry& e);
// The ledger's entries in book order (date, seq).
core::StatusOr<std::vector<StoredLedgerEntry>> ListLedgerEntries(Db& db, int64_t ledger_id);
// The release_out entries booked by the release of declaration `declaration_id`, by line.
core::StatusOr<std::vector<StoredLedgerEntry>> ListReleaseEntriesOf(Db& db, int64_t declaration_id);
// Whether the ledger has a release_out entry of that list.
core::StatusOr<bool> HasReleaseEntries(Db& db, int64_t ledger_id, std::string_view invt_no);

struct LedgerTransferRecord {
  int64_t id = 0;
  std::string transfer_id;
  int64_t from_ledger_id = 0;
  int64_t to_ledger_id = 0;
  int64_t out_entry_id = 0;
  int64_t in_entry_id = 0;
  std::optional<int64_t> created_by;
  std::string created_at;
};

// The next transfer's row id (one more than the largest).
core::StatusOr<int64_t> NextLedgerTransferId(Db& db);
core::Status InsertLedgerTransfer(Db& db, const LedgerTransferRecord& t);

}  // namespace server
