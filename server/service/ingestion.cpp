// Ingestion: reading documents into records, and storing them with their versions, parties,
// receipts, audit entry and the screening of the declarations they touch.
#include "service/ingestion.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "ingest/ceb_xml.h"
#include "service/ceb_record.h"
#include "service/declarations.h"
#include "service/patrol_tasks.h"
#include "service/screening.h"
#include "store/current_docs_repo.h"
#include "store/declarations_repo.h"
#include "store/enterprises_repo.h"
#include "store/messages_repo.h"
#include "store/screening_repo.h"

namespace server {

namespace {

// {"type": "...", "message": {...}} at `path` ("" for the body itself).
IncomingRecord ReadJsonItem(const core::Json& item, const std::string& path) {
  const std::string prefix = path.empty() ? "" : path + ".";
  IncomingRecord in;
  in.where = path.empty() ? "message" : path;
  if (!item.is_object()) {
    in.error = core::InvalidArgumentError("'" + path + "' must be an object");
    return in;
  }
  core::StatusOr<std::string> type = core::RequiredString(item, "type", 16);
  if (!type.ok()) {
    in.error = core::InvalidArgumentError("field '" + prefix +
                                          "type' is required (a string such as \"CEB311\")");
    return in;
  }
  in.type_code = *type;
  auto message = item.find("message");
  if (message == item.end() || !message->is_object()) {
    in.error = core::InvalidArgumentError("field '" + prefix +
                                          "message' is required and must be an object");
    return in;
  }
  core::StatusOr<CebRecord> record = RecordFromJson(*type, *message, prefix + "message");
  if (record.ok()) {
    in.record = *std::move(record);
  } else {
    in.error = core::InvalidArgumentError(record.status().message());
  }
  return in;
}

}  // namespace

core::StatusOr<IncomingDocument> ReadXmlDocument(std::string bytes) {
  core::StatusOr<core::CebMessage> message = ParseCebXml(bytes);
  if (!message.ok()) {
    // Too large for the XML reader is bad input like any other, not a rate limit.
    if (message.status().code() == core::StatusCode::kResourceExhausted) {
      return core::InvalidArgumentError(message.status().message());
    }
    return message.status();
  }
  IncomingDocument doc;
  doc.format = "xml";
  doc.message_type = std::string(core::MessageTypeCode(message->type));
  const std::string record_prefix =
      doc.message_type + "Message/" + std::string(core::RecordElementName(message->type)) + "[";
  auto add = [&](auto& records) {
    for (auto& r : records) {
      IncomingRecord in;
      in.where = record_prefix + std::to_string(doc.records.size() + 1) + "]";
      in.type_code = doc.message_type;
      in.record = CebRecord(std::move(r));
      doc.records.push_back(std::move(in));
    }
  };
  add(message->orders);
  add(message->payments);
  add(message->waybills);
  add(message->inventories);
  add(message->refunds);
  doc.bytes = std::move(bytes);
  return doc;
}

core::StatusOr<IncomingDocument> ReadJsonDocument(std::string bytes) {
  core::StatusOr<core::Json> body = core::ParseJson(bytes);
  if (!body.ok()) return core::InvalidArgumentError("the request body is not valid JSON");
  if (!body->is_object()) {
    return core::InvalidArgumentError("the request body must be a JSON object");
  }
  const bool batch = body->contains("messages");
  const bool single = body->contains("type") || body->contains("message");
  if (batch == single) {
    return core::InvalidArgumentError(
        "expected {\"type\": \"CEB311\", \"message\": {...}} or {\"messages\": [{\"type\", "
        "\"message\"}, ...]}");
  }
  IncomingDocument doc;
  doc.format = "json";
  doc.message_type = "json";
  if (single) {
    doc.records.push_back(ReadJsonItem(*body, ""));
  } else {
    const core::Json& items = (*body)["messages"];
    if (!items.is_array() || items.empty()) {
      return core::InvalidArgumentError("field 'messages' must be a non-empty array");
    }
    if (items.size() > kMaxJsonRecords) {
      return core::InvalidArgumentError("field 'messages' holds more than " +
                                        std::to_string(kMaxJsonRecords) + " records");
    }
    for (size_t i = 0; i < items.size(); ++i) {
      doc.records.push_back(ReadJsonItem(items[i], "messages[" + std::to_string(i) + "]"));
    }
  }
  doc.bytes = std::move(bytes);
  return doc;
}

core::Json ReceiptJson(const Receipt& r) {
  core::Json errors = core::Json::array();
  for (const ReceiptError& e : r.errors) {
    errors.push_back({{"code", e.code}, {"message", e.message}});
  }
  core::Json j = {{"where", r.where},   {"type", r.type},
                  {"guid", r.guid},     {"business_key", r.business_key},
                  {"status", r.status}, {"errors", errors}};
  j["message_id"] = r.message_id ? core::Json(*r.message_id) : core::Json();
  j["version"] = r.version ? core::Json(*r.version) : core::Json();
  j["declaration_id"] = r.declaration_id ? core::Json(*r.declaration_id) : core::Json();
  return j;
}

core::Json IngestOutcomeJson(const IngestOutcome& outcome) {
  core::Json receipts = core::Json::array();
  std::map<std::string, int64_t> counts = {
      {"stored", 0}, {"new_version", 0}, {"withdrawn", 0}, {"duplicate", 0}, {"rejected", 0}};
  for (const Receipt& r : outcome.receipts) {
    receipts.push_back(ReceiptJson(r));
    ++counts[r.status];
  }
  core::Json summary(counts);
  summary["records"] = static_cast<int64_t>(outcome.receipts.size());
  return {{"document_id", outcome.document_id ? core::Json(*outcome.document_id) : core::Json()},
          {"receipts", receipts},
          {"summary", summary}};
}

core::StatusOr<std::optional<std::string>> EnterpriseCodeOf(Db& db, const Actor& actor) {
  if (!actor.is_enterprise()) return std::optional<std::string>();
  if (!actor.enterprise_id) return core::NotFoundError("this account has no enterprise");
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e,
                        FindEnterprise(db, *actor.enterprise_id));
  if (!e) return core::NotFoundError("this account's enterprise does not exist");
  return std::optional<std::string>(e->customs_code);
}

