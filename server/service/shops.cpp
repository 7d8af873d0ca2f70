// Shops, profiles, covert buyers, crawler accounts and the patrol schedule.
#include "service/shops.h"

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/json_text.h"
#include "core/ids.h"
#include "core/patrol.h"
#include "fetch/url.h"
#include "store/enterprises_repo.h"
#include "store/routing_repo.h"

namespace server {

namespace {

constexpr int64_t kDaySeconds = 24 * 60 * 60;

// "host:port" of an absolute http(s) URL as profiles write allowed hosts (the port always
// written, IPv6 in brackets), by the crawler's URL parser; nullopt for anything else.
std::optional<std::string> HttpHostPort(const std::string& url) {
  if (url.find_first_of(" \t\r\n\"<>") != std::string::npos) return std::nullopt;
  core::StatusOr<crawler::UrlParts> parts = crawler::ParseUrl(url);
  if (!parts.ok() || parts->host.empty()) return std::nullopt;
  return parts->HostPort();
}

core::Status FieldError(const std::string& path, const std::string& what) {
  return core::InvalidArgumentError("field '" + path + "' " + what);
}

core::StatusOr<int64_t> ShopIdOrNotFound(Db& db, int64_t shop_id, ShopRecord* out) {
  CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> s, FindShop(db, shop_id));
  if (!s) return core::NotFoundError("no shop " + std::to_string(shop_id));
  if (out != nullptr) *out = *s;
  return s->id;
}

}  // namespace

core::Json ShopToJson(const ShopRecord& s) {
  return {{"id", s.id},
          {"enterprise_id", s.enterprise_id},
          {"enterprise_name", s.enterprise_name},
          {"enterprise_code", s.enterprise_code},
          {"name", s.name},
          {"base_url", s.base_url},
          {"cycle_days", s.cycle_days},
          {"active", s.active},
          {"next_due_at", s.next_due_at},
          {"last_patrol_task_id", OrNull(s.last_patrol_task_id)},
          {"created_at", s.created_at}};
}

core::Json ProfileToJson(const ProfileRecord& p) {
  return {{"id", p.id},
          {"shop_id", p.shop_id},
          {"version", p.version},
          {"profile", JsonOrNull(p.profile)},
          {"comment", p.comment},
          {"created_by", OrNull(p.created_by)},
          {"created_at", p.created_at}};
}

core::StatusOr<ShopRecord> RegisterShop(App& app, Db& db, const Actor& actor,
                                        const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  ShopRecord s;
  CORE_ASSIGN_OR_RETURN(s.enterprise_id, core::RequiredInt(body, "enterprise_id"));
  CORE_ASSIGN_OR_RETURN(s.name, core::RequiredString(body, "name", 100));
  CORE_ASSIGN_OR_RETURN(s.base_url, core::RequiredString(body, "base_url", 500));
  if (!HttpHostPort(s.base_url)) return FieldError("base_url", "must be an absolute http(s) URL");
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> cycle, core::OptionalInt(body, "cycle_days"));
  s.cycle_days = cycle.value_or(30);
  if (s.cycle_days < 1 || s.cycle_days > 366) return FieldError("cycle_days", "must be 1..366");
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> e, FindEnterprise(db, s.enterprise_id));
  if (!e) return core::NotFoundError("no enterprise " + std::to_string(s.enterprise_id));
  if (e->status != "admitted") {
    return core::FailedPreconditionError("only an admitted enterprise's shop is patrolled");
  }
  const int64_t now = app.Now();
  s.created_at = s.next_due_at = FormatUtcIso(now);
  s.created_by = actor.user_id;
  CORE_ASSIGN_OR_RETURN(s.id, InsertShop(db, s));
  CORE_RETURN_IF_ERROR(AppendAudit(
      db, actor, "shops.register", "shop", std::to_string(s.id),
      {{"enterprise_id", s.enterprise_id}, {"base_url", s.base_url}, {"cycle_days", s.cycle_days}},
      now));
  CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> stored, FindShop(db, s.id));
  return *stored;
}

core::StatusOr<ShopRecord> GetShopFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> s, FindShop(db, id));
  // Another enterprise's shop is answered as missing, not forbidden: ids leak nothing.
  if (!s || (actor.is_enterprise() && actor.enterprise_id != s->enterprise_id)) {
    return core::NotFoundError("no shop " + std::to_string(id));
  }
  return *s;
}

