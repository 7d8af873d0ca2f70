// Handlers: CEB message submission (JSON or XML) with receipts, stored messages and their raw
// bytes, declarations with their set, screening and history.
#include "core/date.h"
#include "http/errors.h"
#include "http/handlers.h"
#include "service/declarations.h"
#include "service/ingestion.h"
#include "store/declarations_repo.h"
#include "store/messages_repo.h"

namespace server {

namespace {

std::string MediaType(std::string_view header) {
  std::string v(header.substr(0, header.find(';')));
  for (char& c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (!v.empty() && v.back() == ' ') v.pop_back();
  while (!v.empty() && v.front() == ' ') v.erase(v.begin());
  return v;
}

// The message when the caller may read it (an enterprise user: it names its customs code).
core::StatusOr<MessageRecord> VisibleMessage(RequestContext& ctx, int64_t id,
                                             std::optional<std::string>& enterprise_code) {
  CORE_ASSIGN_OR_RETURN(std::optional<MessageRecord> m, FindMessage(ctx.db, id));
  CORE_ASSIGN_OR_RETURN(enterprise_code, EnterpriseCodeOf(ctx.db, ctx.actor));
  bool visible = m.has_value();
  if (m && ctx.actor.is_enterprise()) {
    visible = false;
    if (enterprise_code) {
      CORE_ASSIGN_OR_RETURN(visible, MessageVisibleTo(ctx.db, id, *enterprise_code));
    }
  }
  // 404 either way: other enterprises' message ids must not leak their existence.
  if (!visible) return core::NotFoundError("message " + std::to_string(id) + " not found");
  return *std::move(m);
}

// Whether the caller may see the whole document the message came in (an enterprise user: every
// record stored from it names its customs code).
core::StatusOr<bool> DocumentVisible(RequestContext& ctx, const MessageRecord& m,
                                     const std::optional<std::string>& enterprise_code) {
  if (!ctx.actor.is_enterprise()) return true;
  if (!enterprise_code) return false;
  CORE_ASSIGN_OR_RETURN(int64_t hidden,
                        DocumentRecordsHiddenFrom(ctx.db, m.document_id, *enterprise_code));
  return hidden == 0;
}

core::StatusOr<std::string> DateQuery(RequestContext& ctx, const std::string& key) {
  CORE_ASSIGN_OR_RETURN(std::string v, ctx.Query(key, 10));
  if (v.empty()) return v;
  if (v.size() != 10 || !core::Date::Parse(v).ok()) {
    return core::InvalidArgumentError("query parameter '" + key + "' must be a date YYYY-MM-DD");
  }
  return v;
}

}  // namespace

core::StatusOr<Reply> HandleSubmitMessages(RequestContext& ctx) {
  const std::string media = MediaType(ctx.req.get_header_value("Content-Type"));
  const bool xml = media == "application/xml" || media == "text/xml";
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> submitter, SubmitterCodeOf(ctx.db, ctx.actor));
  CORE_ASSIGN_OR_RETURN(IncomingDocument doc,
                        xml ? ReadXmlDocument(ctx.req.body) : ReadJsonDocument(ctx.req.body));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  IngestOptions options;
  options.submitter_code = submitter;
  CORE_ASSIGN_OR_RETURN(IngestOutcome outcome,
                        IngestDocument(ctx.app, ctx.db, ctx.actor, doc, options));
  core::Json body = IngestOutcomeJson(outcome);
  if (!outcome.status.ok()) {
    // A rejected record rejects the document: nothing of it may be committed.
    ctx.tx().Rollback();
    core::Json error =
        ErrorJson(core::StatusCodeName(outcome.status.code()), outcome.status.message());
    error["receipts"] = body["receipts"];
    error["summary"] = body["summary"];
    return Reply::Json(HttpStatusFor(outcome.status.code()), error);
  }
  return Reply::Json(200, body);
}

core::StatusOr<Reply> HandleListMessages(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  MessageFilter f;
  CORE_ASSIGN_OR_RETURN(f.type, ctx.Query("type", 10));
  CORE_ASSIGN_OR_RETURN(f.order_no, ctx.Query("order_no", 60));
  CORE_ASSIGN_OR_RETURN(f.guid, ctx.Query("guid", 64));
  CORE_ASSIGN_OR_RETURN(f.state, ctx.Query("state", 20));
  CORE_ASSIGN_OR_RETURN(f.business_key, ctx.Query("business_key", 400));
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> code, EnterpriseCodeOf(ctx.db, ctx.actor));
  // An enterprise without a code matches no party row.
  if (ctx.actor.is_enterprise()) f.party = code.value_or("");
  CORE_ASSIGN_OR_RETURN(ListResult<MessageRecord> list, ListMessages(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const MessageRecord& m : list.items) items.push_back(MessageSummaryJson(m));
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleGetMessage(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  std::optional<std::string> code;
  CORE_ASSIGN_OR_RETURN(MessageRecord m, VisibleMessage(ctx, id, code));
  core::Json j = MessageSummaryJson(m);
  CORE_ASSIGN_OR_RETURN(std::vector<std::string> parties, MessageParties(ctx.db, m.id));
  j["parties"] = parties;
  core::StatusOr<core::Json> record = core::ParseJson(m.parsed);
  j["record"] = record.ok() ? *record : core::Json();
  CORE_ASSIGN_OR_RETURN(std::optional<DocumentRecord> doc, FindDocument(ctx.db, m.document_id));
  if (doc) {
    j["document"] = {{"id", doc->id},
                     {"format", doc->format},
                     {"message_type", doc->message_type},
                     {"sha256", doc->sha256},
                     {"size_bytes", doc->size_bytes},
                     {"compression", doc->compression},
                     {"source", doc->source},
                     {"received_at", doc->received_at},
                     {"received_by", doc->received_by}};
  }
  CORE_ASSIGN_OR_RETURN(bool whole, DocumentVisible(ctx, m, code));
  j["raw_withheld"] = !whole;
  j["raw"] = core::Json();
  if (whole) {
    CORE_ASSIGN_OR_RETURN(std::string bytes, DocumentBytes(ctx.db, m.document_id));
    j["raw"] = std::move(bytes);  // DumpJson replaces bytes that are not UTF-8
  }
  MessageFilter versions;
  versions.type = m.type;
  versions.business_key = m.business_key;
  CORE_ASSIGN_OR_RETURN(ListResult<MessageRecord> all,
                        ListMessages(ctx.db, versions, Page{500, 0}));
  core::Json list = core::Json::array();
  for (const MessageRecord& v : all.items) {
    list.push_back({{"id", v.id},
                    {"version", v.version},
                    {"app_type", v.app_type},
                    {"state", v.state},
                    {"guid", v.guid},
                    {"received_at", v.received_at}});
  }
  j["versions"] = std::move(list);
  return Reply::Json(200, j);
}

core::StatusOr<Reply> HandleGetMessageRaw(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  std::optional<std::string> code;
  CORE_ASSIGN_OR_RETURN(MessageRecord m, VisibleMessage(ctx, id, code));
  CORE_ASSIGN_OR_RETURN(bool whole, DocumentVisible(ctx, m, code));
  if (!whole) {
    return core::NotFoundError("the document of message " + std::to_string(id) +
                               " holds other enterprises' records");
  }
  CORE_ASSIGN_OR_RETURN(std::optional<DocumentRecord> doc, FindDocument(ctx.db, m.document_id));
  if (!doc) return core::InternalError("message without its document");
  CORE_ASSIGN_OR_RETURN(std::string bytes, DocumentBytes(ctx.db, m.document_id));
  Reply reply{200,
              std::move(bytes),
              doc->format == "xml" ? "application/xml" : "application/json",
              {{"X-Content-SHA256", doc->sha256}}};
  return reply;
}

core::StatusOr<Reply> HandleListDeclarations(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  DeclarationFilter f;
  CORE_ASSIGN_OR_RETURN(std::string status, ctx.Query("status", 20));
  if (!status.empty()) {
    f.status = ParseDeclarationStatus(status);
    if (!f.status) {
      return core::InvalidArgumentError(
          "query parameter 'status' must be a list status code or "
          "name (e.g. 800 or released)");
    }
  }
  CORE_ASSIGN_OR_RETURN(f.ebc_code, ctx.Query("ebc", 18));
  CORE_ASSIGN_OR_RETURN(f.order_no, ctx.Query("order_no", 60));
  CORE_ASSIGN_OR_RETURN(f.from, DateQuery(ctx, "from"));
  CORE_ASSIGN_OR_RETURN(f.to, DateQuery(ctx, "to"));
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> code, EnterpriseCodeOf(ctx.db, ctx.actor));
  if (ctx.actor.is_enterprise()) f.party = code.value_or("");
  CORE_ASSIGN_OR_RETURN(ListResult<DeclarationRecord> list, ListDeclarations(ctx.db, f, page));
  core::Json items = core::Json::array();
  for (const DeclarationRecord& d : list.items) {
    core::Json item = DeclarationSummaryJson(d);
    // The reasons of the latest status, so a queue or receipt list says why without a detail call.
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationEvent> last, LastDeclarationEvent(ctx.db, d.id));
    item["reasons"] = last ? core::Json(last->reasons) : core::Json::array();
    items.push_back(std::move(item));
  }
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleGetDeclaration(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(std::optional<std::string> code, EnterpriseCodeOf(ctx.db, ctx.actor));
  CORE_ASSIGN_OR_RETURN(DeclarationRecord d, GetDeclarationFor(ctx.db, ctx.actor, code, id));
  CORE_ASSIGN_OR_RETURN(core::Json detail, DeclarationDetailJson(ctx.db, d));
  return Reply::Json(200, detail);
}

}  // namespace server
