// Crawler-facing task flow: leases, progress, evidence, results, failures, and the matching of
// mystery orders with their declarations.
#include "service/patrol_tasks.h"

#include "audit/audit_log.h"
#include "common/clock.h"
#include "common/crypto.h"
#include "common/json_text.h"
#include "core/patrol.h"
#include "service/shops.h"
#include "store/declarations_repo.h"
#include "store/patrol_evidence_repo.h"
#include "store/patrol_repo.h"

namespace server {

namespace {

constexpr size_t kMaxEvidenceItems = 50;
constexpr size_t kMaxObservations = 5000;

core::Status FieldError(const std::string& path, const std::string& what) {
  return core::InvalidArgumentError("field '" + path + "' " + what);
}

// The task when `crawler` holds its lease under `body.lease_token`; FailedPrecondition when the
// lease was lost (expired and taken, or the task is over), so a late crawler changes nothing.
core::StatusOr<TaskRecord> LeasedTask(Db& db, const Actor& crawler, int64_t task_id,
                                      const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  CORE_ASSIGN_OR_RETURN(std::string token, core::RequiredString(body, "lease_token", 100));
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> t, FindTask(db, task_id));
  if (!t) return core::NotFoundError("no task " + std::to_string(task_id));
  if (t->status != "leased" || !t->lease_token || t->leased_by != crawler.name ||
      !ConstantTimeEquals(*t->lease_token, token)) {
    return core::FailedPreconditionError("task " + std::to_string(task_id) +
                                         " is no longer leased to you (status " + t->status +
                                         "); drop it");
  }
  return *t;
}

// Optional fen: absent or null gives nullopt; otherwise an integer in 0..kMaxFen.
core::StatusOr<std::optional<int64_t>> OptionalFen(const core::Json& obj, const std::string& key,
                                                   const std::string& path) {
  const auto v = obj.find(key);
  if (v == obj.end() || v->is_null()) return std::optional<int64_t>();
  if (!v->is_number_integer() || v->get<int64_t>() < 0 || v->get<int64_t>() > core::kMaxFen) {
    return FieldError(path + key, "must be null or a non-negative integer amount in fen");
  }
  return std::optional<int64_t>(v->get<int64_t>());
}

// The evidence row of `seq` in the task's current attempt (0 when the seq is absent or null).
core::StatusOr<int64_t> EvidenceIdOf(Db& db, const TaskRecord& task, const core::Json& obj,
                                     const std::string& path) {
  const auto v = obj.find("evidence_seq");
  if (v == obj.end() || v->is_null()) return int64_t{0};
  if (!v->is_number_integer()) return FieldError(path + "evidence_seq", "must be an integer");
  CORE_ASSIGN_OR_RETURN(std::optional<EvidenceRecord> e,
                        FindEvidenceBySeq(db, task.id, task.attempts, v->get<int64_t>()));
  if (!e) {
    return FieldError(path + "evidence_seq", "names evidence this task has not uploaded");
  }
  return e->id;
}

core::Json FindingsJson(const std::vector<PatrolFindingRecord>& findings) {
  core::Json out = core::Json::array();
  for (const PatrolFindingRecord& f : findings) out.push_back(PatrolFindingToJson(f));
  return out;
}

core::StatusOr<std::vector<PatrolFindingRecord>> StoreFindings(
    Db& db, const ShopRecord& shop, std::optional<int64_t> task_id,
    std::optional<int64_t> mystery_id, const core::Findings& findings,
    const std::function<void(PatrolFindingRecord&)>& annotate, const std::string& now) {
  std::vector<PatrolFindingRecord> out;
  for (const core::Finding& f : findings) {
    PatrolFindingRecord r;
    r.shop_id = shop.id;
    r.task_id = task_id;
    r.mystery_order_id = mystery_id;
    r.finding = f;
    r.created_at = now;
    annotate(r);
    CORE_ASSIGN_OR_RETURN(r.id, InsertPatrolFinding(db, r));
    out.push_back(std::move(r));
  }
  return out;
}

core::StatusOr<std::vector<PatrolFindingRecord>> CompletePatrol(App& app, Db& db,
                                                                const TaskRecord& task,
                                                                const ShopRecord& shop,
                                                                const core::Json& body,
                                                                const std::string& now) {
  const auto obs = body.find("observations");
  if (obs == body.end() || !obs->is_array() || obs->size() > kMaxObservations) {
    return FieldError("observations", "must be an array of at most " +
                                          std::to_string(kMaxObservations) + " observations");
  }
  const auto complete = body.find("complete_listing");
  if (complete == body.end() || !complete->is_boolean()) {
    return FieldError("complete_listing", "must be true or false");
  }
  const auto ref = app.reference();
  core::PatrolInput in;
  in.enterprise_code = shop.enterprise_code;
  in.date = app.Today();
  in.complete_listing = complete->get<bool>();
  for (size_t i = 0; i < obs->size(); ++i) {
    const core::Json& o = (*obs)[i];
    const std::string path = "observations[" + std::to_string(i) + "].";
    if (!o.is_object()) return FieldError(path, "must be an object");
    ObservationRecord r;
    r.task_id = task.id;
    r.shop_id = shop.id;
    r.observed_at = now;
    CORE_ASSIGN_OR_RETURN(r.seen.url, core::RequiredString(o, "url", 2000));
    CORE_ASSIGN_OR_RETURN(r.seen.sku, core::OptionalString(o, "sku", 100));
    CORE_ASSIGN_OR_RETURN(r.seen.name, core::OptionalString(o, "name", 300));
    CORE_ASSIGN_OR_RETURN(r.seen.price, OptionalFen(o, "price_fen", path));
    CORE_ASSIGN_OR_RETURN(r.seen.old_price, OptionalFen(o, "old_price_fen", path));
    CORE_ASSIGN_OR_RETURN(r.seen.freight, OptionalFen(o, "freight_fen", path));
    CORE_ASSIGN_OR_RETURN(r.currency, core::OptionalString(o, "currency", 8));
    if (r.currency.empty()) r.currency = "CNY";
    r.sources = core::DumpJson(o.contains("sources") ? o["sources"] : core::Json::object());
    CORE_ASSIGN_OR_RETURN(r.seen.evidence_id, EvidenceIdOf(db, task, o, path));
    CORE_ASSIGN_OR_RETURN(r.id, InsertObservation(db, r));
    // Prices in another currency are kept as seen but not compared with CNY declarations.
    if (r.currency != "CNY") {
      r.seen.price.reset();
      r.seen.old_price.reset();
      r.seen.freight.reset();
    }
    in.observed.push_back(r.seen);
  }
  const core::Date to = in.date;
  const core::Date from = to.AddDays(-ref->policy.patrol_lookback_days);
  CORE_ASSIGN_OR_RETURN(in.declared, DeclaredItemsOf(db, shop.enterprise_id, shop.enterprise_code,
                                                     from.ToIso(), to.ToIso()));
  // The enterprise's promotion filings (its normal prices come from the goods filings).
  CORE_ASSIGN_OR_RETURN(Stmt s, db.Query("SELECT filing FROM promotions WHERE enterprise_id = ?",
                                         shop.enterprise_id));
  for (;;) {
    CORE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    core::StatusOr<core::PromotionFiling> f =
        core::PromotionFilingFromJson(JsonOrNull(s.Text(0)), "filing");
    if (f.ok()) in.promotions.push_back(*std::move(f));
  }
  const core::PatrolVerdict verdict = core::ComparePatrol(in, ref->policy);
  std::vector<PatrolFindingRecord> stored;
  for (const core::PatrolItemResult& item : verdict.items) {
    const core::ListingObservation& o = in.observed[item.observation];
    CORE_ASSIGN_OR_RETURN(std::vector<PatrolFindingRecord> part,
                          StoreFindings(
                              db, shop, task.id, std::nullopt, item.findings,
                              [&](PatrolFindingRecord& r) {
                                r.sku = item.matched_sku.empty() ? o.sku : item.matched_sku;
                                if (o.evidence_id > 0) r.evidence_id = o.evidence_id;
                              },
                              now));
    stored.insert(stored.end(), part.begin(), part.end());
  }
  core::Findings shop_level;
  for (const core::Finding& f : verdict.findings) {
    if (f.field.rfind("observed[", 0) != 0) shop_level.push_back(f);
  }
  CORE_ASSIGN_OR_RETURN(std::vector<PatrolFindingRecord> part,
                        StoreFindings(
                            db, shop, task.id, std::nullopt, shop_level,
                            [](PatrolFindingRecord& r) {
                              const std::string prefix = "declared.";
                              if (r.finding.field.rfind(prefix, 0) == 0)
                                r.sku = r.finding.field.substr(prefix.size());
                            },
                            now));
  stored.insert(stored.end(), part.begin(), part.end());
  CORE_RETURN_IF_ERROR(FinishTask(db, task.id, "done",
                                  core::DumpJson({{"outcome", verdict.outcome},
                                                  {"observations", in.observed.size()},
                                                  {"findings", stored.size()},
                                                  {"declared_from", from.ToIso()},
                                                  {"declared_to", to.ToIso()}}),
                                  now));
  return stored;
}

// Compares a placed order with its declaration when it has arrived.
core::StatusOr<std::vector<PatrolFindingRecord>> TryMatch(App& app, Db& db,
                                                          const MysteryOrderRecord& m,
                                                          const ShopRecord& shop) {
  CORE_ASSIGN_OR_RETURN(std::optional<core::DeclaredPurchase> declared,
                        DeclaredPurchaseOf(db, shop.enterprise_code, m.order_no, m.sku));
  if (!declared) return std::vector<PatrolFindingRecord>();
  core::MysteryPurchase p;
  p.order_no = m.order_no;
  p.goods = m.goods_fen.value_or(0);
  p.freight = m.freight_fen.value_or(0);
  p.tax = m.tax_fen.value_or(0);
  p.total = m.total_fen.value_or(0);
  p.sku = m.sku;
  p.unit_price = m.unit_price_fen.value_or(0);
  const core::MysteryMatch match = core::MatchMysteryPurchase(p, *declared);
  const std::string now = FormatUtcIso(app.Now());
  CORE_RETURN_IF_ERROR(SetMysteryOutcome(db, m.id, match.outcome, declared->declaration_id, now));
  return StoreFindings(
      db, shop, m.task_id, m.id, match.findings,
      [&](PatrolFindingRecord& r) {
        r.sku = m.sku;
        r.declaration_id = declared->declaration_id;
      },
      now);
}

core::StatusOr<std::vector<PatrolFindingRecord>> CompleteMystery(App& app, Db& db,
                                                                 const TaskRecord& task,
                                                                 const ShopRecord& shop,
                                                                 const core::Json& body,
                                                                 const std::string& now) {
  const auto order = body.find("order");
  if (order == body.end() || !order->is_object()) return FieldError("order", "must be an object");
  CORE_ASSIGN_OR_RETURN(std::optional<MysteryOrderRecord> m, FindMysteryOrderByTask(db, task.id));
  if (!m) return core::InternalError("mystery task without its order");
  CORE_ASSIGN_OR_RETURN(m->order_no, core::RequiredString(*order, "order_no", 64));
  for (const char* key : {"unit_price_fen", "goods_fen", "freight_fen", "tax_fen", "total_fen"}) {
    CORE_ASSIGN_OR_RETURN(std::optional<int64_t> v, OptionalFen(*order, key, "order."));
    if (!v) return FieldError(std::string("order.") + key, "is required");
  }
  m->unit_price_fen = (*order)["unit_price_fen"].get<int64_t>();
  m->goods_fen = (*order)["goods_fen"].get<int64_t>();
  m->freight_fen = (*order)["freight_fen"].get<int64_t>();
  m->tax_fen = (*order)["tax_fen"].get<int64_t>();
  m->total_fen = (*order)["total_fen"].get<int64_t>();
  CORE_RETURN_IF_ERROR(EvidenceIdOf(db, task, *order, "order.").status());
  m->placed_at = now;
  m->placed_on = app.Today().ToIso();
  CORE_RETURN_IF_ERROR(SetMysteryPlaced(db, *m));
  m->status = "placed";
  CORE_RETURN_IF_ERROR(
      FinishTask(db, task.id, "done",
                 core::DumpJson({{"order_no", m->order_no}, {"outcome", "placed"}}), now));
  return TryMatch(app, db, *m, shop);
}

}  // namespace

