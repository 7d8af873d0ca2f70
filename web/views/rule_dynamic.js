// The dynamic parts of a routing rule in the editor: a seasonal focus (month-days of every year,
// which may wrap the year end) and an adaptive share (an inspect or manual review rule applying
// to a share of its matches that follows its own inspection record). Builds the inputs and reads
// them back in the core's JSON form; the core checks them. No I/O.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {field} from './live.js';

const ADAPTIVE_DEFAULTS = {min_pm: 100, max_pm: 1000, window_days: 90, min_inspections: 10};
const ADAPTIVE_KEYS = Object.keys(ADAPTIVE_DEFAULTS);

// An integer from a number input; -1 (refused by the core, so the error shows) when not one.
const intOf = (input) => {
  const n = Number.parseInt(input.value, 10);
  return Number.isFinite(n) ? n : -1;
};

// {node, value(), markInvalid(errors)}; onChange runs after every edit.
export function dynamicInputs(rule, onChange) {
  const season = rule.season || null;
  const adaptive = rule.adaptive || null;
  const seasonOn = h('input', {id: 'rule-season-on', type: 'checkbox', checked: Boolean(season)});
  const monthDay = (id, value) => h('input', {id, class: 'mono', placeholder: 'MM-DD',
                                              maxlength: 5, autocomplete: 'off',
                                              value: value || ''});
  const seasonFrom = monthDay('rule-season-from', season && season.from);
  const seasonTo = monthDay('rule-season-to', season && season.to);
  const adaptiveOn = h('input', {id: 'rule-adaptive-on', type: 'checkbox',
                                 checked: Boolean(adaptive)});
  const numbers = {};
  for (const key of ADAPTIVE_KEYS) {
    numbers[key] = h('input', {id: `rule-adaptive-${key.replace('_', '-')}`, type: 'number',
                               min: 0, step: 1,
                               value: String((adaptive || ADAPTIVE_DEFAULTS)[key])});
  }

  const sync = () => {
    seasonFrom.disabled = seasonTo.disabled = !seasonOn.checked;
    for (const input of Object.values(numbers)) input.disabled = !adaptiveOn.checked;
  };
  for (const input of [seasonOn, adaptiveOn]) {
    input.addEventListener('change', () => { sync(); onChange(); });
  }
  for (const input of [seasonFrom, seasonTo, ...Object.values(numbers)]) {
    input.addEventListener('input', onChange);
  }
  sync();

  const node = h('div', {class: 'dynamic-rule'},
    h('fieldset', {class: 'qual-row', id: 'rule-season'},
      h('legend', null, h('label', {class: 'inline'}, seasonOn, ' ', t('rules.season'))),
      h('div', {class: 'row-grid'},
        field('rule-season-from', t('rules.season_from'), seasonFrom),
        field('rule-season-to', t('rules.season_to'), seasonTo)),
      h('small', {class: 'hint'}, t('rules.season_hint'))),
    h('fieldset', {class: 'qual-row', id: 'rule-adaptive'},
      h('legend', null, h('label', {class: 'inline'}, adaptiveOn, ' ', t('rules.adaptive'))),
      h('div', {class: 'row-grid'},
        field('rule-adaptive-min-pm', t('rules.adaptive_min_pm'), numbers.min_pm),
        field('rule-adaptive-max-pm', t('rules.adaptive_max_pm'), numbers.max_pm)),
      h('div', {class: 'row-grid'},
        field('rule-adaptive-window-days', t('rules.adaptive_window_days'), numbers.window_days),
        field('rule-adaptive-min-inspections', t('rules.adaptive_min_inspections'),
              numbers.min_inspections)),
      h('small', {class: 'hint'}, t('rules.adaptive_hint'))));

  return {
    node,
    value: () => ({
      season: seasonOn.checked ? {from: seasonFrom.value.trim(), to: seasonTo.value.trim()} :
          null,
      adaptive: adaptiveOn.checked ?
          Object.fromEntries(ADAPTIVE_KEYS.map((k) => [k, intOf(numbers[k])])) : null,
    }),
    // The core names season.from, adaptive.max_pm, ... (or the whole group).
    markInvalid: (errors) => {
      const bad = (name) => errors.some((e) => e.field === name ||
                                                (e.field || '').startsWith(`${name}.`));
      const pairs = [['season.from', seasonFrom], ['season.to', seasonTo],
                     ...ADAPTIVE_KEYS.map((k) => [`adaptive.${k}`, numbers[k]])];
      for (const [name, input] of pairs) {
        const group = name.split('.')[0];
        const own = errors.some((e) => e.field === name);
        const whole = errors.some((e) => e.field === group);
        input.setAttribute('aria-invalid', own || (whole && bad(group)) ? 'true' : 'false');
      }
    },
  };
}
