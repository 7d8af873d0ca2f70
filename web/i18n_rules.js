// Labels of the dynamic routing rules (issue 5): each rule's hits and outcomes on the rules
// page, and the seasonal focus and adaptive share in the editor, in Chinese (the default) and
// English. Merged into i18n.js's catalogue; no I/O.

export const TEXT = {
  'rules.stats_title': ['规则命中与处置结果', 'Rule hits and their outcomes'],
  'rules.stats_hint': ['统计期内各规则命中的清单、由其决定处置的清单、查验结果与不符率。查验不少于 {n} 票且无一不符、或不符率低于全部查验清单不符率 × {factor} 的规则标记为“噪声”。',
                       'Per rule over the period: lists it matched and decided, their inspection ' +
                       'outcomes and mismatch rate. A rule with at least {n} inspected lists and ' +
                       'no mismatch, or a mismatch rate below the overall rate × {factor}, is ' +
                       'marked as noise.'],
  'rules.stats_apply': ['统计', 'Show'],
  'rules.stats_lists': ['经布控判定的清单', 'Lists routed'],
  'rules.stats_inspected': ['查验', 'Inspected'],
  'rules.stats_mismatches': ['不符', 'Mismatches'],
  'rules.stats_overall_rate': ['全部查验不符率', 'Overall mismatch rate'],
  'rules.stats_matched': ['命中', 'Matched'],
  'rules.stats_decided': ['决定处置', 'Decided'],
  'rules.stats_rate': ['不符率', 'Mismatch rate'],
  'rules.stats_noise': ['评价', 'Assessment'],
  'rules.noise': ['噪声', 'Noise'],

  'rules.season': ['季节性布控（每年重复）', 'Seasonal focus (every year)'],
  'rules.season_from': ['起始（月-日）', 'From (month-day)'],
  'rules.season_to': ['截止（月-日）', 'To (month-day)'],
  'rules.season_hint': ['格式 MM-DD；截止早于起始时跨年，如 12-15 至 01-10。与有效期同时适用。',
                        'MM-DD; a "to" before "from" runs over the year end, e.g. 12-15 to ' +
                        '01-10. Applies within the validity window.'],
  'rules.adaptive': ['按历史调整适用比例', 'Adjust from history'],
  'rules.adaptive_min_pm': ['最低比例（‰）', 'Lowest share (‰)'],
  'rules.adaptive_max_pm': ['最高比例（‰）', 'Highest share (‰)'],
  'rules.adaptive_window_days': ['统计天数', 'Window (days)'],
  'rules.adaptive_min_inspections': ['最少查验票数', 'Fewest inspections'],
  'rules.adaptive_hint': ['仅限查验或人工审核规则：按本规则命中清单的查验不符率的 2 倍（限于最低与最高比例之间）随机抽取适用；查验票数不足时按最高比例适用。',
                          'Inspect or manual review rules only: the rule applies to a random ' +
                          'share of its matches, twice its mismatch rate within the lowest and ' +
                          'highest share; with too few inspections, the highest share.'],
};

export const ENUMS = {
  noise_reason: {RULE_NO_MISMATCH: ['查验均相符', 'No mismatch found'],
                 RULE_BELOW_OVERALL_RATE: ['不符率偏低', 'Mismatch rate below the overall rate']},
};
