// The learned score at arrival: the newest model over the newest run's hits.
#include "service/arrival_score.h"

#include "core/learned_features.h"
#include "store/learned_repo.h"
#include "store/risk_repo.h"

namespace server {

core::StatusOr<std::shared_ptr<const NewestLearnedModel>> LearnedModelCache::Get(Db& db) {
  CORE_ASSIGN_OR_RETURN(const int64_t id, db.QueryInt("SELECT MAX(id) FROM learned_models"));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (current_->id == id) return current_;
  }
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
  std::lock_guard<std::mutex> lock(mu_);
  if (current_->id < loaded->id) current_ = loaded;
  return std::shared_ptr<const NewestLearnedModel>(loaded);
}

core::StatusOr<std::optional<ArrivalScore>> ScoreOnArrival(LearnedModelCache& models,
                                                           const RiskHitCounts& hits, Db& db,
                                                           int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(std::shared_ptr<const NewestLearnedModel> model, models.Get(db));
  if (!model->usable) return std::optional<ArrivalScore>();
  CORE_ASSIGN_OR_RETURN(std::optional<core::RiskDeclaration> d,
                        RiskDeclarationById(db, declaration_id));
  if (!d) return std::optional<ArrivalScore>();
  const core::LearnedRow row = core::LearnedFeatureRow(*d, hits.learned);
  ArrivalScore s;
  s.model_id = model->id;
  if (hits.run_id > 0) s.hits_run_id = hits.run_id;
  s.score_pm = core::ScorePerMille(core::LearnedMargin(model->trees, row.values));
  s.values = core::FeatureRowToJson(row.values);
  return std::optional<ArrivalScore>(std::move(s));
}

}  // namespace server
