// One shop: its patrols (live progress while one runs), the findings with the evidence behind
// each (the evidence viewer shows exactly the bytes the crawler fetched, as text), and for
// customs the mystery orders and the site profile (new versions only). Reads GET
// /api/v1/shops/{id}, /patrol-tasks/{id}, /evidence/{id}(/body), /mystery-orders,
// /covert-buyers; writes POST /shops/{id}/patrols, /mystery-orders, /profiles.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {card, dataTable, errorBanner, facts, loadingNote, severityBadge} from
    '../components.js';
import {formatFen, formatTimestamp} from '../format.js';
import {taskBadge} from './shops.js';

export async function render(ctx) {
  const id = ctx.params[0];
  replace(ctx.el, h('h1', null, t('shop.title')), loadingNote());
  const detail = await get(`/shops/${id}`);
  if (!ctx.isCurrent()) return;
  const customs = ctx.session.user.role !== 'enterprise';
  const s = detail.shop;
  const viewer = h('div', {id: 'evidence-viewer'});
  const running = (detail.tasks || []).some((x) => x.status === 'queued' || x.status === 'leased');
  replace(ctx.el, h('h1', null, s.name),
    card(null, facts([[t('col.enterprise'), s.enterprise_name],
                      [t('shop.url'), h('code', null, s.base_url)],
                      [t('shop.cycle'), String(s.cycle_days)],
                      [t('shop.next_due'), formatTimestamp(s.next_due_at)]], {id: 'shop-facts'}),
         customs ? patrolButton(ctx, id) : null),
    card(t('shop.findings'), findingsTable(detail.findings || [], viewer, customs), viewer),
    card(t('shop.tasks'), dataTable([
      {label: t('col.id'), cell: (x) => String(x.id), class: 'num'},
      {label: t('shop.kind'), cell: (x) => enumLabel('task_kind', x.kind)},
      {label: t('col.status'), cell: (x) => taskBadge(x)},
      {label: t('shop.progress'), cell: (x) => progressText(x)},
      {label: t('shop.attempts'), cell: (x) => String(x.attempts), class: 'num'},
      {label: t('shop.created'), cell: (x) => formatTimestamp(x.created_at), class: 'nowrap'},
    ], detail.tasks || [], {id: 'shop-tasks', empty: t('shop.no_tasks'),
                             rowAttrs: (x) => ({'data-id': x.id, 'data-status': x.status})})),
    customs ? card(t('shop.mystery'), await mysterySection(ctx, id)) : null,
    customs ? card(t('shop.profile'), profileEditor(ctx, id, detail.profile)) : null);
  // A patrol in progress: refresh until it is over, so its progress shows live.
  if (running) {
    setTimeout(() => { if (ctx.isCurrent()) render(ctx); }, 3000);
  }
}

function progressText(task) {
  const p = task.progress || {};
  if (task.status === 'done' && task.result) {
    return t('shop.result', {observations: task.result.observations ?? '–',
                             findings: task.result.findings ?? '–'});
  }
  if (p.pages !== undefined) return t('shop.pages', {pages: p.pages, products: p.products ?? 0});
  return task.result && task.result.error ? task.result.error : '';
}

function patrolButton(ctx, id) {
  const error = h('div', {id: 'patrol-error'});
  return h('div', null, h('button', {type: 'button', class: 'btn', id: 'queue-patrol',
    onclick: async () => {
      replace(error);
      try {
        await post(`/shops/${id}/patrols`, {});
        ctx.navigate(`#/shops/${id}`);
      } catch (err) {
        replace(error, errorBanner(err));
      }
    }}, t('shop.queue_patrol')), error);
}

function findingsTable(findings, viewer, customs) {
  return dataTable([
    {label: t('shop.severity'), cell: (f) => severityBadge(f.severity)},
    {label: t('shop.code'), cell: (f) => h('code', null, f.code)},
    {label: 'SKU', cell: (f) => f.sku},
    {label: t('shop.message'), cell: (f) => f.message_zh + ' / ' + f.message_en},
    {label: t('shop.evidence'), cell: (f) => (customs && f.evidence_id ?
      h('button', {type: 'button', class: 'btn btn-small', 'data-evidence': f.evidence_id,
                   onclick: (e) => { e.stopPropagation(); showEvidence(viewer, f.evidence_id); }},
        t('shop.open_evidence')) : '')},
  ], findings, {id: 'shop-findings', empty: t('shop.no_findings'),
                rowAttrs: (f) => ({'data-code': f.code})});
}

// The evidence viewer: what was fetched, when, with which status and headers, and the body as
// text (never rendered as a page), with its SHA-256.
async function showEvidence(viewer, id) {
  replace(viewer, loadingNote());
  try {
    const meta = (await get(`/evidence/${id}`)).evidence;
    const res = await fetch(`/api/v1/evidence/${id}/body`, {credentials: 'same-origin'});
    const body = await res.text();
    replace(viewer, h('h3', null, t('shop.evidence'), ` #${id}`),
      facts([['URL', h('code', null, meta.url)], [t('shop.fetched_at'), meta.fetched_at],
             ['HTTP', String(meta.status)], ['SHA-256', h('code', {id: 'evidence-sha'}, meta.sha256)],
             [t('shop.size'), String(meta.body_size)]]),
      h('details', null, h('summary', null, t('shop.headers')),
        h('pre', {class: 'small'}, (meta.headers || []).map((x) => `${x[0]}: ${x[1]}`).join('\n'))),
      h('pre', {class: 'small evidence-body', id: 'evidence-body'}, body));
  } catch (err) {
    replace(viewer, errorBanner(err));
  }
}

