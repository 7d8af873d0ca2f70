// The credit page's charts (Chart.js through web/charts.js): the assessments' scores over time
// with the policy's medium and high cut-offs, and the monthly outcomes. DOM only; the chart
// library is loaded by charts.js.
import {h} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {chartFigure} from '../charts.js';

const LEVEL_TONE = {low: 'ok', medium: 'warn', high: 'bad'};

// The scores of the assessments, oldest first, one point per assessment on a 0..100 axis, with
// the cut-offs the core used drawn as lines. The table's rows carry each assessment's figures.
export function trendChart(trend, {medium, high}) {
  const list = trend || [];
  if (!list.length) return h('p', {class: 'muted', id: 'credit-trend'}, t('credit.trend_none'));
  const figure = chartFigure({
    id: 'credit-trend', type: 'line', label: t('credit.trend_label', {medium, high}),
    labels: list.map((a) => a.as_of),
    series: [{key: 'score', label: t('credit.score'), values: list.map((a) => a.score),
              tone: 'brand', pointTones: list.map((a) => LEVEL_TONE[a.risk_level] || 'brand')}],
    lines: [{label: t('credit.cut_medium', {n: medium}), value: medium, tone: 'warn'},
            {label: t('credit.cut_high', {n: high}), value: high, tone: 'bad'}],
    yMax: 100,
    rowAttrs: (i) => ({'data-id': list[i].id, 'data-score': list[i].score,
                       'data-level': list[i].risk_level, 'data-as-of': list[i].as_of,
                       title: enumLabel('grade', list[i].recommended_grade)}),
  });
  figure.setAttribute('data-marks', list.length);
  return figure;
}

// Lists, inspections and mismatches per month as grouped bars (the table below the chart keeps
// the rejections too).
export function monthlyChart(monthly) {
  const list = monthly || [];
  if (!list.length) return null;
  const col = (key) => list.map((m) => m[key]);
  return chartFigure({
    id: 'credit-monthly-chart', type: 'bar', label: t('credit.monthly_label'),
    labels: list.map((m) => m.month),
    series: [{key: 'lists', label: t('credit.lists'), values: col('lists'), tone: 'brand'},
             {key: 'inspections', label: t('credit.inspections'), values: col('inspections'),
              tone: 'warn'},
             {key: 'mismatches', label: t('credit.mismatches'), values: col('mismatches'),
              tone: 'bad'}],
    rowAttrs: (i) => ({'data-month': list[i].month, 'data-lists': list[i].lists,
                       'data-inspections': list[i].inspections,
                       'data-mismatches': list[i].mismatches}),
  });
}
