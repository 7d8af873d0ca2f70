// Enterprise portal home: the signed-in user's own enterprise, its applications with their
// decisions, its goods filings, how many findings wait for its answer, and the receipts of its latest declaration lists. The server
// scopes every read to that enterprise.
import {get} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, loadingNote} from '../components.js';
import {renderEnterprise} from './enterprise_detail.js';
import {declarationsTable} from './declarations.js';

export async function render(ctx) {
  const id = ctx.session.user.enterprise_id;
  if (!id) {
    replace(ctx.el, h('p', {class: 'banner banner-warn'}, t('portal.no_enterprise')));
    return;
  }
  replace(ctx.el, loadingNote());
  await renderEnterprise(ctx, ctx.el, id, {portal: true});
  if (!ctx.isCurrent()) return;
  // The open findings first: they wait for the enterprise's answer.
  const open = await get('/findings', {state: 'open', limit: 1});
  if (!ctx.isCurrent()) return;
  const note = h('p', {class: open.total ? 'banner banner-warn' : 'banner banner-ok'},
    h('a', {href: '#/findings?state=open', id: 'portal-open-findings',
            'data-count': open.total || 0}, t('portal.open_findings', {n: open.total || 0})));
  // Under the title row (the title shares its row with badges and buttons).
  const title = ctx.el.querySelector('.title-row') || ctx.el.querySelector('h1');
  if (title) title.after(note);
  else ctx.el.prepend(note);
  const receipts = await get('/declarations', {limit: 10});
  if (!ctx.isCurrent()) return;
  ctx.el.append(card(t('portal.my_receipts'),
    h('div', {id: 'portal-receipts'}, declarationsTable(receipts.items || [], ctx,
                                                        {id: 'portal-receipts-table'})),
    h('p', null, h('a', {href: '#/declarations'}, t('portal.all_receipts')))));
}
