// Labels of the after-the-fact (事后监管) screens: findings and answers, the risk page, the
// chart tables and the credit charts, in Chinese (the default) and English. Merged into i18n.js's
// catalogue; no I/O.

export const TEXT = {
  'nav.findings': ['发现问题', 'Findings'],
  'nav.risk': ['风险模型', 'Risk models'],
  'chart.category': ['类别', 'Category'],

  'credit.cut_medium': ['中风险线（{n}）', 'Medium from {n}'],
  'credit.cut_high': ['高风险线（{n}）', 'High from {n}'],
  'credit.monthly_label': ['逐月清单、查验与查验不符数量', 'Lists, inspections and mismatches per month'],

  'portal.open_findings': ['待答复的发现问题：{n} 项', 'Open findings: {n}'],

  'findings.title': ['发现问题与答复', 'Findings and answers'],
  'findings.intro_enterprise': ['海关对本企业的发现问题：巡查、盘库、查验与退单。对未结的问题可提交说明或更正，由海关审核。',
                                'Customs\' findings against your enterprise: patrols, stocktakes, ' +
                                'inspections and rejected lists. Answer an open one with an ' +
                                'explanation or a correction; an officer reviews it.'],
  'findings.intro_customs': ['各企业的发现问题及其答复；对已答复的问题予以采纳，或说明理由后驳回。',
                             'Findings against enterprises and their answers; accept an answer, ' +
                             'or reject it with a note.'],
  'findings.none': ['暂无发现问题。', 'No findings.'],
  'findings.chart': ['发现问题逐月统计', 'Findings per month'],
  'findings.chart_label': ['各月发现问题数量（按状态）', 'Findings per month, by state'],
  'findings.answer': ['答复', 'Answer'],
  'findings.review': ['审核答复', 'Review the answer'],
  'findings.kind': ['答复类型', 'Kind'],
  'findings.text': ['内容', 'Text'],
  'findings.answer_go': ['提交答复', 'Send the answer'],
  'findings.answered': ['答复已提交，等待海关审核。', 'Answer sent; it waits for an officer.'],
  'findings.decision': ['审核结论', 'Decision'],
  'findings.note': ['审核意见（驳回时必填）', 'Note (required to reject)'],
  'findings.review_go': ['提交审核', 'Submit the review'],
  'findings.reviewed': ['审核已记录。', 'Review recorded.'],
  'findings.awaiting_review': ['等待海关审核', 'Waiting for an officer\'s review'],

  'risk.title': ['风险模型', 'Risk models'],
  'risk.intro': ['各风险模型的用途与阈值；可对全部已存储的申报立即运行，并查看每次运行各模型的命中情况。',
                 'What each model looks for and its thresholds; run every model over the stored ' +
                 'declarations now and read each run\'s hits by model.'],
  'risk.runs': ['运行记录', 'Runs'],
  'risk.run_now': ['立即运行', 'Run now'],
  'risk.run_hint': ['按默认阈值对全部已存储数据运行所有模型（记入审计）。',
                    'Runs every model over all stored data with the default thresholds (audited).'],
  'risk.running': ['正在运行…', 'Running…'],
  'risk.run_done': ['第 {id} 次运行已完成。', 'Run {id} done.'],
  'risk.no_runs': ['尚未运行。', 'No runs yet.'],
  'risk.run_title': ['第 {id} 次运行：各模型命中', 'Run {id}: hits by model'],
  'risk.by_model_label': ['各模型命中数', 'Hits by model'],
  'risk.models': ['模型（{n} 个）', 'Models ({n})'],
  'risk.model': ['模型', 'Model'],
  'risk.pick_model': ['选择模型查看命中…', 'Pick a model to see its hits…'],
  'risk.name': ['名称', 'Name'],
  'risk.looks_for': ['识别内容', 'Looks for'],
  'risk.subject': ['对象', 'Subject'],
  'risk.thresholds': ['阈值', 'Thresholds'],
  'risk.started_at': ['运行时间', 'Started'],
  'risk.started_by': ['运行人', 'Started by'],
  'risk.as_of': ['数据日期', 'As of'],
  'risk.declarations': ['申报清单数', 'Declarations'],
  'risk.hits': ['命中数', 'Hits'],
  'risk.hits_of': ['{model}：{n} 条命中', '{model}: {n} hits'],
  'risk.no_hits': ['该模型本次无命中。', 'No hits of this model in this run.'],
  'risk.score': ['分值', 'Score'],
  'risk.explanation': ['说明', 'Explanation'],
  'risk.behind': ['依据记录', 'Records behind it'],
  'risk.lists': ['清单', 'Lists'],
};

export const ENUMS = {
  finding_state: {open: ['待答复', 'Open'], answered: ['待审核', 'Answered'],
                  closed: ['已办结', 'Closed']},
  finding_object: {patrol_finding: ['巡查发现', 'Patrol finding'],
                   stocktake: ['盘库', 'Stocktake'], inspection: ['查验', 'Inspection'],
                   declaration: ['申报清单', 'Declaration list']},
  answer_kind: {explanation: ['情况说明', 'Explanation'], correction: ['更正', 'Correction']},
  answer_review: {accepted: ['采纳', 'Accepted'], rejected: ['驳回', 'Rejected']},
  risk_subject: {buyer: ['订购人', 'Buyer'], phone: ['电话', 'Phone'], address: ['地址', 'Address'],
                 payer: ['支付人', 'Payer'], enterprise: ['企业', 'Enterprise'],
                 declarant: ['申报人', 'Declarant'], code: ['商品编码', 'Commodity code'],
                 vehicle: ['车辆', 'Vehicle'], declaration: ['清单', 'Declaration']},
  risk_record: {observation: ['巡查记录', 'Observation'], mystery_order: ['神秘买家', 'Mystery order'],
                stocktake: ['盘库', 'Stocktake'], gate_pass: ['核放单', 'Gate pass'],
                inspection: ['查验', 'Inspection'], promotion: ['促销报备', 'Promotion']},
};