core::StatusOr<std::optional<std::string>> SubmitterCodeOf(Db& db, const Actor& actor) {
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> code, EnterpriseCodeOf(db, actor));
  if (!code) return code;
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e,
                        FindEnterprise(db, *actor.enterprise_id));
  if (!e || e->status != "admitted") {
    return core::FailedPreconditionError(
        "only an admitted enterprise may submit messages (this enterprise is " +
        (e ? e->status : std::string("unknown")) + ")");
  }
  if (code->empty()) {
    return core::FailedPreconditionError("this enterprise has no customs registration code");
  }
  return code;
}

namespace {

// Stores one document's records; see IngestDocument.
class DocumentIngestor {
 public:
  DocumentIngestor(App& app, Db& db, const Actor& actor, const IncomingDocument& doc,
                   const IngestOptions& options)
      : app_(app), db_(db), actor_(actor), doc_(doc), options_(options) {}

  core::StatusOr<IngestOutcome> Run();

 private:
  core::StatusOr<Receipt> Store(const IncomingRecord& in);
  core::StatusOr<Receipt> StoreVersion(Receipt r, const CebRecord& rec,
                                       const core::MessageIdentity& id,
                                       const std::optional<MessageRecord>& latest,
                                       const std::string& canonical,
                                       const std::vector<std::string>& parties);
  // The released declaration a change or withdrawal of this record would alter, if any.
  core::StatusOr<std::optional<DeclarationRecord>> LockingDeclaration(const CebRecord& rec,
                                                                      const std::string& key);
  core::Status AfterStore(Receipt& r, const CebRecord& rec, const core::MessageIdentity& id,
                          int64_t message_id);
  core::StatusOr<int64_t> DocumentId();
  // A rejected receipt; the first rejection becomes the document's status.
  Receipt Rejected(Receipt r, const core::Status& st);
  void Affect(const std::vector<int64_t>& ids);
  core::Status Audit();