core::StatusOr<crawler::SiteProfile> ValidateSiteProfile(const core::Json& p) {
  if (!p.is_object()) return FieldError("profile", "must be an object");
  const auto version = p.find("profile_version");
  if (version == p.end() || !version->is_number_integer() || *version != 1) {
    return FieldError("profile.profile_version", "must be 1");
  }
  core::StatusOr<crawler::SiteProfile> parsed = crawler::SiteProfileFromJson(p);
  if (parsed.ok()) return parsed;
  // The crawler's errors read "start_urls[0]: host 10.0.0.1:80 is not in allowed_hosts".
  const std::string why = parsed.status().message();
  const size_t colon = why.find(": ");
  if (colon == std::string::npos) return FieldError("profile", why);
  return FieldError("profile." + why.substr(0, colon), why.substr(colon + 2));
}

core::StatusOr<ProfileRecord> SaveProfile(App& app, Db& db, const Actor& actor, int64_t shop_id,
                                          const core::Json& body) {
  ShopRecord shop;
  CORE_RETURN_IF_ERROR(ShopIdOrNotFound(db, shop_id, &shop).status());
  if (!body.is_object() || !body.contains("profile")) {
    return FieldError("profile", "is required (an object, see docs/site-profiles.md)");
  }
  CORE_RETURN_IF_ERROR(ValidateSiteProfile(body["profile"]).status());
  ProfileRecord p;
  p.shop_id = shop_id;
  p.profile = core::DumpJson(body["profile"]);
  CORE_ASSIGN_OR_RETURN(p.comment, core::OptionalString(body, "comment", 500));
  p.created_by = actor.user_id;
  const int64_t now = app.Now();
  p.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(p, InsertProfile(db, std::move(p)));
  CORE_RETURN_IF_ERROR(AppendAudit(
      db, actor, "shops.profile", "shop", std::to_string(shop_id),
      {{"version", p.version}, {"sha256", Sha256Hex(p.profile)}, {"comment", p.comment}}, now));
  return p;
}

core::StatusOr<TaskRecord> QueuePatrol(App& app, Db& db, const Actor& actor, int64_t shop_id) {
  ShopRecord shop;
  CORE_RETURN_IF_ERROR(ShopIdOrNotFound(db, shop_id, &shop).status());
  CORE_ASSIGN_OR_RETURN(std::vector<TaskRecord> open,
                        ListTasks(db, shop_id, std::string("queued"), 100));
  CORE_ASSIGN_OR_RETURN(std::vector<TaskRecord> leased,
                        ListTasks(db, shop_id, std::string("leased"), 100));
  for (const auto* list : {&open, &leased}) {
    for (const TaskRecord& t : *list) {
      if (t.kind == "patrol") {
        return core::FailedPreconditionError("patrol task " + std::to_string(t.id) +
                                             " of this shop is already " + t.status);
      }
    }
  }
  CORE_ASSIGN_OR_RETURN(std::optional<ProfileRecord> profile, LatestProfile(db, shop_id));
  TaskRecord t;
  t.shop_id = shop_id;
  t.kind = "patrol";
  t.params =
      core::DumpJson({{"profile_version", profile ? core::Json(profile->version) : core::Json()}});
  t.created_by = actor.name;
  const int64_t now = app.Now();
  t.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(t.id, InsertTask(db, t));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "patrols.queue", "patrol_task", std::to_string(t.id),
                                   {{"shop_id", shop_id}}, now));
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> stored, FindTask(db, t.id));
  return *stored;
}

