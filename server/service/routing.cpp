// Routing of screened lists: the rule context, the core's decision and its record.
#include "service/routing.h"

#include <sodium.h>

#include <algorithm>

#include "common/clock.h"
#include "common/contact_keys.h"
#include "core/date.h"
#include "core/routing.h"
#include "core/sampling.h"
#include "service/rule_stats.h"
#include "store/learned_repo.h"
#include "store/queues_repo.h"
#include "store/risk_repo.h"
#include "store/routing_repo.h"
#include "store/screening_repo.h"

namespace server {

namespace {

int64_t IntOr(const core::Json& j, const char* key, int64_t fallback = 0) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<int64_t>()
                                                                        : fallback;
}

// Age in whole years on `on` from an 18-digit resident ID's birth date; nullopt otherwise.
std::optional<int64_t> AgeFromId(const std::string& id, const core::Date& on) {
  if (id.size() != 18) return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (int i = 6; i < 14; ++i) {
    if (id[i] < '0' || id[i] > '9') return std::nullopt;
  }
  y = std::stoi(id.substr(6, 4));
  m = std::stoi(id.substr(10, 2));
  d = std::stoi(id.substr(12, 2));
  if (!core::Date::IsValid(y, m, d)) return std::nullopt;
  int age = on.year() - y;
  if (on.month() < m || (on.month() == m && on.day() < d)) --age;
  if (age < 0 || age > 150) return std::nullopt;
  return age;
}

core::Json EnterpriseGroup(const std::optional<EnterpriseFacts>& e, const core::Policy& policy,
                           const core::Date& today) {
  core::Json g = core::Json::object();
  if (!e) return g;  // unknown enterprise: grade unknown, the core raises it to manual review
  g["id"] = e->uscc;
  g["customs_code"] = e->customs_code;
  g["name"] = e->name;
  g["overseas"] = e->overseas;
  core::Json roles = core::Json::array();
  for (const core::Json& r : e->roles) {
    if (r == "ecommerce" || r == "logistics" || r == "payment" || r == "platform") {
      roles.push_back(r);
    }
  }
  g["roles"] = roles;
  if (e->credit) {
    g["grade"] = e->credit->grade;
    g["risk_level"] = e->credit->risk_level;
    if (e->credit->risk_score) g["risk_score"] = *e->credit->risk_score;
  } else {
    const std::string grade = OrdinaryGrade(policy, today);
    if (!grade.empty()) g["grade"] = grade;
    g["risk_level"] = "low";
  }
  return g;
}

}  // namespace

std::string OrdinaryGrade(const core::Policy& policy, const core::Date& date) {
  const core::GradeScale* scale = policy.ScaleOn(date);
  if (scale == nullptr) return "";
  for (const char* id : {"regular", "registered"}) {
    for (const core::Grade& g : scale->grades) {
      if (g.id == id) return g.id;
    }
  }
  return "";
}

uint64_t NextSeed(App& app) {
  if (app.config().routing_seed) return app.config().routing_seed();
  uint64_t seed = 0;
  randombytes_buf(&seed, sizeof seed);
  return seed;
}