async function mysterySection(ctx, id) {
  const [orders, buyers] = await Promise.all([get('/mystery-orders'), get('/covert-buyers')]);
  const mine = (orders.items || []).filter((m) => String(m.shop_id) === String(id));
  const buyer = h('select', {id: 'mystery-buyer'},
                  (buyers.items || []).map((b) => h('option', {value: b.id}, `${b.id} ${b.name}`)));
  const sku = h('input', {id: 'mystery-sku', class: 'mono', required: true});
  const error = h('div', {id: 'mystery-error'});
  return h('div', null, dataTable([
    {label: t('col.id'), cell: (m) => String(m.id), class: 'num'},
    {label: 'SKU', cell: (m) => m.sku},
    {label: t('col.status'), cell: (m) => enumLabel('mystery_status', m.status)},
    {label: t('shop.order_no'), cell: (m) => m.order_no},
    {label: t('shop.total'), cell: (m) => (m.total_fen === null ? '' : formatFen(m.total_fen)),
     class: 'num'},
    {label: t('shop.declaration'), cell: (m) => (m.declaration_id ?
      h('a', {href: `#/declarations/${m.declaration_id}`}, `#${m.declaration_id}`) : '')},
  ], mine, {id: 'mystery-orders', empty: t('shop.no_mystery'),
            rowAttrs: (m) => ({'data-status': m.status})}),
  h('form', {class: 'form', id: 'mystery-form', onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    try {
      await post(`/shops/${id}/mystery-orders`,
                 {buyer_id: Number.parseInt(buyer.value, 10), sku: sku.value.trim()});
      ctx.navigate(`#/shops/${id}`);
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }}, h('label', null, t('shop.buyer'), buyer), h('label', null, 'SKU', sku),
  h('button', {type: 'submit', class: 'btn', id: 'mystery-submit'}, t('shop.queue_mystery')),
  error));
}

// The profile under edit as an object, or null with the reason shown in `error`.
function parseProfile(text, error) {
  try {
    return JSON.parse(text.value);
  } catch (err) {
    replace(error, h('p', {class: 'banner banner-bad', role: 'alert'},
                     t('shop.profile_not_json'), ' ', String(err.message)));
    return null;
  }
}

// Live preview: a crawler fetches the page and reads it with the profile being edited; the page
// polls the task until the reading is in.
async function runPreview(ctx, id, profile, url, out) {
  replace(out, h('p', {class: 'muted', id: 'preview-waiting'}, t('shop.preview_waiting')));
  const queued = await post(`/shops/${id}/preview`, {profile, url});
  for (let i = 0; i < 120 && ctx.isCurrent(); i += 1) {
    const task = (await get(`/patrol-tasks/${queued.task.id}`)).task;
    if (task.status === 'done' || task.status === 'failed') {
      const p = (task.result && task.result.preview) || {};
      const product = p.product || {};
      const money = (v) => (v === null || v === undefined ? '–' : formatFen(v));
      replace(out, task.status === 'failed'
        ? h('p', {class: 'banner banner-bad', role: 'alert'}, (task.result || {}).error || '')
        : h('div', {id: 'profile-preview', 'data-status': p.status},
            facts([['HTTP', String(p.status)], [t('shop.name'), product.name || '–'],
                   ['SKU', product.sku || '–'],
                   [t('shop.price'), h('span', {id: 'preview-price'}, money(product.price))],
                   [t('shop.old_price'), money(product.old_price)],
                   [t('shop.freight'), money(product.freight)],
                   [t('shop.links'), String(((p.links || {}).product_links || []).length)]]),
            h('details', null, h('summary', null, t('decl.routing_record')),
              h('pre', {class: 'small'}, JSON.stringify(p, null, 2)))));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function profileEditor(ctx, id, profile) {
  const text = h('textarea', {id: 'profile-json', class: 'mono', rows: 18, spellcheck: 'false'},
                 profile ? JSON.stringify(profile.profile, null, 2) : '');
  const comment = h('input', {id: 'profile-comment'});
  const error = h('div', {id: 'profile-error'});
  const previewUrl = h('input', {id: 'preview-url', class: 'mono',
                                 placeholder: 'http://shop.example.cn/item/1'});
  const previewOut = h('div', {id: 'preview-out'});
  return h('form', {class: 'form', id: 'profile-form', onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    const parsed = parseProfile(text, error);
    if (parsed === null) return;
    try {
      await post(`/shops/${id}/profiles`, {profile: parsed, comment: comment.value});
      ctx.navigate(`#/shops/${id}`);
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }}, h('p', {class: 'muted'}, profile ? t('shop.profile_version', {version: profile.version})
                                       : t('shop.no_profile')),
  text, h('label', null, t('shop.comment'), comment),
  h('button', {type: 'submit', class: 'btn', id: 'profile-save'}, t('shop.profile_save')), error,
  h('label', null, t('shop.preview_url'), previewUrl),
  h('button', {type: 'button', class: 'btn', id: 'preview-run', onclick: async () => {
    replace(error);
    const parsed = parseProfile(text, error);
    if (parsed === null) return;
    try {
      await runPreview(ctx, id, parsed, previewUrl.value.trim(), previewOut);
    } catch (err) {
      replace(previewOut, errorBanner(err));
    }
  }}, t('shop.preview')), previewOut);
}