  App& app_;
  Db& db_;
  const Actor& actor_;
  const IncomingDocument& doc_;
  const IngestOptions& options_;
  IngestOutcome out_;
  std::string now_;
  std::string doc_sha256_;  // of doc_.bytes, once the document is stored (the audit quotes it)
  std::vector<int64_t> affected_;  // declarations to screen, first-touched order
};

Receipt DocumentIngestor::Rejected(Receipt r, const core::Status& st) {
  r.status = "rejected";
  r.errors.push_back(ReceiptError{std::string(core::StatusCodeName(st.code())), st.message()});
  // The first rejection keeps its code: a permission or a conflict is not a syntax error.
  if (out_.status.ok()) out_.status = core::Status(st.code(), r.where + ": " + st.message());
  return r;
}

core::StatusOr<IngestOutcome> DocumentIngestor::Run() {
  now_ = FormatUtcIso(app_.Now());
  for (const IncomingRecord& in : doc_.records) {
    CORE_ASSIGN_OR_RETURN(Receipt r, Store(in));
    out_.receipts.push_back(std::move(r));
  }
  if (!out_.status.ok()) {
    const size_t rejected =
        static_cast<size_t>(std::count_if(out_.receipts.begin(), out_.receipts.end(),
                                          [](const Receipt& r) { return r.status == "rejected"; }));
    const std::string why = "not stored: " + std::to_string(rejected) + " of " +
                            std::to_string(out_.receipts.size()) +
                            " records were rejected, and a document is stored whole or not at all";
    for (Receipt& r : out_.receipts) {
      if (r.status == "rejected") continue;
      r.status = "rejected";
      r.message_id.reset();
      r.version.reset();
      r.declaration_id.reset();
      r.errors.push_back(ReceiptError{"not_stored", why});
    }
    out_.document_id.reset();
    out_.status = core::Status(out_.status.code(),
                               "nothing was stored: " + out_.status.message() +
                                   (rejected > 1 ? " (and " + std::to_string(rejected - 1) +
                                                       " more rejected; see the receipts)"
                                                 : ""));
    return std::move(out_);
  }
  CORE_RETURN_IF_ERROR(ScreenDeclarations(app_, db_, actor_, affected_));
  CORE_RETURN_IF_ERROR(MatchMysteryOrders(app_, db_, affected_));
  out_.screened = affected_;
  if (out_.document_id) CORE_RETURN_IF_ERROR(Audit());
  return std::move(out_);
}

core::StatusOr<Receipt> DocumentIngestor::Store(const IncomingRecord& in) {
  Receipt r;
  r.where = in.where;
  r.type = in.type_code;
  if (!in.error.ok() || !in.record) {
    return Rejected(r, in.error.ok() ? core::InvalidArgumentError("no record") : in.error);
  }
  const CebRecord& rec = *in.record;
  const core::MessageIdentity id = IdentityOfRecord(rec);
  r.type = std::string(core::MessageTypeCode(id.type));
  r.guid = id.guid;
  r.business_key = id.business_key;
  const std::vector<std::string> parties = PartiesOf(rec);
  if (options_.submitter_code &&
      std::find(parties.begin(), parties.end(), *options_.submitter_code) == parties.end()) {
    return Rejected(r, core::PermissionDeniedError(
                           "the record does not name your enterprise's customs code " +
                           *options_.submitter_code +
                           " as a party (see docs/api.md: who may submit which message)"));
  }
  const std::string canonical = core::DumpJson(RecordJson(rec));
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> same_guid,
                        FindMessageByGuid(db_, r.type, r.guid));
  if (same_guid) {
    if (same_guid->content_sha256 != Sha256Hex(canonical)) {
      return Rejected(r, core::AlreadyExistsError(
                             r.type + " guid " + r.guid +
                             " was already stored with different content (message " +
                             std::to_string(same_guid->id) + "); a new version needs a new guid"));
    }
    r.status = "duplicate";
    r.message_id = same_guid->id;
    r.version = same_guid->version;
    r.business_key = same_guid->business_key;
    if (id.type == core::MessageType::kInventory) {
      CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d,
                            FindDeclarationByListKey(db_, same_guid->business_key));
      if (d) r.declaration_id = d->id;
    }
    return r;
  }
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> latest,
                        LatestVersion(db_, r.type, id.business_key));
  return StoreVersion(std::move(r), rec, id, latest, canonical, parties);
}