core::StatusOr<core::Json> BuildRuleContext(App& app, Db& db, const RoutingInput& in,
                                            const RiskHitCounts& hits) {
  const DeclarationRecord& d = *in.declaration;
  const core::Inventory& list = *in.list;
  std::shared_ptr<const ReferenceData> ref = app.reference();
  const core::Date today = app.Today();
  core::Json ctx = core::Json::object();

  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseFacts> enterprise,
                        EnterpriseByCode(db, list.head.ebc_code));
  ctx["enterprise"] = EnterpriseGroup(enterprise, ref->policy, today);

  const core::Json* tax_lines =
      in.tax != nullptr && in.tax->contains("lines") && (*in.tax)["lines"].is_array()
          ? &(*in.tax)["lines"]
          : nullptr;
  core::Json goods = core::Json::array();
  core::Fen value = 0;
  for (size_t i = 0; i < list.lines.size() && i < 1000; ++i) {
    const core::InventoryLine& l = list.lines[i];
    core::Json g = {{"code10", l.gcode},
                    {"name", l.gname},
                    {"origin_country", l.country},
                    {"high_risk", ref->tables.high_risk.Match(l.gcode) != nullptr}};
    if (l.price >= 0 && l.price <= core::kMaxFen) g["unit_price_fen"] = l.price;
    if (l.total_price >= 0 && l.total_price <= core::kMaxFen) g["total_fen"] = l.total_price;
    if (tax_lines != nullptr && i < tax_lines->size() && (*tax_lines)[i].contains("ct_applies") &&
        (*tax_lines)[i]["ct_applies"].is_boolean()) {
      g["consumption_tax"] = (*tax_lines)[i]["ct_applies"];
    }
    value += l.total_price;
    goods.push_back(std::move(g));
  }
  ctx["goods"] = std::move(goods);

  const int year = list.head.decl_time.date().year();
  CORE_ASSIGN_OR_RETURN(core::Fen ytd, YearToDate(db, d.buyer_id_number, year));
  CORE_ASSIGN_OR_RETURN(
      int64_t lists_30d,
      CountBuyerLists(db, d.buyer_id_number, today.AddDays(-29).ToIso(), today.ToIso(), d.id));
  core::Json consumer = {{"ytd_fen", std::clamp<core::Fen>(ytd, 0, core::kMaxFen)},
                         {"lists_30d", lists_30d}};
  if (std::optional<int64_t> age = AgeFromId(d.buyer_id_number, today)) consumer["age"] = *age;
  // Family and shared-contact patterns: how many buyer IDs order with this phone / to this
  // address (this buyer included); unknown when the list gives none.
  if (const std::string key = PhoneKey(list.head.buyer_telephone); !key.empty()) {
    CORE_ASSIGN_OR_RETURN(consumer["ids_per_phone"], CountIdsBehindContact(db, true, key));
  }
  if (const std::string key = AddressKey(list.head.consignee_address); !key.empty()) {
    CORE_ASSIGN_OR_RETURN(consumer["ids_per_address"], CountIdsBehindContact(db, false, key));
  }
  ctx["consumer"] = std::move(consumer);

  core::Json l = {{"lines", static_cast<int64_t>(std::min<size_t>(list.lines.size(), 1000))},
                  {"findings", in.finding_codes},
                  {"hour", list.head.decl_time.hour()},
                  {"weekday", (list.head.decl_time.date().DaysSinceEpoch() % 7 + 10) % 7 + 1},
                  {"ebp_code", list.head.ebp_code},
                  {"ebc_code", list.head.ebc_code},
                  {"logistics_code", list.head.logistics_code},
                  {"port_code", list.head.port_code}};
  const std::string& mode = list.head.trade_mode;
  if (mode == "1210" || mode == "1239" || mode == "9610") l["trade_mode"] = mode;
  if (value >= 0 && value <= core::kMaxFen) l["value_fen"] = value;
  if (list.head.freight >= 0) l["freight_fen"] = list.head.freight;
  if (list.head.insured_fee >= 0) l["insured_fen"] = list.head.insured_fee;
  if (in.tax != nullptr && in.tax->contains("order")) {
    l["tax_fen"] = IntOr((*in.tax)["order"], "total_fen");
  }
  ctx["list"] = std::move(l);

  // The newest risk run's hits on this buyer and this enterprise (risk models feed the rules).
  ctx["risk"] = {
      {"buyer_hits", hits.Of(d.buyer_id_number) + hits.Of(PhoneKey(list.head.buyer_telephone)) +
                         hits.Of(AddressKey(list.head.consignee_address))},
      {"enterprise_hits", hits.Of(list.head.ebc_code)}};

  CORE_ASSIGN_OR_RETURN(HistoryCounts h, CountHistory(db, list.head.ebc_code,
                                                      today.AddDays(-89).ToIso(), today.ToIso()));
  ctx["history"] = {{"lists_90d", h.lists},
                    {"reviews_90d", h.reviews},
                    {"inspections_90d", h.inspections},
                    {"mismatches_90d", h.mismatches},
                    {"valuations_90d", h.valuations},
                    {"rejections_90d", h.rejections}};
  return ctx;
}

