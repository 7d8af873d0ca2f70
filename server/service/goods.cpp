// Goods filing and evaluation.
#include "service/goods.h"

#include "audit/audit_log.h"
#include "common/crypto.h"
#include "common/json_text.h"
#include "core/goods.h"
#include "core/verdict_api.h"
#include "service/applications.h"
#include "store/enterprises_repo.h"

namespace server {

core::StatusOr<core::Json> OtherFilingsJson(Db& db, std::string_view name,
                                            std::optional<int64_t> exclude_enterprise_id) {
  CORE_ASSIGN_OR_RETURN(
      std::vector<NameCode> others,
      ListOtherFilings(db, core::NormalizeGoodsName(name), exclude_enterprise_id));
  core::Json arr = core::Json::array();
  for (const NameCode& o : others) arr.push_back({{"name", o.name}, {"code10", o.code10}});
  return arr;
}

core::StatusOr<GoodsRecord> FileGoods(App& app, Db& db, const Actor& actor, int64_t enterprise_id,
                                      const core::Json& body) {
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(actor, enterprise_id));
  CORE_ASSIGN_OR_RETURN(std::optional<EnterpriseRecord> enterprise,
                        FindEnterprise(db, enterprise_id));
  if (!enterprise)
    return core::NotFoundError("enterprise " + std::to_string(enterprise_id) + " not found");
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  auto it = body.find("filing");
  if (it == body.end() || !it->is_object()) {
    return core::InvalidArgumentError("field 'filing' is required and must be an object");
  }
  for (const char* key : {"sku", "name", "code10", "origin_country", "unit",
                          "declared_unit_price_fen", "trade_mode"}) {
    if (!it->contains(key)) {
      return core::InvalidArgumentError("field 'filing." + std::string(key) + "' is required");
    }
  }
  core::StatusOr<core::GoodsFiling> filing = core::GoodsFilingFromJson(*it);
  if (!filing.ok()) return core::InvalidArgumentError(filing.status().message());
  if (enterprise->status != "admitted") {
    return core::FailedPreconditionError("enterprise " + std::to_string(enterprise_id) +
                                         " is not admitted (status " + enterprise->status + ")");
  }
  CORE_ASSIGN_OR_RETURN(core::Json others, OtherFilingsJson(db, filing->name, enterprise_id));
  core::Date today = app.Today();
  core::Json request = {
      {"filing", *it}, {"decision_date", today.ToIso()}, {"other_filings", others}};
  std::shared_ptr<const ReferenceData> ref = app.reference();
  std::string verdict = core::EvaluateGoodsJson(core::DumpJson(request), ref->tables, ref->policy);
  CORE_ASSIGN_OR_RETURN(core::Json parsed, CoreResult(verdict));
  int64_t now = app.Now();
  GoodsRecord g;
  g.enterprise_id = enterprise_id;
  g.enterprise_name = enterprise->name;
  g.sku = filing->sku;
  g.name = filing->name;
  g.name_norm = core::NormalizeGoodsName(filing->name);
  g.code10 = filing->code10;
  CORE_ASSIGN_OR_RETURN(g.outcome, core::RequiredString(parsed, "outcome"));
  g.filing = core::DumpJson(core::GoodsFilingToJson(*filing));
  g.verdict = verdict;
  g.filed_by = actor.user_id;
  g.filed_at = FormatUtcIso(now);
  CORE_ASSIGN_OR_RETURN(g.id, InsertGoods(db, g));
  core::Json detail = {{"enterprise_id", enterprise_id},
                       {"sku", g.sku},
                       {"code10", g.code10},
                       {"outcome", g.outcome},
                       {"decision_date", today.ToIso()},
                       {"verdict_sha256", Sha256Hex(verdict)}};
  CORE_RETURN_IF_ERROR(
      AppendAudit(db, actor, "goods.file", "goods", std::to_string(g.id), detail, now));
  return g;
}

core::StatusOr<GoodsRecord> GetGoodsFor(Db& db, const Actor& actor, int64_t id) {
  CORE_ASSIGN_OR_RETURN(std::optional<GoodsRecord> g, FindGoods(db, id));
  if (!g) return core::NotFoundError("goods filing " + std::to_string(id) + " not found");
  CORE_RETURN_IF_ERROR(CheckEnterpriseVisible(actor, g->enterprise_id));
  return *std::move(g);
}

}  // namespace server
