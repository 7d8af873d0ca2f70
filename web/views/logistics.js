// Vehicles registered to logistics enterprises and gate passes (核放单) binding released lists to
// a vehicle, with their status (open / passed / held) and reasons; forms register a vehicle and
// file a pass; customs record the weighbridge at the gate (checked by the core on the server)
// and release a hold. Reads GET /api/v1/vehicles, /gate-passes(/{id}); writes POST /vehicles,
// /gate-passes, /gate-passes/{id}/events, /gate-passes/{id}/release-hold.
import {get, post} from '../api.js';
import {h, replace} from '../dom.js';
import {t, enumLabel} from '../i18n.js';
import {badge, card, dataTable, errorBanner, findingList, loadingNote} from
    '../components.js';
import {formatTimestamp} from '../format.js';
import {field} from './live.js';
import {reasonChips} from './supervision_parts.js';

const PASS_TONE = {open: 'info', passed: 'ok', held: 'bad'};

export async function render(ctx) {
  replace(ctx.el, h('h1', null, t('nav.logistics')), loadingNote());
  const [vehicles, passes] = await Promise.all([get('/vehicles', {limit: 200}),
                                                get('/gate-passes', {limit: 200})]);
  if (!ctx.isCurrent()) return;
  const customs = ctx.session.user.role !== 'enterprise';
  const panel = customs && ctx.query.pass ? await passPanel(ctx, ctx.query.pass) : null;
  if (!ctx.isCurrent()) return;
  replace(ctx.el, h('h1', null, t('nav.logistics')),
    card(t('logistics.vehicles'), dataTable([
      {label: t('logistics.plate'), cell: (v) => h('code', null, v.plate || '')},
      {label: t('logistics.ic_card'), cell: (v) => h('code', null, v.ic_card_no || '')},
      {label: t('logistics.weight'), cell: (v) => String(v.frame_wt ?? ''), class: 'num'},
      {label: t('col.enterprise'), cell: (v) => v.enterprise_name || v.enterprise_code || ''},
      {label: t('audit.at'), cell: (v) => formatTimestamp(v.created_at)},
    ], vehicles.items || [], {id: 'vehicles-table', empty: t('logistics.no_vehicles'),
                              rowAttrs: (v) => ({'data-plate': v.plate})}),
    vehicleForm(ctx)),
    card(t('logistics.passes'), dataTable([
      {label: t('logistics.passport_no'), cell: (p) => h('code', null, p.passport_no || '')},
      {label: t('logistics.plate'), cell: (p) => h('code', null, (p.pass || {}).vehicleNo || '')},
      {label: t('logistics.lists'), cell: (p) => ((p.pass || {}).invtNos || []).join(', ')},
      {label: t('col.enterprise'), cell: (p) => p.enterprise_name || p.logistics_code || ''},
      {label: t('col.status'), cell: (p) => badge(PASS_TONE[p.status] || 'muted',
                                                  enumLabel('pass_status', p.status),
                                                  {'data-status': p.status || ''})},
      {label: t('decl.reasons'), cell: (p) => reasonChips(Array.isArray(p.reasons) ? p.reasons :
                                                          [])},
      {label: t('audit.at'), cell: (p) => formatTimestamp(p.updated_at || p.created_at)},
    ], passes.items || [], {id: 'gate-passes-table', empty: t('logistics.no_passes'),
                            rowAttrs: (p) => ({'data-id': p.id,
                                               'data-status': p.status || ''}),
                            onOpen: customs ? (p) => ctx.setQuery({pass: p.id}) : null})),
    panel,
    passForm(ctx));
}

// A gate pass binding released lists to a vehicle (SAS121 head fields the gate needs).
function passForm(ctx) {
  const customs = ctx.session.user.role !== 'enterprise';
  const text = (id, attrs = {}) => h('input', {id, autocomplete: 'off', ...attrs});
  const inputs = {
    vehicleNo: text('pass-vehicle-no'), vehicleIcNo: text('pass-vehicle-ic', {class: 'mono'}),
    vehicleFrameWt: text('pass-frame-wt', {inputmode: 'decimal', class: 'mono'}),
    totalGrossWt: text('pass-gross-wt', {inputmode: 'decimal', class: 'mono'}),
    invtNos: text('pass-invt-nos', {class: 'mono'}),
    ioTypecd: h('select', {id: 'pass-io'}, ['E', 'I'].map((v) => h('option', {value: v},
                                                                   enumLabel('io_type', v)))),
    logisticsCode: customs ? text('pass-logistics-code', {class: 'mono'}) : null,
  };
  const error = h('div', {id: 'pass-error'});
  return card(t('logistics.new_pass'), h('form', {class: 'form', id: 'pass-form',
                                                  onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    const pass = {ioTypecd: inputs.ioTypecd.value, passportTypecd: '3', bindTypecd: '1',
                  vehicleNo: inputs.vehicleNo.value.trim(),
                  vehicleIcNo: inputs.vehicleIcNo.value.trim(),
                  vehicleFrameWt: inputs.vehicleFrameWt.value.trim(), containerWt: '0',
                  totalGrossWt: inputs.totalGrossWt.value.trim(),
                  invtNos: inputs.invtNos.value.split(/[,，\s]+/).filter(Boolean)};
    if (customs) pass.logisticsCode = inputs.logisticsCode.value.trim();
    try {
      const answer = await post('/gate-passes', {pass});
      const id = answer && answer.gate_pass ? answer.gate_pass.id : '';
      ctx.navigate(customs && id ? `#/logistics?pass=${id}` : '#/logistics');
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }},
  h('div', {class: 'row-grid'},
    field('pass-vehicle-no', t('logistics.plate'), inputs.vehicleNo),
    field('pass-vehicle-ic', t('logistics.ic_card'), inputs.vehicleIcNo),
    field('pass-frame-wt', t('logistics.weight'), inputs.vehicleFrameWt)),
  h('div', {class: 'row-grid'},
    field('pass-gross-wt', t('logistics.gross_wt'), inputs.totalGrossWt),
    field('pass-io', t('logistics.io'), inputs.ioTypecd),
    customs ? field('pass-logistics-code', t('logistics.logistics_code'), inputs.logisticsCode) :
        null),
  field('pass-invt-nos', t('logistics.lists'), inputs.invtNos, t('logistics.lists_hint')),
  error, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary',
                                                  id: 'pass-submit'}, t('logistics.new_pass')))));
}

