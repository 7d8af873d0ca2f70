// CEB documents, message versions and their parties: prepared statements only; zlib for the
// stored bytes.
#include "store/messages_repo.h"

#include <zlib.h>

#include <algorithm>

#include "common/crypto.h"

namespace server {

namespace {

// Level 1: CEB XML is repetitive enough that the fastest level already shrinks it several times,
// and ingestion throughput matters more than the last few percent.
constexpr int kZlibLevel = 1;

// One deflate state per thread, reset between documents: deflateInit allocates and clears about
// 256 KiB, which for a few-KB message cost more than compressing it. The output is the same
// zlib stream compress2 makes at this level.
class Deflater {
 public:
  Deflater() { ok_ = deflateInit(&z_, kZlibLevel) == Z_OK; }
  ~Deflater() {
    if (ok_) deflateEnd(&z_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::optional<std::string> Run(std::string_view bytes) {
    if (!ok_ || deflateReset(&z_) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z_, static_cast<uLong>(bytes.size())), '\0');
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z_.avail_in = static_cast<uInt>(bytes.size());
    z_.next_out = reinterpret_cast<Bytef*>(out.data());
    z_.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z_, Z_FINISH) != Z_STREAM_END) return std::nullopt;
    out.resize(z_.total_out);
    return out;
  }

 private:
  z_stream z_{};
  bool ok_ = false;
};

std::optional<std::string> Deflate(std::string_view bytes) {
  thread_local Deflater deflater;
  return deflater.Run(bytes);
}

std::optional<std::string> Inflate(std::string_view stored, int64_t size) {
  std::string out(static_cast<size_t>(size), '\0');
  uLongf len = static_cast<uLongf>(size);
  int rc =
      uncompress(reinterpret_cast<Bytef*>(out.data()), &len,
                 reinterpret_cast<const Bytef*>(stored.data()), static_cast<uLong>(stored.size()));
  if (rc != Z_OK || static_cast<int64_t>(len) != size) return std::nullopt;
  return out;
}

constexpr std::string_view kDocColumns =
    "id, format, message_type, sha256, size_bytes, compression, source, received_at, "
    "received_by_id, received_by";

DocumentRecord ReadDocument(const Stmt& s) {
  DocumentRecord d;
  d.id = s.Int(0);
  d.format = s.Text(1);
  d.message_type = s.Text(2);
  d.sha256 = s.Text(3);
  d.size_bytes = s.Int(4);
  d.compression = s.Text(5);
  d.source = s.Text(6);
  d.received_at = s.Text(7);
  d.received_by_id = s.OptInt(8);
  d.received_by = s.Text(9);
  return d;
}

constexpr std::string_view kMsgColumns =
    "m.id, m.document_id, m.record_index, m.type, m.guid, m.business_key, m.app_type, "
    "m.app_time, m.version, m.state, m.order_no, m.ebp_code, m.ebc_code, m.parsed, "
    "m.content_sha256, m.received_at";

MessageRecord ReadMessage(const Stmt& s) {
  MessageRecord m;
  m.id = s.Int(0);
  m.document_id = s.Int(1);
  m.record_index = s.Int(2);
  m.type = s.Text(3);
  m.guid = s.Text(4);
  m.business_key = s.Text(5);
  m.app_type = s.Int(6);
  m.app_time = s.Text(7);
  m.version = s.Int(8);
  m.state = s.Text(9);
  m.order_no = s.Text(10);
  m.ebp_code = s.Text(11);
  m.ebc_code = s.Text(12);
  m.parsed = s.Text(13);
  m.content_sha256 = s.Text(14);
  m.received_at = s.Text(15);
  return m;
}

core::StatusOr<std::optional<MessageRecord>> OneMessage(Stmt& s) {
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<MessageRecord>();
  return std::optional<MessageRecord>(ReadMessage(s));
}

}  // namespace

core::StatusOr<int64_t> InsertDocument(Db& db, DocumentRecord doc, std::string_view bytes) {
  if (doc.sha256.empty()) doc.sha256 = Sha256Hex(bytes);
  doc.size_bytes = static_cast<int64_t>(bytes.size());
  std::optional<std::string> deflated = Deflate(bytes);
  const bool compress = deflated && deflated->size() < bytes.size();
  doc.compression = compress ? "zlib" : "none";
  std::string_view body = compress ? std::string_view(*deflated) : bytes;
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO ceb_documents (format, message_type, sha256, size_bytes, compression, body, "
      "source, received_at, received_by_id, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      doc.format, doc.message_type, doc.sha256, doc.size_bytes, doc.compression, Blob{body},
      doc.source, doc.received_at, doc.received_by_id, doc.received_by));
  return db.LastInsertId();
}

core::Status DeleteDocument(Db& db, int64_t id) {
  return db.Exec("DELETE FROM ceb_documents WHERE id = ?", id);
}

core::StatusOr<std::optional<DocumentRecord>> FindDocument(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kDocColumns) + " FROM ceb_documents WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<DocumentRecord>();
  return std::optional<DocumentRecord>(ReadDocument(s));
}

core::StatusOr<std::string> DocumentBytes(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT compression, body, size_bytes, sha256 FROM ceb_documents WHERE id = ?", id));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return core::NotFoundError("document " + std::to_string(id) + " not found");
  std::string body = s.Bytes(1);
  std::optional<std::string> bytes =
      s.Text(0) == "zlib" ? Inflate(body, s.Int(2)) : std::optional<std::string>(std::move(body));
  if (!bytes || Sha256Hex(*bytes) != s.Text(3)) {
    return core::InternalError("document " + std::to_string(id) +
                               " does not match its recorded SHA-256");
  }
  return *std::move(bytes);
}