core::StatusOr<std::optional<core::Json>> LeaseTask(App& app, Db& db, const Actor& crawler,
                                                    const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  std::vector<std::string> kinds = {"patrol", "mystery_order", "preview"};
  if (body.contains("kinds")) {
    const core::Json& k = body["kinds"];
    if (!k.is_array() || k.empty()) return FieldError("kinds", "must be a non-empty array");
    kinds.clear();
    for (const core::Json& v : k) {
      if (!v.is_string() || (v != "patrol" && v != "mystery_order" && v != "preview")) {
        return FieldError("kinds", "may hold \"patrol\", \"mystery_order\" and \"preview\"");
      }
      kinds.push_back(v.get<std::string>());
    }
  }
  CORE_RETURN_IF_ERROR(RunPatrolSchedule(app, db).status());
  const int64_t now = app.Now();
  const std::string token = RandomHex(16);
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> t,
                        LeaseNextTask(db, kinds, crawler.name, FormatUtcIso(now),
                                      FormatUtcIso(now + kLeaseSeconds), token));
  if (!t) return std::optional<core::Json>();
  CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> shop, FindShop(db, t->shop_id));
  core::Json task = TaskToJson(*t);
  task["lease_token"] = token;
  core::Json out = {{"task", task}, {"shop", ShopToJson(*shop)}};
  const core::Json params = JsonOrNull(t->params);
  CORE_ASSIGN_OR_RETURN(std::optional<ProfileRecord> profile, LatestProfile(db, t->shop_id));
  out["profile"] = profile ? ProfileToJson(*profile) : core::Json();
  if (t->kind == "mystery_order" && params.contains("buyer_id") &&
      params["buyer_id"].is_number_integer()) {
    CORE_ASSIGN_OR_RETURN(std::optional<CovertBuyer> b,
                          FindCovertBuyer(db, params["buyer_id"].get<int64_t>()));
    if (b) out["buyer"] = CovertBuyerToJson(*b);
  }
  return std::optional<core::Json>(std::move(out));
}

