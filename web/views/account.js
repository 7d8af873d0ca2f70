// "My account" (issue 6, sessions): change one's password (POST /api/v1/auth/password; every
// session of the user ends, this one too, so the page returns to sign-in with a note) and sign
// out everywhere (POST /api/v1/auth/logout-all). Any signed-in role. Network I/O through api.js.
import {post} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {card, errorBanner} from '../components.js';

export async function render(ctx) {
  const user = ctx.session.user;
  const field = (id, label, autocomplete) => {
    const input = h('input', {id, name: id, type: 'password', autocomplete, required: true});
    return [h('label', {for: id}, label), input];
  };
  const [currentLabel, current] = field('account-current', t('account.current'),
                                        'current-password');
  const [nextLabel, next] = field('account-new', t('account.new'), 'new-password');
  const [againLabel, again] = field('account-again', t('account.again'), 'new-password');
  const passwordError = h('div', {id: 'account-password-error'});
  const everywhereError = h('div', {id: 'account-everywhere-error'});

  async function changePassword(e) {
    e.preventDefault();
    replace(passwordError);
    if (next.value !== again.value) {
      replace(passwordError, h('p', {class: 'banner banner-bad', role: 'alert',
                                     id: 'account-mismatch'}, t('account.mismatch')));
      return;
    }
    try {
      await post('/auth/password', {current_password: current.value, new_password: next.value});
      ctx.signedOut({note: 'password_changed'});
    } catch (err) {
      replace(passwordError, errorBanner(err, {id: 'account-password-failed'}));
    }
  }

  async function signOutEverywhere() {
    replace(everywhereError);
    try {
      await post('/auth/logout-all');
      ctx.signedOut({note: 'signed_out_everywhere'});
    } catch (err) {
      replace(everywhereError, errorBanner(err, {id: 'account-everywhere-failed'}));
    }
  }

  replace(ctx.el,
    h('h1', null, t('account.title')),
    h('p', {class: 'muted', id: 'account-user'}, user.display_name || user.username, ' · ',
      h('code', null, user.username)),
    h('div', {class: 'grid-2'},
      card(t('account.password'),
        h('form', {id: 'account-password-form', class: 'form', onsubmit: changePassword},
          h('p', {class: 'muted small'}, t('account.password_hint')),
          currentLabel, current, nextLabel, next, againLabel, again, passwordError,
          h('button', {type: 'submit', class: 'btn btn-primary', id: 'account-password-go'},
            t('account.password_go')))),
      card(t('account.sessions'),
        h('p', {class: 'muted small'}, t('account.everywhere_hint')),
        everywhereError,
        h('button', {type: 'button', class: 'btn', id: 'account-everywhere',
                     onclick: signOutEverywhere}, t('account.everywhere')))));
}
