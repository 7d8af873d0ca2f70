// Training, storing and reading the learned score. The trees are the core's: what the server
// stores is what the browser evaluates.
#include "service/learned_scores.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "core/learned.h"
#include "core/learned_features.h"
#include "learn/ranking.h"
#include "learn/xgb_booster.h"
#include "store/learned_repo.h"
#include "store/risk_repo.h"

namespace server {
namespace {

constexpr int64_t kMinLabelled = 20;
constexpr int kBudgetPm = 50;  // the 5% inspection budget the issue measures

struct Labelled {
  std::vector<const core::LearnedRow*> rows;  // by declaration date, then id
  std::vector<bool> fraud;
};

// Lists with an inspection outcome; a list is a fraud when any inspection found a mismatch.
Labelled LabelledRows(const core::RiskData& data, const std::vector<core::LearnedRow>& rows) {
  std::map<int64_t, bool> outcome;
  for (const core::RiskInspection& i : data.inspections) outcome[i.declaration_id] |= i.mismatch;
  std::vector<std::pair<const core::RiskDeclaration*, const core::LearnedRow*>> found;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (outcome.count(rows[k].declaration_id) != 0) {
      found.emplace_back(&data.declarations[k], &rows[k]);
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first->date != b.first->date ? a.first->date < b.first->date
                                          : a.first->id < b.first->id;
  });
  Labelled out;
  for (const auto& [decl, row] : found) {
    out.rows.push_back(row);
    out.fraud.push_back(outcome[decl->id]);
  }
  return out;
}

FeatureMatrix MatrixOf(const std::vector<const core::LearnedRow*>& rows, size_t from, size_t to) {
  FeatureMatrix m;
  m.columns = core::LearnedFeatures().size();
  for (size_t i = from; i < to; ++i) {
    m.values.insert(m.values.end(), rows[i]->values.begin(), rows[i]->values.end());
  }
  return m;
}

std::vector<float> LabelsOf(const std::vector<bool>& fraud, size_t from, size_t to) {
  std::vector<float> out;
  for (size_t i = from; i < to; ++i) out.push_back(fraud[i] ? 1.0f : 0.0f);
  return out;
}

core::StatusOr<int> IntParam(const core::Json& body, const char* key, int fallback, int lo,
                             int hi) {
  CORE_ASSIGN_OR_RETURN(std::optional<int64_t> v, core::OptionalInt(body, key));
  if (!v) return fallback;
  if (*v < lo || *v > hi) {
    return core::InvalidArgumentError("field '" + std::string(key) + "' must be within " +
                                      std::to_string(lo) + ".." + std::to_string(hi));
  }
  return static_cast<int>(*v);
}

// The newest fifth of the labelled lists, judged by a model trained on the rest: the learned
// ranking and the rules' ranking on the same lists.
core::StatusOr<core::Json> HoldoutFigures(const Labelled& l, const BoosterParams& params) {
  const size_t n = l.rows.size();
  const size_t cut = n - std::max<size_t>(1, n / 5);
  const std::vector<bool> train_fraud(l.fraud.begin(), l.fraud.begin() + cut);
  if (std::count(train_fraud.begin(), train_fraud.end(), true) == 0 ||
      std::count(train_fraud.begin(), train_fraud.end(), false) == 0) {
    return core::Json{{"note", "the older four fifths hold only one outcome: no holdout"}};
  }
  CORE_ASSIGN_OR_RETURN(
      XgbBooster b, XgbBooster::Train(MatrixOf(l.rows, 0, cut), LabelsOf(l.fraud, 0, cut), params));
  CORE_ASSIGN_OR_RETURN(std::vector<float> margins, b.PredictMargins(MatrixOf(l.rows, cut, n)));
  std::vector<float> rules;
  for (size_t i = cut; i < n; ++i) rules.push_back(core::RuleHitScore(*l.rows[i]));
  const std::vector<bool> fraud(l.fraud.begin() + static_cast<std::ptrdiff_t>(cut), l.fraud.end());
  return core::Json{{"train_rows", cut},
                    {"budget_pm", kBudgetPm},
                    {"learned", RankingQualityJson(RankByScore(margins, fraud, kBudgetPm))},
                    {"rules", RankingQualityJson(RankByScore(rules, fraud, kBudgetPm))}};
}

}  // namespace

