// Handlers: shops, site profiles, patrol tasks and their evidence, covert buyers, mystery
// orders, crawler accounts, and the crawler's own routes (lease, progress, evidence, results).
#include "http/handlers.h"
#include "service/patrol_tasks.h"
#include "service/shops.h"

namespace server {

namespace {

core::Json Items(const std::vector<core::Json>& items) {
  core::Json out = core::Json::array();
  for (const core::Json& j : items) out.push_back(j);
  return out;
}

template <typename T, typename Fn>
core::Json MapJson(const std::vector<T>& records, Fn to_json) {
  core::Json out = core::Json::array();
  for (const T& r : records) out.push_back(to_json(r));
  return out;
}

// The task with what it produced: evidence (without bodies), observations, findings.
core::StatusOr<core::Json> TaskDetail(Db& db, const TaskRecord& t) {
  CORE_ASSIGN_OR_RETURN(std::vector<EvidenceRecord> evidence, ListEvidence(db, t.id));
  CORE_ASSIGN_OR_RETURN(std::vector<ObservationRecord> observations, ListObservations(db, t.id));
  CORE_ASSIGN_OR_RETURN(std::vector<PatrolFindingRecord> findings,
                        ListPatrolFindings(db, std::nullopt, t.id, std::nullopt, 1000));
  CORE_ASSIGN_OR_RETURN(std::optional<MysteryOrderRecord> mystery,
                        FindMysteryOrderByTask(db, t.id));
  return core::Json{{"task", TaskToJson(t)},
                    {"evidence", MapJson(evidence, EvidenceMetaJson)},
                    {"observations", MapJson(observations, ObservationToJson)},
                    {"findings", MapJson(findings, PatrolFindingToJson)},
                    {"mystery_order", mystery ? MysteryOrderToJson(*mystery) : core::Json()}};
}

}  // namespace

core::StatusOr<Reply> HandleListShops(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(Page page, ctx.PageParams());
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> scope, ctx.EnterpriseScope());
  CORE_ASSIGN_OR_RETURN(ListResult<ShopRecord> list, ListShops(ctx.db, scope, page));
  core::Json items = core::Json::array();
  for (const ShopRecord& s : list.items) {
    core::Json j = ShopToJson(s);
    CORE_ASSIGN_OR_RETURN(std::vector<PatrolFindingRecord> findings,
                          ListPatrolFindings(ctx.db, s.id, std::nullopt, std::nullopt, 500));
    j["findings"] = static_cast<int64_t>(findings.size());
    if (s.last_patrol_task_id) {
      CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> t, FindTask(ctx.db, *s.last_patrol_task_id));
      j["last_patrol"] = t ? TaskToJson(*t) : core::Json();
    } else {
      j["last_patrol"] = nullptr;
    }
    items.push_back(std::move(j));
  }
  return Reply::Json(200, ListJson(std::move(items), list.total));
}

