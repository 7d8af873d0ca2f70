// Handlers: reference lists (metadata, positive-list search, replacement, raw CSV).
#include <cstdio>

#include "core/csv.h"
#include "http/handlers.h"
#include "service/reference_data.h"

namespace server {

core::StatusOr<Reply> HandleListLists(RequestContext& ctx) {
  std::shared_ptr<const ReferenceData> ref = ctx.app.reference();
  core::Json items = core::Json::array();
  for (const ListSpec& spec : ListSpecs()) {
    auto it = ref->lists.find(spec.name);
    if (it != ref->lists.end()) items.push_back(ListVersionToJson(it->second));
  }
  int64_t total = static_cast<int64_t>(items.size());
  return Reply::Json(200, ListJson(std::move(items), total));
}

core::StatusOr<Reply> HandlePositiveList(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  CORE_ASSIGN_OR_RETURN(std::string q, ctx.Query("q"));
  std::shared_ptr<const ReferenceData> ref = ctx.app.reference();
  auto it = ref->lists.find("positive_list");
  if (it == ref->lists.end()) return core::NotFoundError("the positive list is not loaded");
  // The stored text is what the core parsed; read its rows generically so every column shows.
  core::CsvOptions options;
  options.allow_comments = true;
  CORE_ASSIGN_OR_RETURN(core::CsvDocument doc, core::ParseCsvDocument(it->second.content, options));
  core::Json items = core::Json::array();
  int64_t total = 0;
  if (!doc.rows.empty()) {
    const std::vector<std::string>& header = doc.rows.front().fields;
    for (size_t r = 1; r < doc.rows.size(); ++r) {
      const std::vector<std::string>& fields = doc.rows[r].fields;
      bool match = q.empty();
      for (size_t c = 0; !match && c < fields.size(); ++c) {
        match = fields[c].find(q) != std::string::npos;
      }
      if (!match) continue;
      ++total;
      if (total <= page.offset || total > page.offset + page.limit) continue;
      core::Json row = core::Json::object();
      for (size_t c = 0; c < header.size(); ++c) {
        row[header[c]] = c < fields.size() ? fields[c] : std::string();
      }
      items.push_back(std::move(row));
    }
  }
  core::Json out = ListJson(std::move(items), total);
  out["version"] = it->second.version;
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandlePutList(RequestContext& ctx) {
  const std::string& name = ctx.path_params["name"];
  if (!IsListName(name)) return core::NotFoundError("no list named '" + name + "'");
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(std::string version, core::RequiredString(body, "version", 100));
  CORE_ASSIGN_OR_RETURN(std::string csv, core::RequiredString(body, "csv", kMaxListBytes));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(ListVersionRecord stored,
                        StoreListVersion(ctx.db, ctx.actor, name, version, csv, ctx.app.Now()));
  App& app = ctx.app;
  ctx.OnCommit([&app, stored] {
    core::Status st = app.ApplyList(stored);
    if (!st.ok())
      std::fprintf(stderr, "applying list %s: %s\n", stored.name.c_str(), st.message().c_str());
  });
  return Reply::Json(200, {{"list", ListVersionToJson(stored)}});
}

core::StatusOr<Reply> HandleReference(RequestContext& ctx) {
  const std::string& name = ctx.path_params["name"];
  std::shared_ptr<const ReferenceData> ref = ctx.app.reference();
  auto it = ref->lists.find(name);
  if (it == ref->lists.end()) return core::NotFoundError("no list named '" + name + "'");
  std::string etag = "\"" + it->second.sha256 + "\"";
  Reply reply{200, "", "text/csv; charset=utf-8", {}};
  reply.headers.emplace_back("ETag", etag);
  reply.headers.emplace_back("X-List-Version", it->second.version);
  if (ctx.req.get_header_value("If-None-Match") == etag) {
    reply.status = 304;
    return reply;
  }
  reply.body = it->second.content;
  return reply;
}

}  // namespace server
