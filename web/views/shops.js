// Online patrol: the shops customs patrols, each with its last patrol and how many findings it
// has; customs register a shop here. Enterprise users see their own shops. Reads GET
// /api/v1/shops; writes POST /shops.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, card, dataTable, errorBanner, loadingNote} from '../components.js';
import {formatTimestamp} from '../format.js';

export function taskBadge(task) {
  if (!task) return badge('muted', t('shop.never'));
  const tone = task.status === 'done' ? 'ok' : task.status === 'failed' ? 'bad' : 'warn';
  return badge(tone, enumLabel('task_status', task.status), {'data-status': task.status});
}

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('shop.title')), loadingNote());
  const page = await get('/shops', {limit: 200});
  if (!ctx.isCurrent()) return;
  const customs = ctx.session.user.role !== 'enterprise';
  replace(ctx.el, h('h1', null, t('shop.title')),
    card(null, dataTable([
      {label: t('col.id'), cell: (s) => String(s.id), class: 'num'},
      {label: t('shop.name'), cell: (s) => s.name},
      {label: t('col.enterprise'), cell: (s) => s.enterprise_name},
      {label: t('shop.url'), cell: (s) => h('code', null, s.base_url)},
      {label: t('shop.last_patrol'), cell: (s) => taskBadge(s.last_patrol)},
      {label: t('shop.findings'), cell: (s) => String(s.findings), class: 'num'},
      {label: t('shop.next_due'), cell: (s) => formatTimestamp(s.next_due_at), class: 'nowrap'},
    ], page.items || [], {
      id: 'shops-table', empty: t('shop.none'),
      rowAttrs: (s) => ({'data-id': s.id}),
      onOpen: (s) => ctx.navigate(`#/shops/${s.id}`),
    })),
    customs ? card(t('shop.register'), registerForm(ctx)) : null);
}

function registerForm(ctx) {
  const inputs = {
    enterprise: h('input', {id: 'shop-enterprise', type: 'number', min: 1, required: true}),
    name: h('input', {id: 'shop-name', required: true}),
    url: h('input', {id: 'shop-url', class: 'mono', placeholder: 'https://shop.example.cn/',
                     required: true}),
    cycle: h('input', {id: 'shop-cycle', type: 'number', min: 1, max: 366, value: 30}),
  };
  const error = h('div', {id: 'shop-error'});
  return h('form', {class: 'form', id: 'shop-form', onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    try {
      const r = await post('/shops', {
        enterprise_id: Number.parseInt(inputs.enterprise.value, 10),
        name: inputs.name.value, base_url: inputs.url.value.trim(),
        cycle_days: Number.parseInt(inputs.cycle.value, 10)});
      ctx.navigate(`#/shops/${r.shop.id}`);
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }},
  h('label', null, t('shop.enterprise_id'), inputs.enterprise),
  h('label', null, t('shop.name'), inputs.name),
  h('label', null, t('shop.url'), inputs.url),
  h('label', null, t('shop.cycle'), inputs.cycle),
  h('button', {type: 'submit', class: 'btn', id: 'shop-submit'}, t('shop.register')), error);
}