core::StatusOr<RoutingOutcome> RouteList(App& app, Db& db, const RoutingInput& in, bool route) {
  RoutingOutcome out;
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const RiskHitCounts> hits, app.risk_hits().Get(db));
  CORE_ASSIGN_OR_RETURN(out.context, BuildRuleContext(app, db, in, *hits));
  CORE_ASSIGN_OR_RETURN(out.arrival, AssessOnArrival(app.learned_model(), *hits, db,
                                                     in.declaration->id, app.Today()));
  AddArrivalContext(out.arrival, out.context["risk"]);
  const uint64_t seed = NextSeed(app);
  out.seed = core::SeedToHex(seed);
  std::shared_ptr<const ReferenceData> ref = app.reference();
  out.policy_version = ref->policy.version;
  CORE_ASSIGN_OR_RETURN(out.rules_version, CurrentRulesVersion(db));
  if (!route) return out;
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledRules> rules,
                        app.rule_cache().Get(db, out.rules_version, ref->policy));
  core::StatusOr<core::RuleContext> context =
      core::RuleContextFromJson(out.context, rules->schema, "context");
  if (!context.ok()) {
    return core::InternalError("the routing context does not read: " + context.status().message());
  }
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const core::RuleTrackRecords> records,
                        app.rule_cache().TrackRecords(db, *rules, app.Today()));
  if (!records->empty()) out.rule_history = TrackRecordsJson(*records);
  const core::RouteDecision decision =
      core::Route(rules->rules, rules->schema, *context, app.Today(), seed, ref->policy, *records);
  out.route_json = core::RouteDecisionToJson(decision);
  out.route = core::DumpJson(out.route_json);
  out.action = std::string(core::RuleActionName(decision.action));
  return out;
}

core::StatusOr<int64_t> StoreRouting(App& app, Db& db, const RoutingInput& in,
                                     const RoutingOutcome& routing, const std::string& action,
                                     int status) {
  RoutingRecord r;
  r.declaration_id = in.declaration->id;
  r.screening_id = in.screening_id;
  r.at = FormatUtcIso(app.Now());
  r.decision_date = app.Today().ToIso();
  r.decl_date = in.declaration->decl_date;
  r.rules_version = routing.rules_version;
  r.policy_version = routing.policy_version;
  r.seed = routing.seed;
  r.context = core::DumpJson(routing.context);
  r.decision = routing.route;
  r.action = action;
  r.status = status;
  if (!routing.rule_history.is_null()) r.rule_history = core::DumpJson(routing.rule_history);
  CORE_ASSIGN_OR_RETURN(int64_t id, InsertRouting(db, r));
  CORE_RETURN_IF_ERROR(
      InsertRuleHits(db, id, r.declaration_id, r.decl_date, RuleHitsOf(routing.route_json)));
  CORE_RETURN_IF_ERROR(InsertArrivalHits(db, id, r.declaration_id, routing.arrival.hits));
  if (const std::optional<ArrivalScore>& s = routing.arrival.score) {
    ArrivalScoreRecord a;
    a.routing_id = id;
    a.declaration_id = r.declaration_id;
    a.model_id = s->model_id;
    a.hits_run_id = s->hits_run_id;
    a.score_pm = s->score_pm;
    a.features = core::DumpJson(s->values);
    CORE_RETURN_IF_ERROR(InsertArrivalScore(db, a));
  }
  return id;
}

}  // namespace server