core::StatusOr<Reply> HandleRegisterShop(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(ShopRecord s, RegisterShop(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, {{"shop", ShopToJson(s)}});
}

core::StatusOr<Reply> HandleGetShop(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(ShopRecord s, GetShopFor(ctx.db, ctx.actor, id));
  CORE_ASSIGN_OR_RETURN(std::vector<TaskRecord> tasks, ListTasks(ctx.db, id, std::nullopt, 20));
  CORE_ASSIGN_OR_RETURN(std::vector<PatrolFindingRecord> findings,
                        ListPatrolFindings(ctx.db, id, std::nullopt, std::nullopt, 200));
  core::Json out = {{"shop", ShopToJson(s)},
                    {"tasks", MapJson(tasks, TaskToJson)},
                    {"findings", MapJson(findings, PatrolFindingToJson)}};
  // Profiles and mystery orders are customs' working tools, not the enterprise's business.
  if (ctx.actor.is_customs()) {
    CORE_ASSIGN_OR_RETURN(std::optional<ProfileRecord> p, LatestProfile(ctx.db, id));
    out["profile"] = p ? ProfileToJson(*p) : core::Json();
  }
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleListProfiles(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_RETURN_IF_ERROR(GetShopFor(ctx.db, ctx.actor, id).status());
  CORE_ASSIGN_OR_RETURN(std::vector<ProfileRecord> versions, ListProfiles(ctx.db, id));
  return Reply::Json(200, {{"items", MapJson(versions, ProfileToJson)}});
}

core::StatusOr<Reply> HandleSaveProfile(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(ProfileRecord p, SaveProfile(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, {{"profile", ProfileToJson(p)}});
}

core::StatusOr<Reply> HandleQueuePatrol(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(TaskRecord t, QueuePatrol(ctx.app, ctx.db, ctx.actor, id));
  return Reply::Json(201, {{"task", TaskToJson(t)}});
}

core::StatusOr<Reply> HandleQueueMysteryOrder(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(MysteryOrderRecord m,
                        QueueMysteryOrder(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, {{"mystery_order", MysteryOrderToJson(m)}});
}

core::StatusOr<Reply> HandlePreviewProfile(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(TaskRecord t, QueuePreview(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, {{"task", TaskToJson(t)}});
}

core::StatusOr<Reply> HandleGetPatrolTask(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> t, FindTask(ctx.db, id));
  if (!t) return core::NotFoundError("no patrol task " + std::to_string(id));
  CORE_ASSIGN_OR_RETURN(core::Json detail, TaskDetail(ctx.db, *t));
  return Reply::Json(200, detail);
}

core::StatusOr<Reply> HandleListPatrolTasks(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string status, ctx.Query("status", 20));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> shop, ctx.QueryInt("shop_id"));
  CORE_ASSIGN_OR_RETURN(
      std::vector<TaskRecord> tasks,
      ListTasks(ctx.db, shop, status.empty() ? std::nullopt : std::optional(status), 200));
  return Reply::Json(200, {{"items", MapJson(tasks, TaskToJson)}});
}

core::StatusOr<Reply> HandleGetEvidence(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(std::optional<EvidenceRecord> e, FindEvidence(ctx.db, id));
  if (!e) return core::NotFoundError("no evidence " + std::to_string(id));
  return Reply::Json(200, {{"evidence", EvidenceMetaJson(*e)}});
}

core::StatusOr<Reply> HandleGetEvidenceBody(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(std::optional<EvidenceRecord> e, FindEvidence(ctx.db, id));
  if (!e) return core::NotFoundError("no evidence " + std::to_string(id));
  // Exactly the bytes the crawler saw, never rendered by our origin: a shop page's scripts
  // must not run with an officer's session.
  Reply r;
  r.status = 200;
  r.body = e->body;
  r.content_type = "text/plain; charset=utf-8";
  r.headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"Content-Security-Policy", "sandbox; default-src 'none'"},
      {"Content-Disposition", "inline; filename=\"evidence-" + std::to_string(id) + ".txt\""},
      {"X-Evidence-SHA256", e->sha256}};
  return r;
}

core::StatusOr<Reply> HandleListCovertBuyers(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::vector<CovertBuyer> buyers, ListCovertBuyers(ctx.db));
  return Reply::Json(200, {{"items", MapJson(buyers, CovertBuyerToJson)}});
}

core::StatusOr<Reply> HandleRegisterCovertBuyer(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(CovertBuyer b, RegisterCovertBuyer(ctx.app, ctx.db, ctx.actor, body));
  return Reply::Json(201, {{"buyer", CovertBuyerToJson(b)}});
}

core::StatusOr<Reply> HandleListMysteryOrders(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string status, ctx.Query("status", 20));
  CORE_ASSIGN_OR_RETURN(
      std::vector<MysteryOrderRecord> orders,
      ListMysteryOrders(ctx.db, status.empty() ? std::nullopt : std::optional(status), 200));
  return Reply::Json(200, {{"items", MapJson(orders, MysteryOrderToJson)}});
}

core::StatusOr<Reply> HandleCreateCrawlerAccount(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(std::string name, core::RequiredString(body, "name", 40));
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(auto created, CreateCrawlerAccount(ctx.app, ctx.db, ctx.actor, name));
  return Reply::Json(201, {{"account", {{"id", created.first.id}, {"name", created.first.name}}},
                           {"token", created.second}});
}

core::StatusOr<Reply> HandleListCrawlerAccounts(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::vector<CrawlerAccount> accounts, ListCrawlerAccounts(ctx.db));
  std::vector<core::Json> items;
  for (const CrawlerAccount& a : accounts) {
    items.push_back({{"id", a.id},
                     {"name", a.name},
                     {"created_at", a.created_at},
                     {"revoked_at", a.revoked_at ? core::Json(*a.revoked_at) : core::Json()}});
  }
  return Reply::Json(200, {{"items", Items(items)}});
}

core::StatusOr<Reply> HandleRunPatrolSchedule(RequestContext& ctx) {
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, RunPatrolSchedule(ctx.app, ctx.db));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleCrawlerLease(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(std::optional<core::Json> leased,
                        LeaseTask(ctx.app, ctx.db, ctx.actor, body));
  if (!leased) return Reply::NoContent();
  return Reply::Json(200, *leased);
}

core::StatusOr<Reply> HandleCrawlerProgress(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, ReportProgress(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleCrawlerEvidence(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, AddEvidence(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(201, out);
}

core::StatusOr<Reply> HandleCrawlerComplete(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, CompleteTask(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, out);
}

core::StatusOr<Reply> HandleCrawlerFail(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(core::Json out, FailTask(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, out);
}

}  // namespace server