core::StatusOr<core::Json> TrainLearnedModel(App& app, Db& db, const Actor& actor,
                                             const core::Json& body) {
  if (!body.is_object()) return core::InvalidArgumentError("expected a JSON object");
  core::Date as_of = app.Today();
  CORE_ASSIGN_OR_RETURN(std::string as_of_text, core::OptionalString(body, "as_of", 10));
  if (!as_of_text.empty()) {
    core::StatusOr<core::Date> d = core::Date::Parse(as_of_text);
    if (!d.ok()) return core::InvalidArgumentError("field 'as_of' must be a date (YYYY-MM-DD)");
    as_of = *d;
  }
  BoosterParams params;
  CORE_ASSIGN_OR_RETURN(params.rounds, IntParam(body, "rounds", params.rounds, 1, 500));
  CORE_ASSIGN_OR_RETURN(params.max_depth, IntParam(body, "max_depth", params.max_depth, 1, 10));
  CORE_ASSIGN_OR_RETURN(params.eta_pm, IntParam(body, "eta_pm", params.eta_pm, 10, 1000));

  CORE_ASSIGN_OR_RETURN(core::RiskData data, LoadRiskData(db, as_of));
  const std::vector<core::RiskHit> hits = core::RunRiskModels(data, core::RiskThresholds{});
  const std::vector<core::LearnedRow> rows = core::LearnedFeatureRows(data, hits);
  const Labelled l = LabelledRows(data, rows);
  const auto frauds = std::count(l.fraud.begin(), l.fraud.end(), true);
  if (static_cast<int64_t>(l.rows.size()) < kMinLabelled || frauds == 0 ||
      frauds == static_cast<int64_t>(l.rows.size())) {
    return core::FailedPreconditionError(
        "training needs at least 20 inspected lists with both outcomes; the store has " +
        std::to_string(l.rows.size()) + " inspected, " + std::to_string(frauds) + " mismatched");
  }
  CORE_ASSIGN_OR_RETURN(core::Json holdout, HoldoutFigures(l, params));
  CORE_ASSIGN_OR_RETURN(XgbBooster booster,
                        XgbBooster::Train(MatrixOf(l.rows, 0, l.rows.size()),
                                          LabelsOf(l.fraud, 0, l.fraud.size()), params));
  CORE_ASSIGN_OR_RETURN(core::TreeEnsemble trees, booster.Export(core::LearnedFeatureIds()));

  LearnedModelRecord m;
  m.trained_at = FormatUtcIso(app.Now());
  m.trained_by = actor.user_id;
  m.trained_by_name = actor.name;
  m.as_of = as_of.ToIso();
  m.params = core::DumpJson({{"rounds", params.rounds},
                             {"max_depth", params.max_depth},
                             {"eta_pm", params.eta_pm},
                             {"seed", params.seed}});
  m.model = core::DumpJson(core::TreeEnsembleToJson(trees));
  m.metrics = core::DumpJson({{"rows", l.rows.size()},
                              {"frauds", frauds},
                              {"trees", trees.trees.size()},
                              {"holdout", holdout}});
  CORE_ASSIGN_OR_RETURN(m.id, InsertLearnedModel(db, m));
  CORE_RETURN_IF_ERROR(AppendAudit(db, actor, "risk.learned_model", "learned_model",
                                   std::to_string(m.id),
                                   {{"as_of", m.as_of}, {"rows", l.rows.size()}}, app.Now()));
  return core::Json{{"model", LearnedModelJson(m)}};
}

core::StatusOr<core::Json> ScoreRunWithNewestModel(Db& db, int64_t run_id,
                                                   const core::RiskData& data,
                                                   const std::vector<core::RiskHit>& hits) {
  CORE_ASSIGN_OR_RETURN(std::optional<LearnedModelRecord> m, FindLearnedModel(db, 0));
  if (!m) return core::Json{{"model_id", nullptr}, {"scored", 0}};
  CORE_ASSIGN_OR_RETURN(core::Json doc, core::ParseJson(m->model));
  CORE_ASSIGN_OR_RETURN(core::TreeEnsemble trees, core::TreeEnsembleFromJson(doc));
  if (trees.features != core::LearnedFeatureIds()) {
    return core::Json{{"model_id", m->id},
                      {"scored", 0},
                      {"note",
                       "the newest model reads other columns than the models now give: "
                       "train it again"}};
  }
  int64_t scored = 0;
  for (const core::LearnedRow& row : core::LearnedFeatureRows(data, hits)) {
    const float margin = core::LearnedMargin(trees, row.values);
    CORE_RETURN_IF_ERROR(
        InsertLearnedScore(db, {run_id, row.declaration_id, m->id, core::ScorePerMille(margin),
                                core::DumpJson(core::FeatureRowToJson(row.values))}));
    ++scored;
  }
  return core::Json{{"model_id", m->id}, {"scored", scored}};
}