core::Json MessageSummaryJson(const MessageRecord& m) {
  core::Json j = core::Json::object();
  j["id"] = m.id;
  j["document_id"] = m.document_id;
  j["record_index"] = m.record_index;
  j["type"] = m.type;
  j["guid"] = m.guid;
  j["business_key"] = m.business_key;
  j["app_type"] = m.app_type;
  j["app_time"] = m.app_time;
  j["version"] = m.version;
  j["state"] = m.state;
  j["order_no"] = m.order_no;
  j["ebp_code"] = m.ebp_code;
  j["ebc_code"] = m.ebc_code;
  j["content_sha256"] = m.content_sha256;
  j["received_at"] = m.received_at;
  return j;
}

core::StatusOr<int64_t> InsertMessage(Db& db, const MessageRecord& m,
                                      const std::vector<std::string>& parties) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO ceb_messages (document_id, record_index, type, guid, business_key, app_type, "
      "app_time, version, state, order_no, ebp_code, ebc_code, parsed, content_sha256, "
      "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      m.document_id, m.record_index, m.type, m.guid, m.business_key, m.app_type, m.app_time,
      m.version, m.state, m.order_no, m.ebp_code, m.ebc_code, m.parsed, m.content_sha256,
      m.received_at));
  const int64_t id = db.LastInsertId();
  std::vector<std::string> distinct = parties;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (const std::string& code : distinct) {
    if (code.empty()) continue;
    CORE_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO ceb_message_parties (customs_code, message_id) VALUES (?, ?)", code, id));
  }
  return id;
}

core::Status SetMessageState(Db& db, int64_t id, std::string_view state) {
  return db.Exec("UPDATE ceb_messages SET state = ? WHERE id = ?", state, id);
}

core::StatusOr<std::optional<MessageRecord>> FindMessage(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT " + std::string(kMsgColumns) + " FROM ceb_messages m WHERE m.id = ?", id));
  return OneMessage(s);
}

core::StatusOr<std::optional<MessageRecord>> FindMessageByGuid(Db& db, std::string_view type,
                                                               std::string_view guid) {
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT " + std::string(kMsgColumns) +
                                             " FROM ceb_messages m WHERE m.type = ? AND m.guid = ?",
                                         type, guid));
  return OneMessage(s);
}

core::StatusOr<std::optional<MessageRecord>> LatestVersion(Db& db, std::string_view type,
                                                           std::string_view business_key) {
  CORE_ASSIGN_OR_RETURN(Stmt s,
                        db.Query("SELECT " + std::string(kMsgColumns) +
                                     " FROM ceb_messages m WHERE m.type = ? AND m.business_key = ? "
                                     "ORDER BY m.version DESC LIMIT 1",
                                 type, business_key));
  return OneMessage(s);
}

core::StatusOr<std::vector<std::string>> MessageParties(Db& db, int64_t message_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT customs_code FROM ceb_message_parties WHERE message_id = ? "
                       "ORDER BY customs_code",
                       message_id));
  std::vector<std::string> out;
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Text(0));
  }
  return out;
}

core::StatusOr<bool> MessageVisibleTo(Db& db, int64_t message_id, std::string_view customs_code) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT 1 FROM ceb_message_parties WHERE customs_code = ? AND message_id = ?",
               customs_code, message_id));
  return s.Step();
}

core::StatusOr<int64_t> DocumentRecordsHiddenFrom(Db& db, int64_t document_id,
                                                  std::string_view customs_code) {
  CORE_ASSIGN_OR_RETURN(
      Stmt s,
      db.Query("SELECT COUNT(*) FROM ceb_messages m WHERE m.document_id = ?1 AND NOT EXISTS "
               "(SELECT 1 FROM ceb_message_parties p WHERE p.customs_code = ?2 AND "
               "p.message_id = m.id)",
               document_id, customs_code));
  CORE_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

core::StatusOr<ListResult<MessageRecord>> ListMessages(Db& db, const MessageFilter& f,
                                                       const Page& page) {
  static constexpr std::string_view kWhere =
      " WHERE (?1 = '' OR m.type = ?1) AND (?2 = '' OR m.order_no = ?2) AND "
      "(?3 = '' OR m.guid = ?3) AND (?4 = '' OR m.state = ?4) AND (?5 IS NULL OR EXISTS "
      "(SELECT 1 FROM ceb_message_parties p WHERE p.customs_code = ?5 AND p.message_id = m.id)) "
      "AND (?6 = '' OR m.business_key = ?6)";
  ListResult<MessageRecord> out;
  {
    CORE_ASSIGN_OR_RETURN(
        Stmt c, db.Query("SELECT COUNT(*) FROM ceb_messages m" + std::string(kWhere), f.type,
                         f.order_no, f.guid, f.state, f.party, f.business_key));
    CORE_ASSIGN_OR_RETURN(bool row, c.Step());
    out.total = row ? c.Int(0) : 0;
  }
  CORE_ASSIGN_OR_RETURN(
      Stmt s, db.Query("SELECT " + std::string(kMsgColumns) + " FROM ceb_messages m" +
                           std::string(kWhere) + " ORDER BY m.id DESC LIMIT ?7 OFFSET ?8",
                       f.type, f.order_no, f.guid, f.state, f.party, f.business_key, page.limit,
                       page.offset));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.items.push_back(ReadMessage(s));
  }
  return out;
}

}  // namespace server
