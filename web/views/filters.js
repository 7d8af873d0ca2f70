// Filter bar shared by the list screens: selects and a search box whose values live in the
// screen's hash query (so back/forward and reload keep them). DOM only.
import {h} from '../dom.js';
import {t} from '../i18n.js';

// A select with an "all" option; values[] are the choices, label(v) their text.
export function selectFilter(key, label, values, labelOf, current) {
  const input = h('select', {id: `filter-${key}`, name: key},
    h('option', {value: ''}, t('filter.all')),
    values.map((v) => h('option', {value: v, selected: v === current}, labelOf(v))));
  return {key, input, node: h('label', {class: 'filter'}, h('span', null, label), input)};
}

export function textFilter(key, label, placeholder, current) {
  const input = h('input', {id: `filter-${key}`, name: key, type: 'search', placeholder,
                            value: current || ''});
  return {key, input, node: h('label', {class: 'filter filter-grow'}, h('span', null, label),
                              input)};
}

// A form applying every filter at once (offset back to 0); selects apply on change.
export function filterBar(ctx, filters) {
  const apply = (e) => {
    if (e) e.preventDefault();
    const q = {};
    for (const f of filters) q[f.key] = f.input.value.trim();
    ctx.setQuery(q);
  };
  for (const f of filters) {
    if (f.input.tagName === 'SELECT') f.input.addEventListener('change', apply);
  }
  return h('form', {class: 'filterbar', id: 'filters', onsubmit: apply, role: 'search'},
           filters.map((f) => f.node),
           h('button', {type: 'submit', class: 'btn', id: 'filter-apply'}, t('filter.apply')));
}