core::StatusOr<core::Json> LearnedModelsJson(Db& db) {
  CORE_ASSIGN_OR_RETURN(std::vector<LearnedModelRecord> models, ListLearnedModels(db, 50));
  core::Json items = core::Json::array();
  for (const LearnedModelRecord& m : models) items.push_back(LearnedModelJson(m));
  return core::Json{{"items", items}};
}

core::StatusOr<core::Json> LearnedModelDetail(Db& db, int64_t id) {
  if (id <= 0) return core::NotFoundError("no learned model " + std::to_string(id));
  CORE_ASSIGN_OR_RETURN(std::optional<LearnedModelRecord> m, FindLearnedModel(db, id));
  if (!m) return core::NotFoundError("no learned model " + std::to_string(id));
  core::Json out = LearnedModelJson(*m);
  CORE_ASSIGN_OR_RETURN(out["model"], core::ParseJson(m->model));
  core::Json features = core::Json::array();
  for (const core::LearnedFeatureInfo& f : core::LearnedFeatures()) {
    features.push_back({{"id", f.id}, {"name_zh", f.name_zh}, {"name_en", f.name_en}});
  }
  out["features"] = features;
  return out;
}

core::StatusOr<core::Json> RunLearnedScores(Db& db, int64_t run_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<RiskRunRecord> run, FindRiskRun(db, run_id));
  if (!run) return core::NotFoundError("no risk run " + std::to_string(run_id));
  CORE_ASSIGN_OR_RETURN(std::vector<LearnedScoreRecord> top, TopLearnedScores(db, run_id, 100));
  core::Json items = core::Json::array();
  for (const LearnedScoreRecord& s : top) {
    items.push_back(
        {{"declaration_id", s.declaration_id}, {"model_id", s.model_id}, {"score_pm", s.score_pm}});
  }
  return core::Json{{"run_id", run_id}, {"items", items}};
}

namespace {

// The stored values of a score explained again with its model's trees: {"values", "explanation"}.
core::StatusOr<core::Json> ExplainStored(Db& db, int64_t model_id, const std::string& features) {
  CORE_ASSIGN_OR_RETURN(std::optional<LearnedModelRecord> m, FindLearnedModel(db, model_id));
  if (!m) return core::InternalError("learned model " + std::to_string(model_id) + " is gone");
  CORE_ASSIGN_OR_RETURN(core::Json model_doc, core::ParseJson(m->model));
  CORE_ASSIGN_OR_RETURN(core::TreeEnsemble trees, core::TreeEnsembleFromJson(model_doc));
  CORE_ASSIGN_OR_RETURN(core::Json values_doc, core::ParseJson(features));
  CORE_ASSIGN_OR_RETURN(std::vector<float> values, core::FeatureRowFromJson(values_doc, "values"));
  CORE_ASSIGN_OR_RETURN(core::LearnedScore score, core::ScoreRow(trees, values));
  return core::Json{{"values", values_doc},
                    {"explanation", core::LearnedScoreToJson(trees, score)}};
}

}  // namespace

core::StatusOr<core::Json> DeclarationLearnedScore(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<LearnedScoreRecord> s,
                        NewestLearnedScore(db, declaration_id));
  if (!s) {
    return core::NotFoundError("no risk run has scored list " + std::to_string(declaration_id));
  }
  CORE_ASSIGN_OR_RETURN(core::Json out, ExplainStored(db, s->model_id, s->features));
  out["run_id"] = s->run_id;
  out["declaration_id"] = declaration_id;
  out["model_id"] = s->model_id;
  out["score_pm"] = s->score_pm;
  return out;
}

core::StatusOr<core::Json> DeclarationArrivalScore(Db& db, int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::optional<ArrivalScoreRecord> s,
                        NewestArrivalScore(db, declaration_id));
  if (!s) {
    return core::NotFoundError("list " + std::to_string(declaration_id) +
                               " was not scored on arrival (no learned model when it was routed)");
  }
  CORE_ASSIGN_OR_RETURN(core::Json out, ExplainStored(db, s->model_id, s->features));
  out["routing_id"] = s->routing_id;
  out["at"] = s->at;
  out["declaration_id"] = declaration_id;
  out["model_id"] = s->model_id;
  out["hits_run_id"] = s->hits_run_id ? core::Json(*s->hits_run_id) : core::Json(nullptr);
  out["score_pm"] = s->score_pm;
  return out;
}

}  // namespace server