core::StatusOr<Receipt> DocumentIngestor::StoreVersion(Receipt r, const CebRecord& rec,
                                                       const core::MessageIdentity& id,
                                                       const std::optional<MessageRecord>& latest,
                                                       const std::string& canonical,
                                                       const std::vector<std::string>& parties) {
  const bool live = latest && latest->state != kStateWithdrawn;
  const std::string what = r.type + " " + id.business_key;
  if (id.app_type == core::AppType::kNew) {
    if (live) {
      return Rejected(r, core::AlreadyExistsError(what + " already exists (message " +
                                                  std::to_string(latest->id) + ", version " +
                                                  std::to_string(latest->version) +
                                                  "); send a correction with appType 2"));
    }
  } else {
    if (!live) {
      return Rejected(
          r, core::NotFoundError(what + " has no current version to " +
                                 (id.app_type == core::AppType::kChange ? "change (appType 2)"
                                                                        : "withdraw (appType 3)")));
    }
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> locked,
                          LockingDeclaration(rec, id.business_key));
    if (locked) {
      return Rejected(r, core::FailedPreconditionError(
                             what + " belongs to declaration " + std::to_string(locked->id) +
                             " (invtNo " + locked->invt_no + "), which is " +
                             std::string(DeclarationStatusName(locked->status)) +
                             ": its documents can no longer change"));
    }
  }
  std::optional<DeclarationRecord> return_of;
  if (id.type == core::MessageType::kRefund) {
    const core::Refund& refund = std::get<core::Refund>(rec);
    if (id.app_type == core::AppType::kNew) {
      CORE_ASSIGN_OR_RETURN(return_of,
                            FindDeclarationForReturn(db_, refund.head.invt_no, refund.head.ebp_code,
                                                     refund.head.order_no));
      if (!return_of || return_of->status != kStatusReleased) {
        return Rejected(r, core::FailedPreconditionError(
                               "no released list for this return (invtNo '" + refund.head.invt_no +
                               "', orderNo '" + refund.head.order_no + "' on platform " +
                               refund.head.ebp_code + ")"));
      }
    } else {
      CORE_ASSIGN_OR_RETURN(bool decided, ReturnDecidedFor(db_, id.business_key));
      if (decided) {
        return Rejected(r, core::FailedPreconditionError(
                               what + " was already decided; a decided return cannot change"));
      }
    }
  }

  const HeadKeys keys = KeysOf(rec);
  MessageRecord m;
  CORE_ASSIGN_OR_RETURN(m.document_id, DocumentId());
  m.record_index = static_cast<int64_t>(out_.receipts.size());
  m.type = r.type;
  m.guid = id.guid;
  m.business_key = id.business_key;
  m.app_type = static_cast<int64_t>(id.app_type);
  m.app_time = id.app_time.ToDigits();
  m.version = latest ? latest->version + 1 : 1;
  m.state = std::string(id.app_type == core::AppType::kDelete ? kStateWithdrawn : kStateCurrent);
  m.order_no = keys.order_no;
  m.ebp_code = keys.ebp_code;
  m.ebc_code = keys.ebc_code;
  m.parsed = canonical;
  m.content_sha256 = Sha256Hex(canonical);
  m.received_at = now_;
  CORE_ASSIGN_OR_RETURN(int64_t message_id, InsertMessage(db_, m, parties));
  if (latest && latest->state == kStateCurrent) {
    CORE_RETURN_IF_ERROR(SetMessageState(db_, latest->id, kStateSuperseded));
  }
  r.message_id = message_id;
  r.version = m.version;
  r.status = id.app_type == core::AppType::kNew      ? "stored"
             : id.app_type == core::AppType::kChange ? "new_version"
                                                     : "withdrawn";
  CORE_RETURN_IF_ERROR(AfterStore(r, rec, id, message_id));
  if (return_of) {
    CORE_ASSIGN_OR_RETURN(
        ReturnRecord decided,
        DecideReturn(app_, db_, actor_, *return_of, message_id, std::get<core::Refund>(rec)));
    (void)decided;
    r.declaration_id = return_of->id;
  }
  return r;
}

core::StatusOr<std::optional<DeclarationRecord>> DocumentIngestor::LockingDeclaration(
    const CebRecord& rec, const std::string& key) {
  std::vector<int64_t> ids;
  if (const auto* o = std::get_if<core::Order>(&rec)) {
    CORE_ASSIGN_OR_RETURN(ids, DeclarationsOfOrder(db_, o->head.ebp_code, o->head.order_no));
  } else if (const auto* p = std::get_if<core::Payment>(&rec)) {
    CORE_ASSIGN_OR_RETURN(ids, DeclarationsOfOrder(db_, p->head.ebp_code, p->head.order_no));
  } else if (const auto* w = std::get_if<core::Waybill>(&rec)) {
    CORE_ASSIGN_OR_RETURN(ids,
                          DeclarationsOfWaybill(db_, w->head.logistics_code, w->head.logistics_no));
  } else if (std::holds_alternative<core::Inventory>(rec)) {
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclarationByListKey(db_, key));
    if (d) ids.push_back(d->id);
  }
  for (int64_t id : ids) {
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db_, id));
    if (d && (d->status == kStatusReleased || d->status == kStatusInspection)) return d;
  }
  return std::optional<DeclarationRecord>();
}

