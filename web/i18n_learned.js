// Labels of the learned risk score (issue 5, "a learned score"): the models and the training form
// on the risk page, the top scores of the newest run, and a declaration's score panel with its
// explanation, in Chinese (the default) and English. Merged into i18n.js's catalogue; no I/O.

export const TEXT = {
  'learned.title': ['学习型风险评分', 'Learned score'],
  'learned.intro': ['在已有查验结果的清单上训练梯度提升树（XGBoost），与规则模型并列使用；留出最新五分之一的清单，比较评分与规则模型合计分值在 5% 查验比例下的效果。',
                    'Gradient-boosted trees (XGBoost) trained on the lists with an inspection ' +
                    'outcome, beside the rule models; the newest fifth of those lists is held ' +
                    'out to compare the learned score with the rules\' summed scores at a 5% ' +
                    'inspection budget.'],
  'learned.models': ['已训练的模型', 'Trained models'],
  'learned.no_models': ['尚未训练模型。', 'No model trained yet.'],
  'learned.trained': ['训练时间 / 训练人', 'Trained / by'],
  'learned.as_of': ['数据日期', 'As of'],
  'learned.rows': ['已查验清单（不符）', 'Inspected lists (mismatched)'],
  'learned.params': ['参数', 'Parameters'],
  'learned.params_text': ['{trees} 棵树 · 深度 {depth} · 学习率 {eta}‰',
                          '{trees} trees · depth {depth} · eta {eta}‰'],
  'learned.holdout': ['留出检验：评分与规则对比', 'Holdout: learned vs rules'],
  'learned.holdout_caption': ['留出 {rows} 票（训练 {train} 票）；5% 查验比例 = {budget} 票',
                              '{rows} lists held out ({train} trained on); a 5% budget = ' +
                              '{budget} lists'],
  'learned.metric': ['指标', 'Measure'],
  'learned.learned': ['学习型评分', 'Learned'],
  'learned.rules': ['规则模型', 'Rules'],
  'learned.auc': ['曲线下面积（AUC）', 'AUC'],
  'learned.precision': ['5% 查验比例下的查准率', 'Precision at the 5% budget'],
  'learned.recall': ['5% 查验比例下的查全率', 'Recall at the 5% budget'],
  'learned.train': ['训练新模型', 'Train a model'],
  'learned.train_hint': ['用截至今日全部已查验清单的结果训练（至少 20 票且须同时有相符与不符；记入审计）。',
                         'Trains on every list inspected so far (at least 20, with both ' +
                         'outcomes; audited).'],
  'learned.rounds': ['树的数量（1–500）', 'Trees (1–500)'],
  'learned.max_depth': ['最大深度（1–10）', 'Maximum depth (1–10)'],
  'learned.train_go': ['训练', 'Train'],
  'learned.training': ['正在训练…', 'Training…'],
  'learned.trained_done': ['模型 {id} 已训练；下次运行风险模型时用它为每票清单评分。',
                           'Model {id} trained; the next risk run scores every list with it.'],
  'learned.too_early': ['暂不能训练：已查验清单不足。', 'Not enough inspection outcomes yet.'],
  'learned.top': ['第 {id} 次运行：学习型评分最高的清单', 'Run {id}: the highest learned scores'],
  'learned.top_none': ['本次运行未评分（运行时尚无已训练的模型）。',
                       'This run scored no list (no model was trained when it ran).'],
  'learned.top_no_run': ['尚未运行风险模型；运行后按最新模型为每票清单评分。',
                         'No risk run yet; a run scores every list with the newest model.'],
  'learned.rank': ['名次', 'Rank'],
  'learned.declaration': ['清单', 'List'],
  'learned.score': ['评分', 'Score'],
  'learned.model': ['模型', 'Model'],
  'learned.panel': ['学习型风险评分', 'Learned score'],
  'learned.not_scored': ['尚未评分：本清单到达时尚无已训练的模型；训练模型后运行风险模型即为其评分。',
                         'Not scored yet: no model was trained when this list arrived; a risk ' +
                         'run after training scores it.'],
  'learned.scored_by': ['第 {run} 次运行 · 模型 {model}', 'Run {run} · model {model}'],
  'learned.arrival_by': ['到达时评分 · 模型 {model} · 依据第 {run} 次运行的命中',
                         'Scored on arrival · model {model} · hits of run {run}'],
  'learned.arrival_no_run': ['到达时评分 · 模型 {model} · 尚无风险模型运行',
                             'Scored on arrival · model {model} · no risk run yet'],
  'learned.margin': ['对数几率', 'Log-odds'],
  'learned.bias': ['基准（无特征时）', 'Base (before any feature)'],
  'learned.contributions': ['主要影响因素', 'Top contributions'],
  'learned.contrib_hint': ['各特征对对数几率的贡献（XGBoost 近似贡献）；正值提高评分，负值降低评分；基准与全部贡献之和即为对数几率。',
                           'Each feature\'s contribution to the log-odds (XGBoost\'s approximate ' +
                           'contributions); positive raises the score, negative lowers it; the ' +
                           'base plus every contribution is the log-odds.'],
  'learned.feature': ['特征', 'Feature'],
  'learned.value': ['取值', 'Value'],
  'learned.contribution': ['贡献', 'Contribution'],
  'learned.missing': ['（缺失）', '(missing)'],
  'learned.chart_label': ['各特征对评分的贡献', 'Contributions to the score, by feature'],
  'learned.parity': ['页面内核复算：', 'The page\'s core recomputed it:'],
};

export const ENUMS = {};
