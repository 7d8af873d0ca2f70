// The route table, path matching and the OpenAPI document generated from the table.
#include "http/routes.h"

#include "http/handlers.h"

namespace server {

unsigned RoleBitFor(std::string_view role) {
  if (role == "admin") return kRoleAdmin;
  if (role == "officer") return kRoleOfficer;
  if (role == "enterprise") return kRoleEnterprise;
  if (role == "crawler") return kRoleCrawler;
  return 0;
}

const std::vector<Route>& RouteTable() {
  // Literal paths come before parameterised ones they would otherwise match.
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/v1/health", kPublic, "Liveness: {\"status\":\"ok\"}", HandleHealth},
      {"GET", "/api/v1/openapi.json", kPublic, "This OpenAPI document", HandleOpenApi},
      {"POST", "/api/v1/auth/login", kPublic,
       "Sign in with {username,password}; sets the patrol_session cookie", HandleLogin},
      {"POST", "/api/v1/auth/logout", kSignedIn, "End the session (204)", HandleLogout},
      {"POST", "/api/v1/auth/logout-all", kSignedIn,
       "End every session of the signed-in user, on every device (204; audited)", HandleLogoutAll},
      {"POST", "/api/v1/auth/password", kSignedIn,
       "Change one's password {current_password, new_password}: 204, every session of the user "
       "ends (sign in again); 403 when the current password is wrong (counts as a failed "
       "sign-in); audited",
       HandleChangePassword},
      {"GET", "/api/v1/auth/me", kSignedIn, "The signed-in user and the server's decision date",
       HandleMe},
      {"GET", "/api/v1/users", kRoleAdmin, "Users", HandleListUsers},
      {"POST", "/api/v1/users", kRoleAdmin,
       "Create a user {username,password,role,display_name,enterprise_id?}", HandleCreateUser},
      {"GET", "/api/v1/enterprises", kSignedIn,
       "Enterprises (?q=&status=); enterprise users see their own", HandleListEnterprises},
      {"GET", "/api/v1/enterprises/{id}", kSignedIn,
       "An enterprise with its qualifications and applications", HandleGetEnterprise},
      {"POST", "/api/v1/enterprises/{id}/goods", kSignedIn,
       "File goods {filing} for an admitted enterprise; 201 with the verdict", HandleFileGoods},
      {"GET", "/api/v1/applications", kSignedIn,
       "Applications (?status=&outcome=&q=); enterprise users see their own",
       HandleListApplications},
      {"POST", "/api/v1/applications", kSignedIn,
       "Submit {application, account?}; 201 with the stored verdict", HandleSubmitApplication},
      {"GET", "/api/v1/applications/{id}", kSignedIn, "An application with its verdict",
       HandleGetApplication},
      {"POST", "/api/v1/applications/{id}/decision", kCustoms,
       "Decide {decision: approve|reject, reason}; 409 when approving an ineligible one",
       HandleDecideApplication},
      {"GET", "/api/v1/goods", kSignedIn,
       "Goods filings (?enterprise_id=&outcome=&q=); enterprise users see their own",
       HandleListGoods},
      {"GET", "/api/v1/goods/name-codes", kSignedIn,
       "Other enterprises' filings of the same normalised name (?name=&exclude_enterprise_id=)",
       HandleNameCodes},
      {"GET", "/api/v1/goods/{id}", kSignedIn, "A goods filing with its verdict", HandleGetGoods},
      {"POST", "/api/v1/check/identifier", kSignedIn,
       "Check an identifier with the core (resident_id, uscc, customs_code, commodity_code)",
       HandleCheckIdentifier},
      {"GET", "/api/v1/lists", kSignedIn, "Loaded lists: name, version, rows, sha256, loaded_at",
       HandleListLists},
      {"GET", "/api/v1/lists/positive", kSignedIn, "Positive-list entries (?q=)",
       HandlePositiveList},
      {"PUT", "/api/v1/lists/{name}", kRoleAdmin, "Replace a list {version, csv} (audited)",
       HandlePutList},
      {"GET", "/api/v1/reference/{name}", kSignedIn,
       "The exact CSV text of a loaded list (text/csv), for the page's WebAssembly core",
       HandleReference},
      {"GET", "/api/v1/policy", kSignedIn, "The policy in force: {version, document, ...}",
       HandleGetPolicy},
      {"PUT", "/api/v1/policy", kRoleAdmin, "New policy version {document} (validated, audited)",
       HandlePutPolicy},
      {"GET", "/api/v1/audit", kCustoms,
       "Audit entries, newest first (?object_type=&object_id=&action=)", HandleListAudit},
      {"GET", "/api/v1/audit/verify", kCustoms, "Recompute the audit hash chain",
       HandleVerifyAudit},
      {"GET", "/api/v1/messages", kSignedIn,
       "Stored CEB message versions (?type=&order_no=&guid=&state=&business_key=); enterprise "
       "users see those naming their customs code",
       HandleListMessages},
      {"POST", "/api/v1/messages", kRoleAdmin | kRoleEnterprise,
       "Submit CEB messages: JSON {type, message} or {messages: [...]}, or CEB XML "
       "(application/xml); a receipt per record; stored whole or not at all",
       HandleSubmitMessages},
      {"GET", "/api/v1/messages/{id}", kSignedIn,
       "A stored message version: the parsed record, parties, versions and the raw document",
       HandleGetMessage},
      {"GET", "/api/v1/messages/{id}/raw", kSignedIn,
       "The exact bytes of the document the message came in", HandleGetMessageRaw},
      {"GET", "/api/v1/declarations", kSignedIn,
       "Declaration lists with their status (?status=&ebc=&order_no=&from=&to=); enterprise "
       "users see those naming their customs code",
       HandleListDeclarations},
      {"GET", "/api/v1/declarations/{id}", kSignedIn,
       "A declaration: its set, screening, tax bill, returns and status history",
       HandleGetDeclaration},
      {"GET", "/api/v1/declarations/{id}/routing", kCustoms,
       "A declaration's routing: decision, seed, context, rules version and a replay by the core",
       HandleDeclarationRouting},
      {"POST", "/api/v1/declarations/{id}/review", kCustoms,
       "Manual review outcome {decision: release|reject|inspect|valuation, reason}; 409 unless "
       "in the manual review queue",
       HandleReview},
      {"POST", "/api/v1/declarations/{id}/inspection", kCustoms,
       "Inspection outcome {outcome: match|mismatch, details, reason, action?: reject|valuation}; "
       "409 unless under inspection",
       HandleInspection},
      {"POST", "/api/v1/declarations/{id}/valuation", kCustoms,
       "Valuation {lines: [{gnum, dutiable_value_fen}], reason}: tax recomputed, the difference "
       "billed, the list released; 409 unless in the valuation queue",
       HandleValuation},
      {"GET", "/api/v1/queues/{name}", kCustoms,
       "An officer queue (manual_review, inspection, valuation), oldest first", HandleQueue},
      {"GET", "/api/v1/routing/schema", kCustoms, "The fields routing rules may read",
       HandleRoutingSchema},
      {"GET", "/api/v1/routing/rules", kCustoms, "The routing rules in force (current versions)",
       HandleListRules},
      {"POST", "/api/v1/routing/validate", kCustoms,
       "Validate {rule} with the core (nothing stored)", HandleValidateRule},
      {"POST", "/api/v1/routing/preview", kCustoms,
       "Preview {rule, from?, to?, limit?} over past lists' stored contexts (read-only; 422 "
       "invalid)",
       HandlePreviewRule},
      // Before /routing/rules/{rule_id}, which "stats" would otherwise match.
      {"GET", "/api/v1/routing/rules/stats", kCustoms,
       "Each rule's hits and their outcomes over lists declared ?from=&to= (default the last 90 "
       "days): lists matched and decided, final actions, inspections (match, mismatch, rate per "
       "mille), valuations, and a noise flag with its reason",
       HandleRuleStats},
      {"GET", "/api/v1/routing/rules/{rule_id}", kCustoms, "A routing rule with its history",
       HandleGetRule},
      {"PUT", "/api/v1/routing/rules/{rule_id}", kRoleAdmin,
       "Save {rule, note} as the rule's next version (201 for a new rule; 422 invalid; audited)",
       HandlePutRule},
      {"PUT", "/api/v1/enterprises/{id}/credit", kRoleAdmin,
       "Set {grade, risk_level, risk_score?} of an enterprise (audited)", HandlePutCredit},
      // Enterprise credit: profile, assessments by the core, officer decisions, violations.
      {"GET", "/api/v1/enterprises/{id}/credit/profile", kSignedIn,
       "The credit profile: grade in force, measures, newest assessment, trend, decisions, "
       "violations, monthly outcomes (an enterprise user: its own)",
       HandleCreditProfile},
      {"POST", "/api/v1/enterprises/{id}/credit/assessments", kCustoms,
       "Assess the enterprise today with the core (facts and result stored; audited); 201",
       HandleAssessCredit},
      {"POST", "/api/v1/enterprises/{id}/credit/decisions", kCustoms,
       "Confirm or override the newest assessment {assessment_id, action, grade?, risk_level?, "
       "reason}: the grade then in force (audited); 201",
       HandleDecideCredit},
      {"POST", "/api/v1/enterprises/{id}/violations", kCustoms,
       "Record a violation or penalty {kind, decided_on, penalty_fen?, overdue_days?, "
       "reference, description} (audited); 201",
       HandleRecordViolation},
      // Findings against enterprises and their answers (the enterprise portal).
      {"GET", "/api/v1/findings", kSignedIn,
       "Findings against enterprises with their answers (?state=open|answered|closed"
       "&enterprise_id=); an enterprise user: its own",
       HandleListFindings},
      {"POST", "/api/v1/findings/answers", kRoleEnterprise,
       "Answer a finding of one's own enterprise {object_type, object_id, kind: explanation|"
       "correction, text} (audited); 201",
       HandleAnswerFinding},
      {"POST", "/api/v1/findings/answers/{id}/review", kCustoms,
       "Review an answer {decision: accepted|rejected, note} (audited)", HandleReviewFindingAnswer},
      // Bonded ledgers, vehicles and gate passes, promotions (docs/api.md).
      {"GET", "/api/v1/ledgers", kSignedIn,
       "Bonded ledgers (?q=&enterprise_id=); enterprise users see their own", HandleListLedgers},
      {"POST", "/api/v1/ledgers", kSignedIn,
       "Register a bonded ledger {ledger: {ems_no, customs_code, name?, enterprise_id?}}; 201",
       HandleCreateLedger},
      {"GET", "/api/v1/ledgers/{ems_no}", kSignedIn,
       "A ledger in the core's ledger JSON shape (for the page's WebAssembly ledger)",
       HandleGetLedger},
      {"GET", "/api/v1/ledgers/{ems_no}/balances", kSignedIn,
       "Balances per SKU at ?date= (core LedgerBalancesJson)", HandleLedgerBalances},
      {"GET", "/api/v1/ledgers/{ems_no}/trace", kSignedIn,
       "FIFO trace (?sku=&unit= or ?entry_id=, &as_of=) (core LedgerTraceJson)", HandleLedgerTrace},
      {"POST", "/api/v1/ledgers/{ems_no}/what-if", kSignedIn,
       "What booking {pending} would do; nothing stored (core LedgerWhatIfJson)",
       HandleLedgerWhatIf},
      {"POST", "/api/v1/ledgers/{ems_no}/entries", kSignedIn,
       "Book {entry} (first_line_in; adjustment: customs only); 201, or 409 with the core's "
       "check when refused",
       HandleBookLedgerEntry},
      {"POST", "/api/v1/ledger-transfers", kSignedIn,
       "Transfer {transfer: {from_ems_no, to_ems_no, date, sku, code10, qty, unit}} as a paired "
       "out and in; 201, or 409 with the core's checks",
       HandleBookLedgerTransfer},
      {"GET", "/api/v1/risk/models", kCustoms,
       "The core's risk models: what each looks for, its thresholds, the defaults",
       HandleRiskModels},
      {"POST", "/api/v1/risk/runs", kCustoms,
       "Run every risk model over the stored declarations {thresholds?}; 201 {run, by_model}",
       HandleRunRiskModels},
      {"GET", "/api/v1/risk/runs", kCustoms, "The newest risk runs (50) with their hits per model",
       HandleListRiskRuns},
      {"GET", "/api/v1/risk/runs/{id}/hits", kCustoms,
       "A run's hits (?model=) with their scores, records and explanations", HandleRiskRunHits},
      {"POST", "/api/v1/risk/jobs", kCustoms,
       "Queue a run of every model over the whole history as a batch job {thresholds?, as_of?}; "
       "202 {job}; its progress at GET /risk/jobs/{id}",
       HandleQueueRiskJob},
      {"GET", "/api/v1/risk/jobs/{id}", kCustoms,
       "A risk job: state (queued, running, done, failed), the model it is at, progress per "
       "mille, the run it stored",
       HandleRiskJob},
      {"GET", "/api/v1/risk/runs/{id}/learned-scores", kCustoms,
       "The run's highest learned scores (100)", HandleRunLearnedScores},
      {"POST", "/api/v1/risk/learned-models", kCustoms,
       "Train the learned score (XGBoost) on the stored inspection outcomes {as_of?, rounds?, "
       "max_depth?, eta_pm?}; 201 {model} with its holdout figures",
       HandleTrainLearnedModel},
      {"GET", "/api/v1/risk/learned-models", kCustoms,
       "The learned models (50, newest first) with their holdout figures", HandleListLearnedModels},
      {"GET", "/api/v1/risk/learned-models/{id}", kCustoms,
       "A learned model's trees and columns (core TreeEnsembleToJson)", HandleLearnedModel},
      {"GET", "/api/v1/declarations/{id}/learned-score", kCustoms,
       "The list's newest learned score, the values it read and its explanation",
       HandleDeclarationLearnedScore},
      {"GET", "/api/v1/declarations/{id}/arrival-score", kCustoms,
       "The learned score the list was given on arrival (newest model over the newest run's "
       "hits; routing reads it as risk.learned_score_pm), the values read and its explanation",
       HandleDeclarationArrivalScore},
      {"POST", "/api/v1/ledgers/{ems_no}/stocktakes", kSignedIn,
       "Record a stocktake {stocktake: {date, method, counts: [{sku, counted}]}}: the core "
       "compares it with the book; 201",
       HandleRecordStocktake},
      {"GET", "/api/v1/stocktakes", kSignedIn,
       "Stocktakes (?ems_no=), newest first; enterprise users see their own", HandleListStocktakes},
      {"GET", "/api/v1/stocktakes/schedule", kSignedIn,
       "When each visible ledger's next stocktake is due (cycle by credit grade)",
       HandleStocktakeSchedule},
      {"GET", "/api/v1/stocktakes/{id}", kSignedIn, "A stocktake with the core's comparison",
       HandleGetStocktake},
      {"POST", "/api/v1/stocktakes/{id}/recount", kCustoms,
       "Customs' sample re-count {recounts: [{sku, recounted}], reason}: compared again",
       HandleRecountStocktake},
      {"GET", "/api/v1/vehicles", kSignedIn, "Registered vehicles; enterprise users see their own",
       HandleListVehicles},
      {"POST", "/api/v1/vehicles", kSignedIn,
       "Register a vehicle of a logistics enterprise {vehicle: {plate, ic_card_no, frame_wt}}; "
       "201",
       HandleRegisterVehicle},
      {"GET", "/api/v1/gate-passes", kSignedIn,
       "Gate passes with their events (?status=&passport_no=); logistics enterprises see their "
       "own",
       HandleListGatePasses},
      {"POST", "/api/v1/gate-passes", kSignedIn,
       "File a gate pass binding lists to a vehicle {pass}; 201", HandleCreateGatePass},
      {"GET", "/api/v1/gate-passes/{id}", kCustoms, "A gate pass with its gate events",
       HandleGetGatePass},
      {"POST", "/api/v1/gate-passes/{id}/events", kCustoms,
       "A gate event {event} with the weighbridge weight, checked by the core; the pass is "
       "passed or held; 201",
       HandleGateEvent},
      {"POST", "/api/v1/gate-passes/{id}/release-hold", kCustoms, "Release a held pass {reason}",
       HandleReleaseGateHold},
      {"GET", "/api/v1/promotions", kSignedIn,
       "Promotion filings (?outcome=&enterprise_id=); enterprise users see their own",
       HandleListPromotions},
      {"POST", "/api/v1/promotions", kSignedIn,
       "File a promotion {promotion: {skus, promo_price_fen, normal_price_fen, from, to}}; 201 "
       "with the core's check",
       HandleFilePromotion},
      {"GET", "/api/v1/promotions/{id}", kSignedIn, "A promotion filing with its check",
       HandleGetPromotion},
      {"GET", "/api/v1/promotions/{id}/summary", kSignedIn,
       "Filed versus transacted prices and volumes over the released lists of the period",
       HandlePromotionSummary},
      // Online patrol (docs/api.md "Online patrol"): shops, profiles, tasks, evidence, covert
      // buyers, mystery orders; crawler accounts; and the crawler's own routes.
      {"GET", "/api/v1/shops", kSignedIn,
       "Shops with their last patrol and finding count; enterprise users see their own",
       HandleListShops},
      {"POST", "/api/v1/shops", kCustoms,
       "Register an admitted enterprise's shop {enterprise_id, name, base_url, cycle_days?}; 201",
       HandleRegisterShop},
      {"GET", "/api/v1/shops/{id}", kSignedIn,
       "A shop with its recent tasks and findings (and, for customs, its profile)", HandleGetShop},
      {"GET", "/api/v1/shops/{id}/profiles", kCustoms, "The shop's site-profile versions",
       HandleListProfiles},
      {"POST", "/api/v1/shops/{id}/profiles", kCustoms,
       "Save the next version of the site profile {profile, comment?} (docs/site-profiles.md); "
       "201",
       HandleSaveProfile},
      {"POST", "/api/v1/shops/{id}/patrols", kCustoms, "Queue a patrol of the shop now; 201",
       HandleQueuePatrol},
      {"POST", "/api/v1/shops/{id}/preview", kCustoms,
       "Preview what a profile reads from a page {profile, url}: 201 with a task whose result "
       "holds the reading once a crawler has fetched it",
       HandlePreviewProfile},
      {"POST", "/api/v1/shops/{id}/mystery-orders", kCustoms,
       "Queue a mystery order {buyer_id, sku, quantity?} through the shop's profile; 201",
       HandleQueueMysteryOrder},
      {"GET", "/api/v1/patrol-tasks", kCustoms, "Patrol tasks (?status=&shop_id=)",
       HandleListPatrolTasks},
      {"GET", "/api/v1/patrol-tasks/{id}", kCustoms,
       "A task with its evidence, observations, findings and mystery order", HandleGetPatrolTask},
      {"GET", "/api/v1/evidence/{id}", kCustoms, "What the crawler fetched: URL, time, headers",
       HandleGetEvidence},
      {"GET", "/api/v1/evidence/{id}/body", kCustoms,
       "The fetched bytes exactly, as text/plain (never rendered)", HandleGetEvidenceBody},
      {"GET", "/api/v1/covert-buyers", kCustoms, "Registered covert buyer identities",
       HandleListCovertBuyers},
      {"POST", "/api/v1/covert-buyers", kCustoms,
       "Register a covert buyer {name, id_number, phone, address}; 201", HandleRegisterCovertBuyer},
      {"GET", "/api/v1/mystery-orders", kCustoms, "Mystery orders and their match (?status=)",
       HandleListMysteryOrders},
      {"GET", "/api/v1/crawler-accounts", kRoleAdmin, "Crawler service accounts",
       HandleListCrawlerAccounts},
      {"POST", "/api/v1/crawler-accounts", kRoleAdmin,
       "Create a crawler account {name}; 201 with its bearer token (shown once)",
       HandleCreateCrawlerAccount},
      {"POST", "/api/v1/patrol-schedule/run", kCustoms,
       "Run the patrol schedule now: queue due patrols, record overdue mystery orders",
       HandleRunPatrolSchedule},
      {"POST", "/api/v1/crawler/lease", kRoleCrawler,
       "Lease the next task {kinds?}: 200 {task, shop, profile, buyer?} or 204",
       HandleCrawlerLease},
      {"POST", "/api/v1/crawler/tasks/{id}/progress", kRoleCrawler,
       "Report progress {lease_token, progress}; extends the lease", HandleCrawlerProgress},
      {"POST", "/api/v1/crawler/tasks/{id}/evidence", kRoleCrawler,
       "Upload evidence {lease_token, items}; 201", HandleCrawlerEvidence},
      {"POST", "/api/v1/crawler/tasks/{id}/complete", kRoleCrawler,
       "Complete a task with its observations or order {lease_token, ...}", HandleCrawlerComplete},
      {"POST", "/api/v1/crawler/tasks/{id}/fail", kRoleCrawler,
       "Give a task back {lease_token, error, retryable}", HandleCrawlerFail},
  };
  return kRoutes;
}

