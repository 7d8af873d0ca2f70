// The one place the page uses Chart.js (Debian's libjs-chart.js, served by the server at
// /vendor): a figure with a canvas drawn by Chart.js and, beside it, a visually hidden table with
// the same numbers for screen readers and tests. Loads the library once, on first use (network
// I/O); a page whose library fails to load still has the table.
import {h} from './dom.js';
import {t} from './i18n.js';

const LIBRARY = '/vendor/chart.js/chart.esm.js';
let library = null;

// Resolves to Chart with every controller, element, scale and plugin registered.
export function loadChartLibrary() {
  if (!library) {
    library = import(LIBRARY).then(({Chart, registerables}) => {
      Chart.register(...registerables);
      return Chart;
    }).catch((e) => {
      library = null;  // a later screen may try again
      throw e;
    });
  }
  return library;
}

// Colours come from the stylesheet's variables, so charts follow the page's palette (the CSP
// forbids inline styles in markup; Chart.js paints on the canvas, which it may).
function colour(tone) {
  const name = {brand: '--brand', ok: '--ok', warn: '--warn', bad: '--bad', info: '--info',
                muted: '--muted'}[tone] || '--brand';
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || '#0f4c81';
}

// A chart and its table. spec:
//   id          id of the <figure>; the canvas is `${id}-canvas`, the table `${id}-table`
//   type        'line' | 'bar'
//   label       the canvas's aria-label and the caption
//   labels      x-axis labels (one table row each)
//   series      [{key, label, values: [number], tone, pointTones?: [tone]}] (one table column
//               each; pointTones colours each point of a line or each bar, e.g. by risk level
//               or by sign)
//   lines       [{label, value, tone}] horizontal reference lines (e.g. cut-offs), line charts
//   stacked     stack the bars
//   horizontal  bars along the x axis, one row per label (e.g. a score's contributions, which
//               may be negative and fractional: the value axis then keeps its decimals)
//   yMax        fixed top of the y axis (e.g. 100 for a score)
//   rowAttrs    (i) => attributes of the table's i-th row (data-* for tests)
//   onPick      (i) => called when a bar or point is clicked
// The figure carries data-ready="true" once Chart.js drew it, data-ready="failed" otherwise.
export function chartFigure(spec) {
  const {id, label, labels, series} = spec;
  const canvas = h('canvas', {id: `${id}-canvas`, role: 'img', 'aria-label': label});
  const table = h('table', {class: 'data visually-hidden', id: `${id}-table`},
    h('caption', null, label),
    h('thead', null, h('tr', null, h('th', {scope: 'col'}, t('chart.category')),
                       series.map((s) => h('th', {scope: 'col'}, s.label)))),
    h('tbody', null, labels.map((l, i) => h('tr', spec.rowAttrs ? spec.rowAttrs(i) : null,
      h('th', {scope: 'row'}, l),
      series.map((s) => h('td', {class: 'num', 'data-series': s.key}, String(s.values[i])))))));
  const figure = h('figure', {class: 'chart', id, 'data-ready': 'false'},
                   h('div', {class: 'chart-box'}, canvas), table,
                   h('figcaption', {class: 'small muted'}, label));
  draw(figure, canvas, spec);
  return figure;
}

async function draw(figure, canvas, spec) {
  let Chart;
  try {
    Chart = await loadChartLibrary();
  } catch {
    figure.setAttribute('data-ready', 'failed');
    return;
  }
  const datasets = spec.series.map((s) => ({
    label: s.label, data: s.values, borderColor: colour(s.tone),
    backgroundColor: spec.type === 'bar' && s.pointTones ? s.pointTones.map(colour) :
                                                           colour(s.tone),
    pointBackgroundColor: s.pointTones ? s.pointTones.map(colour) : colour(s.tone),
    borderWidth: spec.type === 'line' ? 2 : 0, pointRadius: 4, tension: 0, fill: false,
    maxBarThickness: 48,
  }));
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {labels: spec.labels, datasets},
    plugins: [referenceLines],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,  // drawn at once: nothing moves under a reader's eyes (or a test's)
      plugins: {referenceLines: {lines: (spec.lines || []).map(
          (l) => ({label: l.label, value: l.value, colour: colour(l.tone)}))}},
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? {
        x: {beginAtZero: true, stacked: Boolean(spec.stacked), max: spec.yMax},
        y: {stacked: Boolean(spec.stacked)},
      } : {
        x: {stacked: Boolean(spec.stacked)},
        y: {beginAtZero: true, stacked: Boolean(spec.stacked), max: spec.yMax,
            ticks: {precision: 0}},
      },
      onClick: spec.onPick ? (event, elements) => {
        if (elements.length) spec.onPick(elements[0].index);
      } : undefined,
    },
  });
  figure.chart = chart;
  figure.setAttribute('data-ready', 'true');
}

// Horizontal reference lines (e.g. a policy's cut-offs) across the whole plot, dashed, labelled
// at their right end: drawn here rather than as datasets, so they span the plot even when the
// chart has a single point. Options: {lines: [{label, value, colour}]}.
const referenceLines = {
  id: 'referenceLines',
  afterDatasetsDraw(chart, args, options) {
    const {ctx, chartArea: area, scales: {y}} = chart;
    for (const line of options.lines || []) {
      const at = y.getPixelForValue(line.value);
      ctx.save();
      ctx.strokeStyle = line.colour;
      ctx.fillStyle = line.colour;
      ctx.lineWidth = 1;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(area.left, at);
      ctx.lineTo(area.right, at);
      ctx.stroke();
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillText(line.label, area.right - 4, at - 2);
      ctx.restore();
    }
  },
};

// Counts of items per month and per group: {months: ['2026-10', ...], groups: {g: [n, ...]}},
// months ascending, every month between the first and the last (so gaps show as zeros).
export function countByMonth(items, monthOf, groupOf, groupKeys) {
  const seen = items.map(monthOf).filter(Boolean).sort();
  const months = [];
  if (seen.length) {
    let [y, m] = seen[0].split('-').map(Number);
    const last = seen[seen.length - 1];
    for (;;) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      months.push(key);
      if (key >= last) break;
      m += 1;
      if (m > 12) [y, m] = [y + 1, 1];
    }
  }
  const groups = Object.fromEntries(groupKeys.map((g) => [g, months.map(() => 0)]));
  for (const item of items) {
    const i = months.indexOf(monthOf(item));
    const g = groupOf(item);
    if (i >= 0 && groups[g]) groups[g][i] += 1;
  }
  return {months, groups};
}