core::StatusOr<MysteryOrderRecord> QueueMysteryOrder(App& app, Db& db, const Actor& actor,
                                                     int64_t shop_id, const core::Json& body) {
  ShopRecord shop;
  CORE_RETURN_IF_ERROR(ShopIdOrNotFound(db, shop_id, &shop).status());
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  MysteryOrderRecord m;
  CORE_ASSIGN_OR_RETURN(m.buyer_id, core::RequiredInt(body, "buyer_id"));
  CORE_ASSIGN_OR_RETURN(m.sku, core::RequiredString(body, "sku", 64));
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> qty, core::OptionalInt(body, "quantity"));
  m.quantity = qty.value_or(1);
  if (m.quantity < 1 || m.quantity > 99) return FieldError("quantity", "must be 1..99");
  CORE_ASSIGN_OR_RETURN(std::optional<CovertBuyer> buyer, FindCovertBuyer(db, m.buyer_id));
  if (!buyer) return core::NotFoundError("no covert buyer " + std::to_string(m.buyer_id));
  if (!buyer->active) return core::FailedPreconditionError("this covert buyer is retired");
  CORE_ASSIGN_OR_RETURN(std::optional<ProfileRecord> profile, LatestProfile(db, shop_id));
  const core::Json parsed = profile ? JsonOrNull(profile->profile) : core::Json();
  if (!parsed.is_object() || !parsed.contains("checkout")) {
    return core::FailedPreconditionError(
        "the shop has no site profile with a checkout: write one before a mystery order");
  }
  TaskRecord t;
  t.shop_id = shop_id;
  t.kind = "mystery_order";
  t.params = core::DumpJson({{"profile_version", profile->version},
                             {"buyer_id", m.buyer_id},
                             {"sku", m.sku},
                             {"quantity", m.quantity}});
  // Retried like a patrol while its crawler is still looking for the product; once the crawler
  // reports the checkout stage, a lost lease ends the task (FailExhaustedLeases): an order is
  // never placed twice.
  t.max_attempts = 3;
  t.created_by = actor.name;
  const int64_t now = app.Now();
  t.created_at = m.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(t.id, InsertTask(db, t));
  m.task_id = t.id;
  m.shop_id = shop_id;
  CORE_ASSIGN_OR_RETURN(m.id, InsertMysteryOrder(db, m));
  CORE_RETURN_IF_ERROR(AppendAudit(
      db, actor, "mystery_orders.queue", "mystery_order", std::to_string(m.id),
      {{"shop_id", shop_id}, {"buyer_id", m.buyer_id}, {"sku", m.sku}, {"task_id", t.id}}, now));
  CORE_ASSIGN_OR_RETURN(std::optional<MysteryOrderRecord> stored, FindMysteryOrder(db, m.id));
  return *stored;
}

core::StatusOr<TaskRecord> QueuePreview(App& app, Db& db, const Actor& actor, int64_t shop_id,
                                        const core::Json& body) {
  CORE_RETURN_IF_ERROR(ShopIdOrNotFound(db, shop_id, nullptr).status());
  if (!body.is_object() || !body.contains("profile")) {
    return FieldError("profile", "is required (an object, see docs/site-profiles.md)");
  }
  const core::Json& profile = body["profile"];
  CORE_ASSIGN_OR_RETURN(crawler::SiteProfile parsed, ValidateSiteProfile(profile));
  CORE_ASSIGN_OR_RETURN(std::string url, core::RequiredString(body, "url", 2000));
  const std::optional<std::string> host = HttpHostPort(url);
  if (!host) return FieldError("url", "must be an absolute http(s) URL");
  const bool allowed = parsed.IsAllowedHost(*host);
  if (!allowed) return FieldError("url", "is not on one of the profile's allowed_hosts");
  TaskRecord t;
  t.shop_id = shop_id;
  t.kind = "preview";
  t.params = core::DumpJson({{"url", url}, {"profile", profile}});
  t.max_attempts = 1;
  t.created_by = actor.name;
  t.created_at = FormatUtcIso(app.Now());
  CORE_ASSIGN_OR_RETURN(t.id, InsertTask(db, t));
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> stored, FindTask(db, t.id));
  return *stored;
}

core::StatusOr<CovertBuyer> RegisterCovertBuyer(App& app, Db& db, const Actor& actor,
                                                const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CovertBuyer b;
  CORE_ASSIGN_OR_RETURN(b.name, core::RequiredString(body, "name", 50));
  CORE_ASSIGN_OR_RETURN(b.id_number, core::RequiredString(body, "id_number", 18));
  CORE_ASSIGN_OR_RETURN(b.phone, core::RequiredString(body, "phone", 30));
  CORE_ASSIGN_OR_RETURN(b.address, core::RequiredString(body, "address", 200));
  const auto ref = app.reference();
  const core::IdCheck id = core::CheckResidentId(b.id_number, &ref->tables.divisions, app.Today());
  if (core::HasErrors(id.findings)) {
    return FieldError("id_number", "is not a valid resident ID: " + id.findings[0].message_en);
  }
  const int64_t now = app.Now();
  b.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(b.id, InsertCovertBuyer(db, b, actor.user_id));
  // The audit names the buyer by id only: the identity stays in the covert-buyer table.
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "covert_buyers.register", "covert_buyer",
                                   std::to_string(b.id), core::Json::object(), now));
  return b;
}