bool AcceptsXmlBody(const Route& route) {
  return route.method == "POST" && route.pattern == "/api/v1/messages";
}

namespace {
std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool IsDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A routing rule id (core/rules.h): [a-z0-9][a-z0-9._-]{0,63}.
bool IsRuleId(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.' || s.front() == '-' || s.front() == '_') {
    return false;
  }
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>& params) {
  if (path.empty() || path.front() != '/') return false;
  std::vector<std::string_view> pp = Split(pattern);
  std::vector<std::string_view> sp = Split(path);
  if (pp.size() != sp.size()) return false;
  params.clear();
  for (size_t i = 0; i < pp.size(); ++i) {
    std::string_view p = pp[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      std::string_view key = p.substr(1, p.size() - 2);
      // {ems_no} takes any segment: ledger numbers are upper-case, and the handler looks the
      // bound value up, so an unknown one is its 404.
      bool ok = key == "id"        ? IsDigits(sp[i])
                : key == "rule_id" ? IsRuleId(sp[i])
                : key == "ems_no"  ? !sp[i].empty() && sp[i].size() <= 64
                                   : IsIdentifier(sp[i]);
      if (!ok) return false;
      params[std::string(key)] = std::string(sp[i]);
    } else if (p != sp[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

RouteMatch MatchRoute(std::string_view method, std::string_view path) {
  RouteMatch m;
  std::map<std::string, std::string> params;
  for (const Route& r : RouteTable()) {
    if (!MatchPattern(r.pattern, path, params)) continue;
    if (r.method == method) {
      if (m.route == nullptr) {
        m.route = &r;
        m.params = params;
      }
    } else {
      m.allowed_methods.push_back(r.method);
    }
  }
  return m;
}

namespace {
std::string RolesText(unsigned roles) {
  if (roles == kPublic) return "anyone";
  std::string out;
  auto add = [&](unsigned bit, const char* name) {
    if ((roles & bit) == 0) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  add(kRoleAdmin, "admin");
  add(kRoleOfficer, "officer");
  add(kRoleEnterprise, "enterprise");
  add(kRoleCrawler, "crawler (bearer token)");
  return out;
}

core::Json ErrorResponse(const char* description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}
}  // namespace

core::Json OpenApiDocument() {
  core::Json paths = core::Json::object();
  for (const Route& r : RouteTable()) {
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(c - 'A' + 'a');
    core::Json op = core::Json::object();
    op["summary"] = std::string(r.summary);
    op["x-roles"] = RolesText(r.roles);
    std::string pattern(r.pattern);
    core::Json parameters = core::Json::array();
    for (const char* key : {"id", "name", "rule_id", "ems_no"}) {
      if (pattern.find("{" + std::string(key) + "}") == std::string::npos) continue;
      core::Json schema = std::string(key) == "id"
                              ? core::Json{{"type", "integer"}, {"format", "int64"}}
                              : core::Json{{"type", "string"}};
      parameters.push_back({{"name", key}, {"in", "path"}, {"required", true}, {"schema", schema}});
    }
    if (!parameters.empty()) op["parameters"] = parameters;
    if (r.method == "POST" || r.method == "PUT") {
      core::Json content = {{"application/json", {{"schema", {{"type", "object"}}}}}};
      if (AcceptsXmlBody(r)) {
        for (const char* xml : {"application/xml", "text/xml"}) {
          content[xml] = {{"schema", {{"type", "string"}}}};
        }
      }
      op["requestBody"] = {{"required", true}, {"content", content}};
    }
    core::Json responses = core::Json::object();
    responses["200"] = {{"description", "OK"}};
    if ((r.method == "POST" || r.method == "PUT") &&
        r.summary.find("201") != std::string_view::npos) {
      responses["201"] = {{"description", "Created"}};
    }
    if (r.summary.find("422") != std::string_view::npos) {
      responses["422"] = ErrorResponse("Well-formed but refused by the core; nothing was written");
    }
    responses["400"] = ErrorResponse("Invalid input; nothing was written");
    if (r.roles != kPublic) {
      responses["401"] = ErrorResponse("Not signed in");
      responses["403"] = ErrorResponse("Role not allowed");
      responses["404"] = ErrorResponse("Not found, or another enterprise's object");
    }
    if (r.method != "GET") {
      responses["409"] = ErrorResponse("Conflict with the current state");
      responses["415"] = ErrorResponse("Content-Type is not application/json");
    }
    op["responses"] = responses;
    if (r.roles != kPublic)
      op["security"] = core::Json::array({{{"sessionCookie", core::Json::array()}}});
    paths[pattern][method] = op;
  }
  core::Json doc = core::Json::object();
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "CBEC Patrol API"},
                 {"version", "1"},
                 {"description",
                  "Cross-border e-commerce import supervision: enterprise and goods admission. "
                  "x-roles names who may call each operation; enterprise users only reach their "
                  "own enterprise's objects."}};
  doc["paths"] = paths;
  doc["components"] = {
      {"securitySchemes",
       {{"sessionCookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "patrol_session"}}}}},
      {"schemas",
       {{"Error",
         {{"type", "object"},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"properties",
               {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}}}}}};
  return doc;
}

}  // namespace server
