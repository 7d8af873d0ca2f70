// Learned models and scores: rows in, rows out.
#include "store/learned_repo.h"

#include "common/json_text.h"

namespace server {
namespace {

LearnedScoreRecord ScoreFrom(const Stmt& q) {
  return {q.Int(0), q.Int(1), q.Int(2), q.Int(3), q.Text(4)};
}

}  // namespace

core::Json LearnedModelJson(const LearnedModelRecord& m) {
  return {{"id", m.id},       {"trained_at", m.trained_at},     {"trained_by", m.trained_by_name},
          {"as_of", m.as_of}, {"params", JsonOrNull(m.params)}, {"metrics", JsonOrNull(m.metrics)}};
}

core::StatusOr<int64_t> InsertLearnedModel(Db& db, const LearnedModelRecord& m) {
  CORE_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO learned_models (trained_at, trained_by, trained_by_name, as_of, "
      "params, model, metrics) VALUES (?, ?, ?, ?, ?, ?, ?)",
      m.trained_at, m.trained_by, m.trained_by_name, m.as_of, m.params, m.model, m.metrics));
  return db.LastInsertId();
}

core::StatusOr<std::optional<LearnedModelRecord>> FindLearnedModel(Db& db, int64_t id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT id, trained_at, trained_by, trained_by_name, as_of, params, model, "
                       "metrics FROM learned_models WHERE id = ?1 OR (?1 = 0 AND id = "
                       "(SELECT MAX(id) FROM learned_models))",
                       id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<LearnedModelRecord>();
  return std::optional<LearnedModelRecord>(LearnedModelRecord{
      q.Int(0), q.Text(1), q.OptInt(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6), q.Text(7)});
}

core::StatusOr<std::vector<LearnedModelRecord>> ListLearnedModels(Db& db, int64_t limit) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT id, trained_at, trained_by, trained_by_name, as_of, params, metrics "
                       "FROM learned_models ORDER BY id DESC LIMIT ?",
                       limit));
  std::vector<LearnedModelRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(
        {q.Int(0), q.Text(1), q.OptInt(2), q.Text(3), q.Text(4), q.Text(5), "", q.Text(6)});
  }
  return out;
}

core::Status InsertLearnedScore(Db& db, const LearnedScoreRecord& s) {
  return db.Exec(
      "INSERT INTO learned_scores (run_id, declaration_id, model_id, score_pm, features) "
      "VALUES (?, ?, ?, ?, ?)",
      s.run_id, s.declaration_id, s.model_id, s.score_pm, s.features);
}

core::StatusOr<std::vector<LearnedScoreRecord>> TopLearnedScores(Db& db, int64_t run_id,
                                                                 int64_t limit) {
  CORE_ASSIGN_OR_RETURN(Stmt q,
                        db.Query("SELECT run_id, declaration_id, model_id, score_pm, features "
                                 "FROM learned_scores WHERE run_id = ? "
                                 "ORDER BY score_pm DESC, declaration_id LIMIT ?",
                                 run_id, limit));
  std::vector<LearnedScoreRecord> out;
  while (true) {
    CORE_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ScoreFrom(q));
  }
  return out;
}

core::StatusOr<std::optional<LearnedScoreRecord>> NewestLearnedScore(Db& db,
                                                                     int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT run_id, declaration_id, model_id, score_pm, features "
                       "FROM learned_scores WHERE declaration_id = ? ORDER BY run_id DESC LIMIT 1",
                       declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<LearnedScoreRecord>();
  return std::optional<LearnedScoreRecord>(ScoreFrom(q));
}

core::Status InsertArrivalScore(Db& db, const ArrivalScoreRecord& s) {
  return db.Exec(
      "INSERT INTO learned_arrival_scores (routing_id, declaration_id, model_id, hits_run_id, "
      "score_pm, features) VALUES (?, ?, ?, ?, ?, ?)",
      s.routing_id, s.declaration_id, s.model_id, s.hits_run_id, s.score_pm, s.features);
}

core::StatusOr<std::optional<ArrivalScoreRecord>> NewestArrivalScore(Db& db,
                                                                     int64_t declaration_id) {
  CORE_ASSIGN_OR_RETURN(
      Stmt q, db.Query("SELECT a.routing_id, a.declaration_id, a.model_id, a.hits_run_id, "
                       "a.score_pm, a.features, r.at FROM learned_arrival_scores a JOIN "
                       "routing_decisions r ON r.id = a.routing_id WHERE a.declaration_id = ? "
                       "ORDER BY a.routing_id DESC LIMIT 1",
                       declaration_id));
  CORE_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<ArrivalScoreRecord>();
  ArrivalScoreRecord s;
  s.routing_id = q.Int(0);
  s.declaration_id = q.Int(1);
  s.model_id = q.Int(2);
  s.hits_run_id = q.OptInt(3);
  s.score_pm = q.Int(4);
  s.features = q.Text(5);
  s.at = q.Text(6);
  return std::optional<ArrivalScoreRecord>(std::move(s));
}

}  // namespace server
