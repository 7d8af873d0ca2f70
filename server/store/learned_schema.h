// Migration 15 (issue 5, the learned risk score): XGBoost models trained on past inspection
// outcomes, kept as the core's trees with how well they ranked lists they had not seen, and the
// score each risk run gave every list with the values it read, so any score can be explained
// again, by the server or by the browser's core, exactly. SQL text only; no I/O.
#pragma once

#include <string_view>

namespace server {

inline constexpr std::string_view kLearnedSchema = R"sql(
CREATE TABLE learned_models (
  id INTEGER PRIMARY KEY,
  trained_at TEXT NOT NULL,
  trained_by INTEGER REFERENCES users(id),
  trained_by_name TEXT NOT NULL,
  as_of TEXT NOT NULL,              -- the day the training data ends
  params TEXT NOT NULL,             -- JSON: rounds, max_depth, eta_pm, seed
  model TEXT NOT NULL,              -- core TreeEnsembleToJson
  metrics TEXT NOT NULL             -- JSON: rows, frauds, holdout ranking figures
);

-- The learned score of each list in a risk run (model: the newest when the run ran).
CREATE TABLE learned_scores (
  run_id INTEGER NOT NULL REFERENCES risk_runs(id),
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  model_id INTEGER NOT NULL REFERENCES learned_models(id),
  score_pm INTEGER NOT NULL,
  features TEXT NOT NULL,           -- the row's values, JSON array (null: missing)
  PRIMARY KEY (run_id, declaration_id)
) WITHOUT ROWID;
CREATE INDEX learned_scores_rank ON learned_scores(run_id, score_pm DESC, declaration_id);
CREATE INDEX learned_scores_declaration ON learned_scores(declaration_id, run_id);
)sql";

// Migration 17: what each list was found to be when it arrived (at routing): the consumer
// models' hits on its subjects over its neighbourhood (core/risk_arrival.h), and its learned
// score from the newest model over the newest run's hits and those, with the values read, so the
// routing's context can be explained later. Rows per routing decision.
inline constexpr std::string_view kLearnedArrivalSchema = R"sql(
CREATE TABLE learned_arrival_scores (
  routing_id INTEGER PRIMARY KEY REFERENCES routing_decisions(id),
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  model_id INTEGER NOT NULL REFERENCES learned_models(id),
  hits_run_id INTEGER REFERENCES risk_runs(id),  -- NULL: no run yet, no model column raised
  score_pm INTEGER NOT NULL,
  features TEXT NOT NULL            -- the row's values, JSON array (null: missing)
);
CREATE INDEX learned_arrival_scores_declaration ON learned_arrival_scores(declaration_id,
                                                                          routing_id);

CREATE TABLE arrival_risk_hits (
  routing_id INTEGER NOT NULL REFERENCES routing_decisions(id),
  seq INTEGER NOT NULL,             -- registry order, then subject (core RunArrivalModels)
  declaration_id INTEGER NOT NULL REFERENCES declarations(id),
  model TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  score INTEGER NOT NULL,
  hit TEXT NOT NULL,                -- core RiskHitToJson
  PRIMARY KEY (routing_id, seq)
) WITHOUT ROWID;
CREATE INDEX arrival_risk_hits_declaration ON arrival_risk_hits(declaration_id, routing_id);
)sql";

}  // namespace server
