// Enterprise portal home: the signed-in user's own enterprise, its applications with their
// decisions, and its goods filings. The server scopes every read to that enterprise.
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {loadingNote} from '../components.js';
import {renderEnterprise} from './enterprise_detail.js';

export async function render(ctx) {
  const id = ctx.session.user.enterprise_id;
  if (!id) {
    replace(ctx.el, h('p', {class: 'banner banner-warn'}, t('portal.no_enterprise')));
    return;
  }
  replace(ctx.el, loadingNote());
  await renderEnterprise(ctx, ctx.el, id, {portal: true});
}
