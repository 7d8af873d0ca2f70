// WebAssembly side of the parity test (node; reads files, writes stdout): loads the same tables,
// lists and policy as parity_native into the wasm core through its embind functions and prints
// the same "<name>\t<verdict json>" lines.
// Usage: node parity_wasm.mjs <path/to/core.mjs> <source dir>
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modPath, source] = process.argv.slice(2);
if (!modPath || !source) {
  console.error('usage: node parity_wasm.mjs <core.mjs> <source dir>');
  process.exit(2);
}

// The module is built for the browser (ENVIRONMENT=web): node must hand it the wasm bytes
// (TOOLCHAIN W2/W4).
const { default: createCore } = await import(pathToFileURL(modPath).href);
const core = await createCore({ wasmBinary: readFileSync(modPath.replace(/\.mjs$/, '.wasm')) });

const text = (rel) => readFileSync(`${source}/${rel}`, 'utf8');
const tables = {
  divisions: 'data/reference/gbt2260/divisions_history.csv',
  hs8: 'data/reference/hs8-commodity-codes/hs8_years_2015_2023.csv',
  countries: 'data/reference/customs-country-codes/countries.csv',
  positive_list: 'data/lists/positive_list.csv',
  controls: 'data/lists/controls.csv',
  high_risk: 'data/lists/high_risk.csv',
  tax_rates: 'data/tax/rates.csv',
};
for (const [name, rel] of Object.entries(tables)) {
  const r = JSON.parse(core.loadTable(name, text(rel)));
  if (!r.ok) {
    console.error(`${rel}: ${r.error}`);
    process.exit(1);
  }
}
const defaultPolicyText = text('data/policy/default.json');
const p = JSON.parse(core.loadPolicy(defaultPolicyText));
if (!p.ok) {
  console.error(`default.json: ${p.error}`);
  process.exit(1);
}
const defaultPolicy = JSON.parse(defaultPolicyText);

const entry = {
  admission: core.evaluateAdmission,
  goods: core.evaluateGoods,
  identifier: core.checkIdentifier,
  tax: core.computeTax,
  quota: core.checkQuota,
  reconcile: core.reconcile,
  ledger_balances: core.ledgerBalances,
  ledger_trace: core.ledgerTrace,
  ledger_whatif: core.ledgerWhatIf,
  gate: core.gateCheck,
  promotion_check: core.promotionCheck,
  promotion_summary: core.promotionSummary,
  rule_validate: core.validateRule,
  route: core.route,
  preview: core.previewRule,
  draw: core.drawInspectors,
  draw_targets: core.drawTargets,
  credit: core.assessCredit,
};
const lines = [];
// Every tests/parity/scenarios*.json file, in name order, as parity_native reads them.
const files = readdirSync(`${source}/tests/parity`)
  .filter((f) => /^scenarios.*\.json$/.test(f))
  .sort();
const scenarios = files.flatMap((f) => JSON.parse(text(`tests/parity/${f}`)));
for (const s of scenarios) {
  const fn = entry[s.kind];
  if (!fn) {
    console.error(`${s.name}: unknown kind ${s.kind}`);
    process.exit(1);
  }
  const request = typeof s.request === 'string' ? s.request : JSON.stringify(s.request);
  // A scenario's "policy" replaces those top-level keys of default.json for it alone, as in
  // parity_native.
  if (s.policy !== undefined) {
    const r = JSON.parse(core.loadPolicy(JSON.stringify({ ...defaultPolicy, ...s.policy })));
    if (!r.ok) {
      console.error(`${s.name}: policy: ${r.error}`);
      process.exit(1);
    }
  }
  lines.push(`${s.name}\t${fn(request)}\n`);
  if (s.policy !== undefined) core.loadPolicy(defaultPolicyText);
}
process.stdout.write(lines.join(''));
