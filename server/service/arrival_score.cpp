// A list at arrival: the consumer models over its neighbourhood, then the newest learned model.
#include "service/arrival_score.h"

#include <algorithm>

#include "core/learned_features.h"
#include "core/risk_arrival.h"
#include "store/learned_repo.h"
#include "store/risk_repo.h"

namespace server {

namespace {

core::StatusOr<std::shared_ptr<const NewestLearnedModel>> LoadModel(Db& db, int64_t id) {
  auto loaded = std::make_shared<NewestLearnedModel>();
  CORE_ASSIGN_OR_RETURN(std::optional<LearnedModelRecord> m, FindLearnedModel(db, id));
  if (m) {
    loaded->id = m->id;
    CORE_ASSIGN_OR_RETURN(core::Json doc, core::ParseJson(m->model));
    core::StatusOr<core::TreeEnsemble> trees = core::TreeEnsembleFromJson(doc);
    if (!trees.ok()) {
      return core::InternalError("learned model " + std::to_string(id) +
                                 " does not read: " + trees.status().message());
    }
    loaded->usable = trees->features == core::LearnedFeatureIds();
    loaded->trees = std::move(*trees);
  }
  return std::shared_ptr<const NewestLearnedModel>(loaded);
}

}  // namespace

core::StatusOr<std::shared_ptr<const NewestLearnedModel>> LearnedModelCache::Get(Db& db) {
  return cache_.Get(db, "SELECT MAX(id) FROM learned_models", LoadModel);
}

core::StatusOr<ArrivalAssessment> AssessOnArrival(LearnedModelCache& models,
                                                  const RiskHitCounts& run, Db& db,
                                                  int64_t declaration_id, const core::Date& today) {
  ArrivalAssessment out;
  core::RiskData near;
  near.as_of = today;
  // The neighbourhood always holds the list itself (store/risk_repo.h).
  CORE_ASSIGN_OR_RETURN(near.declarations, ArrivalNeighbourhood(db, declaration_id));
  auto self = std::find_if(near.declarations.begin(), near.declarations.end(),
                           [&](const core::RiskDeclaration& x) { return x.id == declaration_id; });
  if (self == near.declarations.end()) return out;
  const core::RiskDeclaration& d = *self;
  out.hits = core::RunArrivalModels(near, d, run.thresholds);

  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const NewestLearnedModel> model, models.Get(db));
  if (!model->usable) return out;
  core::LearnedRow row = core::LearnedFeatureRow(d, run.learned);
  core::LearnedHitIndex(out.hits).RaiseColumns(d, row.values);
  ArrivalScore s;
  s.model_id = model->id;
  if (run.run_id > 0) s.hits_run_id = run.run_id;
  s.score_pm = core::ScorePerMille(core::LearnedMargin(model->trees, row.values));
  s.values = core::FeatureRowToJson(row.values);
  out.score = std::move(s);
  return out;
}

void AddArrivalContext(const ArrivalAssessment& a, core::Json& risk) {
  core::Json models = core::Json::array();
  for (const core::RiskHit& h : a.hits) {
    if (models.empty() || models.back() != h.model) models.push_back(h.model);
  }
  risk["arrival_hits"] = static_cast<int64_t>(a.hits.size());
  risk["arrival_models"] = std::move(models);
  if (a.score) risk["learned_score_pm"] = a.score->score_pm;
}

}  // namespace server
