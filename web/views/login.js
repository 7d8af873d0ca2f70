// Sign-in screen: POST /api/v1/auth/login, then the session bootstrap picks the home screen.
import {post} from '../api.js';
import {h, replace} from '../dom.js';
import {t} from '../i18n.js';

export async function render(ctx) {
  const username = h('input', {id: 'login-username', name: 'username', autocomplete: 'username',
                               required: true, autofocus: true});
  const password = h('input', {id: 'login-password', name: 'password', type: 'password',
                               autocomplete: 'current-password', required: true});
  const error = h('div', {id: 'login-error', role: 'alert', class: 'banner banner-bad',
                          hidden: true});
  const submit = h('button', {type: 'submit', class: 'btn btn-primary', id: 'login-submit'},
                   t('login.submit'));

  async function onSubmit(e) {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      await post('/auth/login', {username: username.value.trim(), password: password.value});
      await ctx.signedIn();
    } catch (err) {
      replace(error, err.status === 401 ? t('login.bad_credentials') : err.message);
      error.hidden = false;
      submit.disabled = false;
    }
  }

  const note = ctx.flash && ctx.flash.note;
  replace(ctx.el, h('div', {class: 'login-wrap'},
    h('form', {class: 'card login-card', id: 'login-form', onsubmit: onSubmit},
      h('h1', null, t('login.title')),
      note ? h('p', {class: 'banner banner-ok', id: 'login-note', 'data-note': note},
               t(`account.${note}`)) : null,
      h('p', {class: 'muted'}, t('login.intro')),
      h('label', {for: 'login-username'}, t('login.username')), username,
      h('label', {for: 'login-password'}, t('login.password')), password,
      error,
      submit)));
  username.focus();
}