core::StatusOr<core::Json> ReportProgress(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                          const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(TaskRecord t, LeasedTask(db, crawler, task_id, body));
  const auto progress = body.find("progress");
  if (progress == body.end() || !progress->is_object()) {
    return FieldError("progress", "must be an object");
  }
  const std::string text = core::DumpJson(*progress);
  if (text.size() > 4096) return FieldError("progress", "is larger than 4 KiB");
  const std::string until = FormatUtcIso(app.Now() + kLeaseSeconds);
  CORE_RETURN_IF_ERROR(UpdateTaskLease(db, t.id, until, text));
  return core::Json{{"lease_until", until}};
}

core::StatusOr<core::Json> AddEvidence(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                       const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(TaskRecord t, LeasedTask(db, crawler, task_id, body));
  const auto items = body.find("items");
  if (items == body.end() || !items->is_array() || items->empty() ||
      items->size() > kMaxEvidenceItems) {
    return FieldError("items", "must be an array of 1.." + std::to_string(kMaxEvidenceItems));
  }
  core::Json out = core::Json::array();
  for (size_t i = 0; i < items->size(); ++i) {
    const core::Json& it = (*items)[i];
    const std::string path = "items[" + std::to_string(i) + "].";
    if (!it.is_object()) return FieldError(path, "must be an object");
    EvidenceRecord e;
    e.task_id = t.id;
    e.attempt = t.attempts;
    CORE_ASSIGN_OR_RETURN(e.seq, core::RequiredInt(it, "seq"));
    if (e.seq < 0) return FieldError(path + "seq", "must not be negative");
    CORE_ASSIGN_OR_RETURN(e.purpose, core::RequiredString(it, "purpose", 200));
    CORE_ASSIGN_OR_RETURN(e.method, core::RequiredString(it, "method", 10));
    CORE_ASSIGN_OR_RETURN(e.url, core::RequiredString(it, "url", 2000));
    CORE_ASSIGN_OR_RETURN(e.request_body, core::OptionalString(it, "request_body", 64 * 1024));
    CORE_ASSIGN_OR_RETURN(e.status, core::RequiredInt(it, "status"));
    const auto headers = it.find("headers");
    if (headers == it.end() || !headers->is_array()) {
      return FieldError(path + "headers", "must be an array of [name, value] pairs");
    }
    for (const core::Json& h : *headers) {
      if (!h.is_array() || h.size() != 2 || !h[0].is_string() || !h[1].is_string()) {
        return FieldError(path + "headers", "must be an array of [name, value] pairs");
      }
    }
    e.headers = core::DumpJson(*headers);
    CORE_ASSIGN_OR_RETURN(std::string b64, core::RequiredString(it, "body_base64", 12u << 20));
    std::optional<std::string> bytes = Base64Decode(b64);
    if (!bytes) return FieldError(path + "body_base64", "is not base64");
    e.body = *std::move(bytes);
    CORE_ASSIGN_OR_RETURN(e.sha256, core::RequiredString(it, "sha256", 64));
    if (Sha256Hex(e.body) != e.sha256) {
      return FieldError(path + "sha256", "is not the SHA-256 of the body");
    }
    CORE_ASSIGN_OR_RETURN(e.content_type, core::OptionalString(it, "content_type", 200));
    CORE_ASSIGN_OR_RETURN(e.fetched_at, core::RequiredString(it, "fetched_at", 40));
    CORE_ASSIGN_OR_RETURN(e.error, core::OptionalString(it, "error", 1000));
    CORE_ASSIGN_OR_RETURN(std::optional<EvidenceRecord> same,
                          FindEvidenceBySeq(db, t.id, e.attempt, e.seq));
    if (same) {
      if (same->sha256 != e.sha256 || same->url != e.url) {
        return core::AlreadyExistsError("evidence " + std::to_string(e.seq) + " of task " +
                                        std::to_string(t.id) + " was stored with other content");
      }
      out.push_back({{"seq", e.seq}, {"id", same->id}});
      continue;
    }
    CORE_ASSIGN_OR_RETURN(e.id, InsertEvidence(db, e));
    out.push_back({{"seq", e.seq}, {"id", e.id}});
  }
  // Uploading is news from the crawler: the lease stays alive.
  CORE_RETURN_IF_ERROR(
      UpdateTaskLease(db, t.id, FormatUtcIso(app.Now() + kLeaseSeconds), t.progress));
  return core::Json{{"evidence", out}};
}