core::StatusOr<std::pair<CrawlerAccount, std::string>> CreateCrawlerAccount(
    App& app, Db& db, const Actor& actor, const std::string& name) {
  if (name.empty() || name.size() > 40 ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
    return FieldError("name", "must be 1..40 of a-z, 0-9, '-' and '_'");
  }
  const std::string token = "pct_" + RandomHex(32);
  const int64_t now = app.Now();
  CrawlerAccount a;
  a.name = name;
  a.created_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(
      a.id, InsertCrawlerAccount(db, name, Sha256Hex(token), actor.user_id, a.created_at));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "crawler_accounts.create", "crawler_account",
                                   std::to_string(a.id), {{"name", name}}, now));
  return std::make_pair(a, token);
}

core::StatusOr<int64_t> PatrolCycleSeconds(App& app, Db& db, const ShopRecord& shop) {
  CORE_ASSIGN_OR_RETURN(std::optional<CreditRecord> credit, FindCredit(db, shop.enterprise_id));
  const std::string level = credit ? credit->risk_level : "low";
  const auto ref = app.reference();
  auto it = ref->policy.patrol_cycle_divisor.find(level);
  const int64_t divisor = it != ref->policy.patrol_cycle_divisor.end() ? it->second : 1;
  return shop.cycle_days * kDaySeconds / divisor;
}

core::StatusOr<core::Json> RunPatrolSchedule(App& app, Db& db) {
  const int64_t now = app.Now();
  const std::string now_iso = FormatUtcIso(now);
  CORE_RETURN_IF_ERROR(FailExhaustedLeases(db, now_iso));
  CORE_ASSIGN_OR_RETURN(std::vector<int64_t> due, DueShops(db, now_iso, 100));
  Actor scheduler = Actor::System();
  scheduler.name = "scheduler";
  for (int64_t shop_id : due) {
    CORE_ASSIGN_OR_RETURN(TaskRecord t, QueuePatrol(app, db, scheduler, shop_id));
    CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> shop, FindShop(db, shop_id));
    CORE_ASSIGN_OR_RETURN(int64_t cycle, PatrolCycleSeconds(app, db, *shop));
    CORE_RETURN_IF_ERROR(SetShopSchedule(db, shop_id, FormatUtcIso(now + cycle), t.id));
  }
  // Placed mystery orders still without a declaration past the window.
  const auto ref = app.reference();
  const core::Date today = app.Today();
  CORE_ASSIGN_OR_RETURN(std::vector<MysteryOrderRecord> placed,
                        PlacedMysteryOrders(db, std::nullopt));
  int64_t overdue = 0;
  for (const MysteryOrderRecord& m : placed) {
    core::MysteryPurchase p;
    p.order_no = m.order_no;
    core::StatusOr<core::Date> placed_on = core::Date::Parse(m.placed_on.value_or(""));
    if (!placed_on.ok()) continue;
    p.placed_on = *placed_on;
    std::optional<core::Finding> f =
        core::MysteryOverdue(p, today, ref->policy.mystery_window_days);
    if (!f) continue;
    PatrolFindingRecord r;
    r.shop_id = m.shop_id;
    r.task_id = m.task_id;
    r.mystery_order_id = m.id;
    r.finding = *f;
    r.sku = m.sku;
    r.created_at = now_iso;
    CORE_RETURN_IF_ERROR(InsertPatrolFinding(db, r).status());
    CORE_RETURN_IF_ERROR(SetMysteryOutcome(db, m.id, "undeclared", std::nullopt, now_iso));
    ++overdue;
  }
  return core::Json{{"queued", static_cast<int64_t>(due.size())}, {"overdue", overdue}};
}

}  // namespace server