// One pass for customs: its events with the core's verdicts, the weighbridge form, and the
// release of a hold with a reason.
async function passPanel(ctx, id) {
  const answer = await get(`/gate-passes/${id}`);
  const p = answer.gate_pass || answer;
  const weight = h('input', {id: 'event-weight', inputmode: 'decimal', class: 'mono'});
  const gate = h('select', {id: 'event-gate'}, [1, 2].map((g) => h('option', {value: g},
                                                                   String(g))));
  const reason = h('input', {id: 'hold-reason'});
  const error = h('div', {id: 'event-error'});
  const act = async (path, body) => {
    replace(error);
    try {
      await post(path, body);
      ctx.navigate(`#/logistics?pass=${p.id}`);
    } catch (err) {
      replace(error, errorBanner(err));
    }
  };
  const now = () => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return (ctx.session.today || '').replaceAll('-', '') +
           `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  };
  return card(t('logistics.pass_detail', {no: p.passport_no || p.id}),
    h('div', {id: 'pass-panel', 'data-id': p.id, 'data-status': p.status || ''},
      badge(PASS_TONE[p.status] || 'muted', enumLabel('pass_status', p.status)),
      ' ', reasonChips(Array.isArray(p.reasons) ? p.reasons : []),
      h('ul', {class: 'plain', id: 'pass-events'}, (p.events || []).map((e) => {
        const v = e.verdict || {};
        const w = v.weights || {};
        return h('li', {'data-outcome': e.outcome || ''}, `${formatTimestamp(e.at)} · `,
          badge(e.outcome === 'pass' ? 'ok' : 'bad', enumLabel('gate_outcome', e.outcome)),
          w.collected ? ` ${t('logistics.weights', {collected: w.collected,
                                                    goods: w.measured_goods ?? '',
                                                    declared: w.declared_gross ?? ''})}` : '',
          findingList(v.findings));
      })),
      p.status === 'open' || p.status === 'held' ? h('form', {class: 'row-grid', id: 'event-form',
        onsubmit: (e) => {
          e.preventDefault();
          act(`/gate-passes/${p.id}/events`, {event: {passCollectWt: weight.value.trim(),
                                                      gate: Number(gate.value),
                                                      passTime: now()}});
        }}, field('event-weight', t('logistics.collected_wt'), weight),
        field('event-gate', t('logistics.gate'), gate),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary',
                                                 id: 'event-submit'},
                                       t('logistics.record_event')))) : null,
      p.status === 'held' ? h('form', {class: 'row-grid', id: 'hold-form', onsubmit: (e) => {
        e.preventDefault();
        act(`/gate-passes/${p.id}/release-hold`, {reason: reason.value.trim()});
      }}, field('hold-reason', t('decision.reason'), reason),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn',
                                               id: 'hold-release'}, t('logistics.release_hold')))) :
          null,
      error));
}

// Registers a vehicle: plate, IC card number, frame weight in kg (N19,5 text); customs pick the
// logistics enterprise by id.
function vehicleForm(ctx) {
  const customs = ctx.session.user.role !== 'enterprise';
  const inputs = {
    plate: h('input', {id: 'vehicle-plate', autocomplete: 'off'}),
    ic_card_no: h('input', {id: 'vehicle-ic', autocomplete: 'off', class: 'mono'}),
    frame_wt: h('input', {id: 'vehicle-frame-wt', inputmode: 'decimal', class: 'mono'}),
    enterprise_id: customs ? h('input', {id: 'vehicle-enterprise', type: 'number', min: 1}) :
        null,
  };
  const error = h('div', {id: 'vehicle-error'});
  return h('form', {class: 'form', id: 'vehicle-form', onsubmit: async (e) => {
    e.preventDefault();
    replace(error);
    const vehicle = {plate: inputs.plate.value.trim(), ic_card_no: inputs.ic_card_no.value.trim(),
                     frame_wt: inputs.frame_wt.value.trim()};
    if (customs) vehicle.enterprise_id = Number.parseInt(inputs.enterprise_id.value, 10);
    try {
      await post('/vehicles', {vehicle});
      ctx.navigate('#/logistics');
    } catch (err) {
      replace(error, errorBanner(err));
    }
  }},
  h('h3', null, t('logistics.register')),
  h('div', {class: 'row-grid'},
    field('vehicle-plate', t('logistics.plate'), inputs.plate),
    field('vehicle-ic', t('logistics.ic_card'), inputs.ic_card_no),
    field('vehicle-frame-wt', t('logistics.weight'), inputs.frame_wt),
    customs ? field('vehicle-enterprise', t('goods.enterprise_id'), inputs.enterprise_id) : null),
  error, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary',
                                                  id: 'vehicle-submit'},
                                          t('logistics.register'))));
}