core::StatusOr<core::Json> CompleteTask(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                        const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(TaskRecord t, LeasedTask(db, crawler, task_id, body));
  CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> shop, FindShop(db, t.shop_id));
  const int64_t now_s = app.Now();
  const std::string now = FormatUtcIso(now_s);
  std::vector<PatrolFindingRecord> findings;
  if (t.kind == "preview") {
    // A preview only answers the officer who asked: its reading becomes the task's result.
    const auto preview = body.find("preview");
    if (preview == body.end() || !preview->is_object()) {
      return FieldError("preview", "must be an object");
    }
    const std::string text = core::DumpJson({{"preview", *preview}});
    if (text.size() > 256 * 1024) return FieldError("preview", "is larger than 256 KiB");
    CORE_RETURN_IF_ERROR(FinishTask(db, t.id, "done", text, now));
  } else if (t.kind == "patrol") {
    CORE_ASSIGN_OR_RETURN(findings, CompletePatrol(app, db, t, *shop, body, now));
    CORE_ASSIGN_OR_RETURN(int64_t cycle, PatrolCycleSeconds(app, db, *shop));
    CORE_RETURN_IF_ERROR(SetShopSchedule(db, shop->id, FormatUtcIso(now_s + cycle), t.id));
  } else {
    CORE_ASSIGN_OR_RETURN(findings, CompleteMystery(app, db, t, *shop, body, now));
  }
  CORE_RETURN_IF_ERROR(AppendAudit(db, crawler, "patrols.complete", "patrol_task",
                                   std::to_string(t.id),
                                   {{"kind", t.kind},
                                    {"shop_id", t.shop_id},
                                    {"findings", static_cast<int64_t>(findings.size())}},
                                   now_s));
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> done, FindTask(db, t.id));
  return core::Json{{"task", TaskToJson(*done)}, {"findings", FindingsJson(findings)}};
}

