/*
 * Leadline Leadbox panel: loaded by leadbox.js when its launcher is pressed, drawn into the launcher's shadow
 * root. A dialog with the greeting, a profile picker (multi-profile Leadbox), the "text us" form and a call
 * link. docs/leadbox.md, "The widget".
 */
(function () {
  'use strict';
  var CSS = '.backdrop{position:fixed;inset:0;z-index:2147483001;background:rgba(0,0,0,.25)}' +
    '.panel{box-sizing:border-box;position:fixed;right:20px;bottom:20px;z-index:2147483002;width:380px;' +
    'max-width:calc(100vw - 40px);max-height:calc(100vh - 40px);overflow:auto;background:#fff;color:#1f2328;' +
    'border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);padding:0 0 16px;text-align:left}' +
    '[hidden]{display:none!important}' +
    '.head{display:flex;align-items:center;gap:8px;padding:14px 16px;background:var(--c);color:var(--t);' +
    'border-radius:14px 14px 0 0}' +
    'h2{flex:1;margin:0;font-size:18px;line-height:1.3;font-weight:650;overflow-wrap:anywhere}' +
    '.body{padding:0 16px}' +
    'p{margin:12px 0}' +
    'button,input,textarea,a{font:inherit;color:inherit}' +
    'button{cursor:pointer}' +
    '.x{all:unset;box-sizing:border-box;width:36px;height:36px;border-radius:50%;text-align:center;font-size:24px;' +
    'line-height:36px;cursor:pointer;color:var(--t)}' +
    ':focus-visible{outline:3px solid #0b57d0;outline-offset:2px}' +
    '.x:focus-visible{outline-color:var(--t)}' +
    'label{display:block;margin:12px 0 4px;font-weight:600;font-size:15px}' +
    'input,textarea{box-sizing:border-box;display:block;width:100%;padding:10px;border:1px solid #6e7781;' +
    'border-radius:8px;background:#fff;font-size:16px}' +
    'textarea{min-height:90px;resize:vertical}' +
    '[aria-invalid=true]{border:2px solid #b42318}' +
    '.err{margin:4px 0 0;color:#b42318;font-size:14px;font-weight:600}' +
    '.alert{margin:12px 0;padding:10px 12px;border-radius:8px;background:#fdecea;color:#8a1c12;font-size:15px}' +
    '.consent{font-size:13px;color:#57606a}' +
    '.send,.call,.pick{box-sizing:border-box;display:block;width:100%;margin:12px 0 0;padding:12px;border:0;' +
    'border-radius:8px;background:var(--c);color:var(--t);font-weight:650;text-align:center;text-decoration:none}' +
    '.call{background:#fff;color:#1f2328;border:2px solid var(--c)}' +
    '.pick{background:#fff;color:#1f2328;border:2px solid var(--c);margin:8px 0 0}' +
    '.send[aria-disabled=true]{opacity:.7;cursor:progress}' +
    '.link{all:unset;cursor:pointer;color:#0b57d0;text-decoration:underline;font-size:14px}' +
    '.thanks{font-size:18px;font-weight:650;margin:20px 0}.thanks:focus{outline:none}' +
    '.hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}' +
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '@media (max-width:480px){.panel{inset:0;width:auto;max-width:none;max-height:none;border-radius:0}' +
    '.head{border-radius:0}}';

  var FIELDS = [
    {name: 'name', label: 'Your name', missing: 'Enter your name.', attrs: {autocomplete: 'name', maxlength: '200'}},
    {name: 'phone', label: 'Mobile phone', missing: 'Enter the number we should text.',
      attrs: {type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '40'}},
    {name: 'message', label: 'Message', missing: 'Write your message.', attrs: {maxlength: '1600'}, area: true}
  ];
  var MIN_FILL_MS = 3200;

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (k === 'className' || k === 'hidden' || k === 'type' || k === 'id') node[k] = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  /** A random UUID (v4) also on pages served over plain http, where crypto.randomUUID is missing. */
  function uuid() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  window.LeadlineLeadbox.panel = function (ctx) {
    var config = ctx.config, root = ctx.root, launcher = ctx.launcher, api = ctx.api;
    var profiles = config.profiles || [];
    ctx.adopt(root, CSS);

    var state = {profile: null, idempotencyKey: uuid(), token: null, tokenAt: 0, sending: false, open: false};

    var backdrop = el('div', {className: 'backdrop', hidden: true});
    var title = el('h2', {id: 'll-title', text: config.buttonText});
    var close = el('button', {type: 'button', className: 'x', 'aria-label': 'Close', text: '\u00d7'});
    var live = el('div', {className: 'sr', 'aria-live': 'assertive', 'aria-atomic': 'true'});
    var greeting = el('p', {text: config.greeting || ''});
    greeting.hidden = !config.greeting;

    // The profile picker (multi-profile Leadbox): one button per profile, in the given order.
    var picker = el('div', {}, [el('p', {text: 'Who would you like to reach?'})]);
    profiles.forEach(function (profile) {
      var button = el('button', {type: 'button', className: 'pick', text: profile.name});
      button.addEventListener('click', function () { choose(profile); });
      picker.appendChild(button);
    });
    var chosen = el('p', {});
    var change = el('button', {type: 'button', className: 'link', text: 'Choose another'});
    change.addEventListener('click', function () { choose(null); });

    // The "text us" form.
    var form = el('form', {novalidate: ''});
    var alert = el('p', {className: 'alert', id: 'll-alert', hidden: true});
    form.appendChild(alert);
    var inputs = {};
    var errors = {};
    FIELDS.forEach(function (f) {
      var input = el(f.area ? 'textarea' : 'input', Object.assign({id: 'll-' + f.name, name: f.name, required: ''}, f.attrs));
      var error = el('p', {className: 'err', id: 'll-' + f.name + '-error', hidden: true});
      inputs[f.name] = input;
      errors[f.name] = error;
      form.appendChild(el('label', {'for': 'll-' + f.name, text: f.label}));
      form.appendChild(input);
      form.appendChild(error);
    });
    // The honeypot: people and assistive technology never meet it (inert, off screen); bots fill it in.
    var honeypot = el('input', {id: 'll-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
    var trap = el('div', {className: 'hp', 'aria-hidden': 'true'}, [el('label', {'for': 'll-website', text: 'Website'}), honeypot]);
    trap.inert = true;
    form.appendChild(trap);
    var send = el('button', {type: 'submit', className: 'send', text: 'Send'});
    form.appendChild(send);
    form.appendChild(el('p', {className: 'consent', text: config.consent || ''}));

    var call = el('a', {className: 'call'});
    var thanks = el('p', {className: 'thanks', tabindex: '-1', hidden: true, text: 'Thanks, we\'ll text you shortly'});
    var again = el('button', {type: 'button', className: 'link', hidden: true, text: 'Send another message'});
    again.addEventListener('click', function () { restart(); focusFirst(); });

    var body = el('div', {className: 'body'}, [greeting, picker, chosen, form, call, thanks, again, live]);
    var panel = el('div', {className: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'll-title',
      hidden: true}, [el('div', {className: 'head'}, [title, close]), body]);
    ctx.box.appendChild(backdrop);
    ctx.box.appendChild(panel);

    function choose(profile) {
      state.profile = profile;
      render();
      focusFirst();
    }

    function callNumber() {
      if (!config.offersCall) return null;
      return state.profile ? state.profile.callNumber : (profiles.length ? null : config.callNumber);
    }

    function render() {
      var picking = profiles.length > 0 && !state.profile;
      var done = !thanks.hidden;
      picker.hidden = !picking || done;
      chosen.hidden = change.hidden = picking || done || !state.profile;
      if (state.profile) {
        chosen.textContent = 'To: ' + state.profile.name + ' ';
        chosen.appendChild(change);
      }
      form.hidden = picking || done || !config.offersText;
      var number = callNumber();
      call.hidden = picking || !number;
      if (number) {
        call.href = 'tel:' + number;
        call.textContent = 'Call ' + number;
      }
    }

    function focusables() {
      return Array.prototype.filter.call(panel.querySelectorAll('button,a[href],input,textarea'),
        function (n) { return !n.disabled && !n.closest('[hidden],.hp') && n.getClientRects().length > 0 && n.tabIndex >= 0; });
    }

    function focusFirst() {
      if (!thanks.hidden) return thanks.focus();
      ((!picker.hidden && picker.querySelector('.pick')) || (!form.hidden && inputs.name) || (!call.hidden && call) || close).focus();
    }

    function announce(text) {
      live.textContent = '';
      setTimeout(function () { live.textContent = text; }, 50);
    }

    function fetchToken() {
      state.token = null;
      return fetch(api + '/form-token', {credentials: 'omit'}).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (json) {
        state.token = json.formToken;
        state.tokenAt = Date.now();
      });
    }

    function open() {
      state.open = true;
      panel.hidden = backdrop.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      render();
      focusFirst();
      if (!state.token) fetchToken().catch(function () { /* tried again when sending */ });
    }

    function shut() {
      state.open = false;
      panel.hidden = backdrop.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      if (!thanks.hidden) restart();
      launcher.focus();
    }

    function restart() {
      thanks.hidden = again.hidden = true;
      form.reset();
      showErrors({});
      render();
      if (!state.token) fetchToken().catch(function () { });
    }

    /** Shows each field's message next to it (or clears it) and the form's own message above. */
    function showErrors(fieldErrors, formMessage) {
      FIELDS.forEach(function (f) {
        var message = fieldErrors[f.name];
        var input = inputs[f.name];
        errors[f.name].textContent = message || '';
        errors[f.name].hidden = !message;
        if (message) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', errors[f.name].id);
        } else {
          input.removeAttribute('aria-invalid');
          input.removeAttribute('aria-describedby');
        }
      });
      alert.textContent = formMessage || '';
      alert.hidden = !formMessage;
    }

    function refuse(fieldErrors, formMessage) {
      showErrors(fieldErrors, formMessage);
      var said = FIELDS.filter(function (f) { return fieldErrors[f.name]; });
      announce([formMessage].concat(said.map(function (f) { return f.label + ': ' + fieldErrors[f.name]; }))
        .filter(Boolean).join(' '));
      if (said.length) inputs[said[0].name].focus();
    }

    function failure(response, problem) {
      var status = response.status;
      if (status === 429) {
        var wait = parseInt(response.headers.get('Retry-After'), 10);
        return 'Too many messages right now. Please try again in ' + (wait > 0 ? wait + ' seconds.' : 'a minute.');
      }
      if (status === 413) return 'Your message is too long to send. Please shorten it.';
      if (status === 404) return 'This Leadbox is no longer available.';
      if (status === 403) return 'Messages cannot be sent from this website.';
      if (status >= 500) return 'We couldn\'t send your message: something went wrong on our side. Please try again.';
      return (problem && problem.detail) || 'We couldn\'t send your message. Please check it and try again.';
    }

    function submit() {
      var missing = {};
      FIELDS.forEach(function (f) { if (!inputs[f.name].value.trim()) missing[f.name] = f.missing; });
      if (Object.keys(missing).length) return refuse(missing);
      // Not disabled: a disabled button would lose the keyboard focus; a second press is ignored meanwhile.
      state.sending = true;
      send.setAttribute('aria-disabled', 'true');
      send.textContent = 'Sending\u2026';
      showErrors({});
      (state.token ? Promise.resolve() : fetchToken()).then(function () {
        var early = MIN_FILL_MS - (Date.now() - state.tokenAt);
        return new Promise(function (resolve) { setTimeout(resolve, Math.max(0, early)); });
      }).then(function () {
        return fetch(api + '/leads', {
          method: 'POST', credentials: 'omit', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({
            profileId: state.profile ? state.profile.id : null,
            name: inputs.name.value, phone: inputs.phone.value, message: inputs.message.value,
            pageUrl: location.href.slice(0, 2000), formToken: state.token, website: honeypot.value,
            idempotencyKey: state.idempotencyKey
          })
        });
      }).then(function (response) {
        if (response.ok) return sent();
        return response.json().catch(function () { return null; }).then(function (problem) {
          var fieldErrors = (problem && problem.errors) || {};
          var known = FIELDS.some(function (f) { return fieldErrors[f.name]; });
          if (fieldErrors.formToken) state.token = null;
          refuse(fieldErrors, known ? null : failure(response, problem));
        });
      }, function () {
        refuse({}, 'We couldn\'t send your message: no connection. Check your connection and try again.');
      }).then(function () {
        state.sending = false;
        send.removeAttribute('aria-disabled');
        send.textContent = 'Send';
      });
    }

    function sent() {
      state.idempotencyKey = uuid();
      state.token = null;
      form.reset();
      showErrors({});
      thanks.hidden = again.hidden = false;
      render();
      thanks.focus();
      announce(thanks.textContent);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!state.sending) submit();
    });
    close.addEventListener('click', shut);
    backdrop.addEventListener('click', shut);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        shut();
      } else if (event.key === 'Tab') {
        var all = focusables();
        if (!all.length) return;
        var here = all.indexOf(root.activeElement);
        var next = event.shiftKey ? (here <= 0 ? all.length - 1 : -1) : (here === all.length - 1 || here < 0 ? 0 : -1);
        if (next >= 0) {
          event.preventDefault();
          all[next].focus();
        }
      }
    });

    return {
      toggle: function () { if (state.open) shut(); else open(); }
    };
  };
})();
