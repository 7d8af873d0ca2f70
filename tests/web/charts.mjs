// Reading a Chart.js chart of the page from a test: the numbers Chart.js drew (through
// Chart.getChart on the figure's canvas, the library's own instance, imported in the page) and
// those of the figure's accessible table. Browser I/O through Playwright.

// Waits until web/charts.js drew the figure; resolves to {labels, datasets:
// [{label, data}], lines: [value of each reference line]}.
export async function chartData(page, figureId) {
  await page.locator(`#${figureId}[data-ready="true"]`).waitFor();
  return page.evaluate(async (id) => {
    const {Chart} = await import('/vendor/chart.js/chart.esm.js');
    const chart = Chart.getChart(document.getElementById(`${id}-canvas`));
    if (!chart) return null;
    const ref = chart.options.plugins.referenceLines;
    return {labels: chart.data.labels.map(String),
            datasets: chart.data.datasets.map((d) => ({label: d.label, data: d.data.map(Number)})),
            lines: ((ref && ref.lines) || []).map((l) => l.value)};
  }, figureId);
}

// The rows of the figure's table as objects of their data-* attributes.
export async function chartRows(page, figureId) {
  return page.locator(`#${figureId}-table tbody tr`).evaluateAll(
      (rows) => rows.map((r) => ({...r.dataset})));
}