core::StatusOr<core::Json> FailTask(App& app, Db& db, const Actor& crawler, int64_t task_id,
                                    const core::Json& body) {
  CORE_ASSIGN_OR_RETURN(TaskRecord t, LeasedTask(db, crawler, task_id, body));
  CORE_ASSIGN_OR_RETURN(std::string error, core::RequiredString(body, "error", 2000));
  const auto retryable = body.find("retryable");
  if (retryable == body.end() || !retryable->is_boolean()) {
    return FieldError("retryable", "must be true or false");
  }
  const std::string result = core::DumpJson({{"error", error}, {"by", crawler.name}});
  const int64_t now = app.Now();
  if (retryable->get<bool>() && t.attempts < t.max_attempts) {
    CORE_RETURN_IF_ERROR(RequeueTask(db, t.id, result));
  } else {
    CORE_RETURN_IF_ERROR(FinishTask(db, t.id, "failed", result, FormatUtcIso(now)));
    if (t.kind == "mystery_order") {
      CORE_ASSIGN_OR_RETURN(std::optional<MysteryOrderRecord> m, FindMysteryOrderByTask(db, t.id));
      if (m)
        CORE_RETURN_IF_ERROR(
            SetMysteryOutcome(db, m->id, "failed", std::nullopt, FormatUtcIso(now)));
    }
  }
  CORE_RETURN_IF_ERROR(AppendAudit(db, crawler, "patrols.fail", "patrol_task", std::to_string(t.id),
                                   {{"error", error}, {"retryable", retryable->get<bool>()}}, now));
  CORE_ASSIGN_OR_RETURN(std::optional<TaskRecord> after, FindTask(db, t.id));
  return core::Json{{"task", TaskToJson(*after)}};
}

core::Status MatchMysteryOrders(App& app, Db& db, const std::vector<int64_t>& declaration_ids) {
  for (int64_t id : declaration_ids) {
    CORE_ASSIGN_OR_RETURN(std::optional<DeclarationRecord> d, FindDeclaration(db, id));
    if (!d) continue;
    CORE_ASSIGN_OR_RETURN(std::vector<MysteryOrderRecord> placed,
                          PlacedMysteryOrders(db, d->order_no));
    for (const MysteryOrderRecord& m : placed) {
      CORE_ASSIGN_OR_RETURN(std::optional<ShopRecord> shop, FindShop(db, m.shop_id));
      if (!shop || shop->enterprise_code != d->ebc_code) continue;
      CORE_RETURN_IF_ERROR(TryMatch(app, db, m, *shop).status());
    }
  }
  return core::OkStatus();
}

}  // namespace server
