// Pieces of the two forms that run the WebAssembly core as the user types: the decision date,
// the "core loading / ready" note, and identifier inputs with their live findings. DOM only.
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {findingList} from '../components.js';

// The server's date from the session (GET /api/v1/auth/me "today"), so the page and the server
// evaluate with the same decision date. Without it the browser's local date is the fallback.
export function decisionDate(session) {
  if (session.today) return session.today;
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// A labelled form field with an optional hint line.
export function field(id, label, input, hint) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), input,
           hint ? h('small', {class: 'hint'}, hint) : null);
}

// The note that says whether the in-page core is loading, ready (with its version) or failed.
export function coreStatus() {
  const node = h('p', {id: 'core-status', class: 'core-status', 'data-state': 'loading'},
                 t('core.loading'));
  return {
    node,
    ready(core) {
      node.dataset.state = 'ready';
      replace(node, t('core.ready'), ' ', h('code', null, core.version()));
    },
    failed(e) {
      node.dataset.state = 'error';
      node.classList.add('banner', 'banner-bad');
      replace(node, t('core.failed'), ' ', e && e.message ? e.message : String(e));
    },
  };
}

// An identifier input with a findings area `#<id>-findings` the live check fills.
// -> {node, input, findings}
export function identifierField(id, label, hint) {
  const input = h('input', {id, autocomplete: 'off', spellcheck: 'false',
                            class: 'mono', 'aria-describedby': `${id}-findings`});
  const findings = h('div', {id: `${id}-findings`, class: 'live-findings', 'data-valid': '',
                             'aria-live': 'polite'});
  const node = h('div', {class: 'field'}, h('label', {for: id}, label), input,
                 hint ? h('small', {class: 'hint'}, hint) : null, findings);
  return {node, input, findings};
}

// Runs the core's identifier check of `kind` on the field's value and shows its findings (or a
// short "valid" note). Empty input clears the area; data-valid says "true"/"false"/"".
export function setIdentifierFindings(core, fieldObj, kind, date) {
  const value = fieldObj.input.value.trim();
  const area = fieldObj.findings;
  if (!value) {
    area.dataset.valid = '';
    fieldObj.input.removeAttribute('aria-invalid');
    replace(area);
    return null;
  }
  const result = core.checkIdentifier(kind, value, date);
  area.dataset.valid = result.valid ? 'true' : 'false';
  fieldObj.input.setAttribute('aria-invalid', result.valid ? 'false' : 'true');
  replace(area, (result.findings || []).length ? findingList(result.findings) :
      h('p', {class: 'live-ok', 'data-testid': `${fieldObj.input.id}-ok`}, '✓ ',
        t('form.identifier_ok')));
  return result;
}