core::Status DocumentIngestor::AfterStore(Receipt& r, const CebRecord& rec,
                                          const core::MessageIdentity& id, int64_t message_id) {
  const bool withdrawn = id.app_type == core::AppType::kDelete;
  const std::string& key = id.business_key;
  if (withdrawn) CORE_RETURN_IF_ERROR(RemoveCurrent(db_, id.type, key));
  if (const auto* o = std::get_if<core::Order>(&rec)) {
    if (!withdrawn) CORE_RETURN_IF_ERROR(PutCurrentOrder(db_, message_id, key, *o));
    CORE_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                          DeclarationsOfOrder(db_, o->head.ebp_code, o->head.order_no));
    Affect(ids);
  } else if (const auto* p = std::get_if<core::Payment>(&rec)) {
    if (!withdrawn) CORE_RETURN_IF_ERROR(PutCurrentPayment(db_, message_id, key, *p));
    CORE_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                          DeclarationsOfOrder(db_, p->head.ebp_code, p->head.order_no));
    Affect(ids);
  } else if (const auto* w = std::get_if<core::Waybill>(&rec)) {
    if (!withdrawn) CORE_RETURN_IF_ERROR(PutCurrentWaybill(db_, message_id, key, *w));
    CORE_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                          DeclarationsOfWaybill(db_, w->head.logistics_code, w->head.logistics_no));
    Affect(ids);
  } else if (const auto* l = std::get_if<core::Inventory>(&rec)) {
    if (withdrawn) {
      // The declaration shows the withdrawing version, then closes.
      CORE_ASSIGN_OR_RETURN(int64_t declaration_id,
                            PutDeclarationForList(app_, db_, message_id, key, *l));
      CORE_RETURN_IF_ERROR(CloseDeclaration(app_, db_, actor_, declaration_id));
      r.declaration_id = declaration_id;
    } else {
      CORE_RETURN_IF_ERROR(PutCurrentList(db_, message_id, key, *l));
      CORE_ASSIGN_OR_RETURN(int64_t declaration_id,
                            PutDeclarationForList(app_, db_, message_id, key, *l));
      r.declaration_id = declaration_id;
      Affect({declaration_id});
    }
  } else if (const auto* f = std::get_if<core::Refund>(&rec)) {
    if (!withdrawn) CORE_RETURN_IF_ERROR(PutCurrentRefund(db_, message_id, key, *f));
  }
  return core::OkStatus();
}

core::StatusOr<int64_t> DocumentIngestor::DocumentId() {
  if (out_.document_id) return *out_.document_id;
  DocumentRecord d;
  d.format = doc_.format;
  d.message_type = doc_.message_type;
  d.source = options_.source;
  d.received_at = now_;
  d.received_by_id = actor_.user_id;
  d.received_by = actor_.name;
  d.sha256 = doc_sha256_ = Sha256Hex(doc_.bytes);
  CORE_ASSIGN_OR_RETURN(int64_t id, InsertDocument(db_, d, doc_.bytes));
  out_.document_id = id;
  return id;
}

void DocumentIngestor::Affect(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    if (std::find(affected_.begin(), affected_.end(), id) == affected_.end()) {
      affected_.push_back(id);
    }
  }
}

core::Status DocumentIngestor::Audit() {
  core::Json detail = IngestOutcomeJson(out_)["summary"];
  detail["format"] = doc_.format;
  detail["message_type"] = doc_.message_type;
  detail["sha256"] = doc_sha256_.empty() ? Sha256Hex(doc_.bytes) : doc_sha256_;
  detail["size_bytes"] = static_cast<int64_t>(doc_.bytes.size());
  detail["source"] = options_.source;
  detail["declarations_screened"] = out_.screened;
  return AppendAudit(db_, actor_, "messages.ingest", "ceb_document",
                     std::to_string(*out_.document_id), detail, app_.Now());
}

}  // namespace

core::StatusOr<IngestOutcome> IngestDocument(App& app, Db& db, const Actor& actor,
                                             const IncomingDocument& doc,
                                             const IngestOptions& options) {
  DocumentIngestor ingestor(app, db, actor, doc, options);
  return ingestor.Run();
}

}  // namespace server
