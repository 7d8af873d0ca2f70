// Handlers: routing rules (schema, list, one with history, save, validate, preview), a
// declaration's routing with its replay, and enterprise credit grades.
#include "common/json_text.h"
#include "core/rules_api.h"
#include "http/errors.h"
#include "http/handlers.h"
#include "service/routing.h"
#include "service/routing_rules.h"
#include "service/rule_stats.h"

namespace server {

namespace {

// 422 with the core's validation answer, plus the usual error object.
Reply InvalidRule(RequestContext& ctx, core::Json validation) {
  ctx.tx().Rollback();
  std::string message = "the rule is invalid";
  if (validation.contains("errors") && validation["errors"].is_array() &&
      !validation["errors"].empty() && validation["errors"][0].contains("message_en") &&
      validation["errors"][0]["message_en"].is_string()) {
    message += ": " + validation["errors"][0]["message_en"].get<std::string>();
  }
  validation["error"] = ErrorJson("unprocessable_entity", message)["error"];
  return Reply::Json(422, validation);
}

core::StatusOr<std::string> RuleIdParam(const RequestContext& ctx) {
  auto it = ctx.path_params.find("rule_id");
  if (it == ctx.path_params.end()) return core::NotFoundError("no rule id");
  return it->second;
}

}  // namespace

core::StatusOr<Reply> HandleRoutingSchema(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json schema,
                        CoreResult(core::RuleSchemaJson(ctx.app.reference()->policy)));
  return Reply::Json(200, schema);
}

core::StatusOr<Reply> HandleListRules(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json rules, ListRulesJson(ctx.app, ctx.db));
  return Reply::Json(200, rules);
}

core::StatusOr<Reply> HandleGetRule(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string id, RuleIdParam(ctx));
  CORE_ASSIGN_OR_RETURN(core::Json rule, RuleJson(ctx.db, id));
  return Reply::Json(200, rule);
}

core::StatusOr<Reply> HandlePutRule(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string id, RuleIdParam(ctx));
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "rule" && it.key() != "note") {
      return core::InvalidArgumentError("unknown field '" + it.key() + "'");
    }
  }
  auto rule = body.find("rule");
  if (rule == body.end() || !rule->is_object()) {
    return core::InvalidArgumentError("field 'rule' is required and must be an object");
  }
  std::string note;
  if (auto n = body.find("note"); n != body.end() && !n->is_null()) {
    if (!n->is_string()) return core::InvalidArgumentError("field 'note' must be a string");
    note = n->get<std::string>();
  }
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(RuleSaveResult saved,
                        SaveRule(ctx.app, ctx.db, ctx.actor, id, *rule, note));
  if (saved.invalid) return InvalidRule(ctx, std::move(*saved.invalid));
  App& app = ctx.app;
  ctx.OnCommit([&app] { app.rule_cache().Invalidate(); });
  core::Json out = RuleVersionJson(saved.saved);
  out["rule_id"] = id;
  return Reply::Json(saved.created ? 201 : 200, out);
}

core::StatusOr<Reply> HandleValidateRule(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  const std::string text =
      core::ValidateRuleJson(core::DumpJson(body), ctx.app.reference()->policy);
  CORE_ASSIGN_OR_RETURN(core::Json result, CoreResult(text));
  return Reply::Json(200, result);
}

core::StatusOr<Reply> HandlePreviewRule(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_ASSIGN_OR_RETURN(PreviewResult preview, PreviewRule(ctx.app, ctx.db, body));
  if (preview.invalid) return InvalidRule(ctx, std::move(*preview.invalid));
  return Reply::Json(200, preview.result);
}

core::StatusOr<Reply> HandleDeclarationRouting(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json routing, DeclarationRoutingJson(ctx.app, ctx.db, id));
  return Reply::Json(200, routing);
}

core::StatusOr<Reply> HandleRuleStats(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(std::string from, ctx.Query("from", 10));
  CORE_ASSIGN_OR_RETURN(std::string to, ctx.Query("to", 10));
  CORE_ASSIGN_OR_RETURN(core::Json stats, RuleStatsJson(ctx.app, ctx.db, from, to));
  return Reply::Json(200, stats);
}

core::StatusOr<Reply> HandlePutCredit(RequestContext& ctx) {
  CORE_ASSIGN_OR_RETURN(int64_t id, ctx.PathId());
  CORE_ASSIGN_OR_RETURN(core::Json body, ctx.JsonBody());
  CORE_RETURN_IF_ERROR(ctx.BeginWrite());
  CORE_ASSIGN_OR_RETURN(CreditRecord credit,
                        SetEnterpriseCredit(ctx.app, ctx.db, ctx.actor, id, body));
  return Reply::Json(200, {{"credit", CreditJson(credit)}});
}

}  // namespace server
