// Entry point of the page: session bootstrap (GET /api/v1/auth/me), the page shell (navigation,
// language switch, sign-out) and the hash router that renders one screen module at a time.
// Does network I/O through api.js; stores only the language and a signed-in hint locally.
import {get, post, setUnauthenticatedHandler} from './api.js';
import {h, replace} from './dom.js';
import {applyDocumentLang, lang, setLang, t, enumLabel} from './i18n.js';
import {errorBanner} from './components.js';

// The server's date is the decision date for every verdict the page computes, so page and server
// evaluate the same request the same way.
const session = {user: null, today: null};

// Whether a session cookie probably exists (the cookie itself is HttpOnly). Saves an anonymous
// visitor a request that could only answer 401.
const HINT_KEY = 'patrol.signed_in';

const OFFICER = ['officer', 'admin'];
const ANY = ['officer', 'admin', 'enterprise'];

// path regex -> screen module; `roles` who may open it (absent = anyone, signed in or not).
const ROUTES = [
  {re: /^\/login$/, view: 'login'},
  {re: /^\/dashboard$/, view: 'dashboard', roles: OFFICER},
  {re: /^\/applications$/, view: 'applications', roles: ANY},
  {re: /^\/applications\/new$/, view: 'application_form', roles: OFFICER},
  {re: /^\/applications\/(\d+)$/, view: 'application_detail', roles: ANY},
  {re: /^\/enterprises$/, view: 'enterprises', roles: OFFICER},
  {re: /^\/enterprises\/(\d+)$/, view: 'enterprise_detail', roles: ANY},
  {re: /^\/enterprises\/(\d+)\/credit$/, view: 'credit', roles: ANY},
  {re: /^\/credit$/, view: 'credit', roles: ANY},
  {re: /^\/goods$/, view: 'goods', roles: ANY},
  {re: /^\/goods\/new$/, view: 'goods_form', roles: ANY},
  {re: /^\/goods\/(\d+)$/, view: 'goods_detail', roles: ANY},
  {re: /^\/lists$/, view: 'lists', roles: ANY},
  {re: /^\/audit$/, view: 'audit', roles: OFFICER},
  {re: /^\/portal$/, view: 'portal', roles: ['enterprise']},
  {re: /^\/declarations$/, view: 'declarations', roles: ANY},
  {re: /^\/declarations\/(\d+)$/, view: 'declaration_detail', roles: ANY},
  {re: /^\/queues\/(manual_review|inspection|valuation)$/, view: 'queues', roles: OFFICER},
  {re: /^\/rules$/, view: 'rules', roles: OFFICER},
  {re: /^\/rules\/new$/, view: 'rule_edit', roles: ['admin']},
  {re: /^\/rules\/([a-z0-9][a-z0-9._-]{0,63})$/, view: 'rule_edit', roles: OFFICER},
  {re: /^\/ledgers$/, view: 'ledgers', roles: ANY},
  {re: /^\/ledgers\/([A-Za-z0-9._-]{1,64})$/, view: 'ledger_detail', roles: ANY},
  {re: /^\/logistics$/, view: 'logistics', roles: ANY},
  {re: /^\/promotions$/, view: 'promotions', roles: ANY},
  {re: /^\/shops$/, view: 'shops', roles: ANY},
  {re: /^\/shops\/(\d+)$/, view: 'shop_detail', roles: ANY},
  {re: /^\/stocktakes$/, view: 'stocktakes', roles: ANY},
  {re: /^\/stocktakes\/(\d+)$/, view: 'stocktake_detail', roles: ANY},
  {re: /^\/findings$/, view: 'findings', roles: ANY},
  {re: /^\/risk$/, view: 'risk', roles: OFFICER},
  {re: /^\/account$/, view: 'account', roles: ANY},
];

const NAV = {
  officer: [['dashboard', '#/dashboard'], ['applications', '#/applications'],
            ['new_application', '#/applications/new'], ['enterprises', '#/enterprises'],
            ['goods', '#/goods'], ['lists', '#/lists'], ['audit', '#/audit'],
            ['declarations', '#/declarations'], ['queues', '#/queues/manual_review'],
            ['rules', '#/rules'], ['ledgers', '#/ledgers'], ['logistics', '#/logistics'],
            ['promotions', '#/promotions'], ['shops', '#/shops'],
            ['stocktakes', '#/stocktakes'], ['credit', '#/credit'], ['findings', '#/findings'],
            ['risk', '#/risk']],
  enterprise: [['portal', '#/portal'], ['applications', '#/applications'], ['goods', '#/goods'],
               ['new_goods', '#/goods/new'], ['lists', '#/lists'], ['receipts', '#/declarations'],
               ['ledgers', '#/ledgers'], ['logistics', '#/logistics'],
               ['promotions', '#/promotions'], ['shops', '#/shops'],
               ['stocktakes', '#/stocktakes'], ['credit', '#/credit'],
               ['findings', '#/findings']],
};

function homeFor(user) {
  if (!user) return '#/login';
  return user.role === 'enterprise' ? '#/portal' : '#/dashboard';
}

// Splits location.hash into {path, query}.
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return {path: path || '/', query: Object.fromEntries(new URLSearchParams(qs || ''))};
}

function hashFor(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return '#' + path + (qs ? '?' + qs : '');
}

let flash = null;     // one-shot data handed to the next screen (e.g. the parity result)
let renderToken = 0;  // screens check it so a slow answer never paints over a newer screen

function navigate(hash, {flash: data} = {}) {
  flash = data || null;
  if (location.hash === hash) render();
  else location.hash = hash;
}

// Fetches {user, today} for the current cookie; null when not signed in.
async function loadSession() {
  const me = await get('/auth/me');
  session.user = me.user || me;
  session.today = me.today || (me.user && me.user.today) || null;
  localStorage.setItem(HINT_KEY, '1');
}

function clearSession() {
  session.user = null;
  session.today = null;
  localStorage.removeItem(HINT_KEY);
}

async function logout() {
  try {
    await post('/auth/logout');
  } finally {
    clearSession();
    navigate('#/login');
  }
}

function shell() {
  const user = session.user;
  const role = user ? (user.role === 'enterprise' ? 'enterprise' : 'officer') : null;
  const current = parseHash().path;
  // The queues entry stays marked on every queue's tab.
  const isActive = (href) => current === href.slice(1) ||
      (href.startsWith('#/queues/') && current.startsWith('/queues/'));
  const nav = role ? NAV[role].map(([key, href]) => h('a', {
    href, id: `nav-${key}`, class: isActive(href) ? 'active' : null,
  }, t(`nav.${key}`))) : [];
  return h('header', {class: 'topbar'},
    h('div', {class: 'brand'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}, '关'),
      h('span', null, t('app.title'))),
    h('nav', {class: 'mainnav', 'aria-label': t('nav.label')}, nav),
    h('div', {class: 'userbox'},
      user ? h('a', {id: 'current-user', class: 'who', 'data-role': user.role, href: '#/account',
                     title: t('account.title')},
               user.display_name || user.username, ' · ', enumLabel('role_user', user.role)) : null,
      session.today ? h('span', {class: 'today', id: 'server-today'},
                        t('app.today'), ' ', session.today) : null,
      h('button', {type: 'button', class: 'btn btn-ghost btn-small', id: 'lang-switch',
                   lang: lang() === 'zh' ? 'en' : 'zh',
                   onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); render(); }},
        lang() === 'zh' ? 'English' : '中文'),
      user ? h('button', {type: 'button', class: 'btn btn-ghost btn-small', id: 'logout',
                          onclick: logout}, t('nav.logout')) : null));
}

async function render() {
  const token = ++renderToken;
  applyDocumentLang();
  const {path, query} = parseHash();
  const root = document.getElementById('app');
  if (path === '/' || path === '') {
    navigate(homeFor(session.user));
    return;
  }
  const route = ROUTES.find((r) => r.re.test(path));
  if (route && route.roles && !session.user) {
    navigate('#/login');
    return;
  }
  if (route && route.view === 'login' && session.user) {
    navigate(homeFor(session.user));
    return;
  }
  const view = h('main', {class: 'view', id: 'view'});
  replace(root, shell(), view);
  if (!route || (route.roles && !route.roles.includes(session.user.role))) {
    replace(view, h('div', {class: 'banner banner-bad', role: 'alert'}, t('error.no_page')));
    return;
  }
  const oneShot = flash;
  flash = null;
  const ctx = {
    el: view,
    params: path.match(route.re).slice(1),
    query,
    session,
    flash: oneShot,
    isCurrent: () => token === renderToken,
    navigate,
    // Replaces the query of the current screen (filters, paging) and re-renders it.
    setQuery: (q) => navigate(hashFor(path, q)),
    home: () => navigate(homeFor(session.user)),
    signedIn: async () => {
      await loadSession();
      navigate(homeFor(session.user));
    },
    // The server ended this session (password changed, signed out everywhere): back to sign-in,
    // which shows `note`.
    signedOut: (note) => {
      clearSession();
      navigate('#/login', {flash: note});
    },
  };
  try {
    const mod = await import(`./views/${route.view}.js`);
    if (token !== renderToken) return;
    await mod.render(ctx);
  } catch (e) {
    if (token !== renderToken || (e && e.status === 401)) return;
    replace(view, errorBanner(e, {id: 'view-error'}));
  }
}

async function start() {
  setUnauthenticatedHandler(() => {
    if (!session.user) return;
    clearSession();
    navigate('#/login');
  });
  if (localStorage.getItem(HINT_KEY)) {
    try {
      await loadSession();
    } catch {
      clearSession();
    }
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
