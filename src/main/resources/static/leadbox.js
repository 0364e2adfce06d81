/*
 * Leadline Leadbox launcher: the only script a business puts on its pages (docs/leadbox.md, "The widget").
 * <script src="https://LEADLINE/leadbox.js" data-leadbox="KEY" async></script>
 * It asks Leadline for the Leadbox's settings and shows one button, inside a shadow root so that the page's
 * styles cannot reach it. The panel (widget/panel.js) loads only when the button is pressed. No cookies; one
 * global, window.LeadlineLeadbox, through which the panel script finds the launcher.
 */
(function () {
  'use strict';
  // currentScript is null only where a tag manager ran our code some other way: then find the tag.
  var me = document.currentScript || document.querySelector('script[data-leadbox][src*="leadbox.js"]');
  if (!me || window.LeadlineLeadbox) return;
  var key = me.getAttribute('data-leadbox');
  var warn = function (why) { console.warn('Leadline Leadbox not shown: ' + why); };
  if (!key) return warn('the script tag has no data-leadbox key.');
  var origin = new URL(me.src, location.href).origin;
  var api = origin + '/widget/v1/' + encodeURIComponent(key);
  var ns = window.LeadlineLeadbox = {};

  var CSS = ':host{all:initial!important;display:block!important}' +
    '.w{all:initial;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328}' +
    '.launcher{all:initial;box-sizing:border-box;position:fixed;right:20px;bottom:20px;z-index:2147483000;' +
    'max-width:calc(100vw - 40px);padding:12px 20px;border-radius:999px;background:var(--c);color:var(--t);' +
    'font:600 16px/1.25 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}' +
    '.launcher:focus-visible{outline:3px solid #1f2328;outline-offset:3px;box-shadow:0 0 0 6px #fff}' +
    '.launcher:hover{filter:brightness(1.08)}';

  /** Styles for our shadow root: a constructed sheet (not subject to the page's style-src), else a <style>. */
  function adopt(root, css) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat(sheet);
    } catch (old) {
      var style = document.createElement('style');
      style.textContent = css;
      root.appendChild(style);
    }
  }

  /** Black or white, whichever reads better on the Leadbox's colour. */
  function textOn(hex) {
    var lum = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#000';
  }

  function show(config) {
    var host = document.createElement('leadline-leadbox');
    var root = host.attachShadow({mode: 'open'});
    adopt(root, CSS);
    var box = document.createElement('div');
    box.className = 'w';
    var colour = /^#[0-9a-f]{6}$/i.test(config.colour) ? config.colour : '#b8480c';
    box.style.setProperty('--c', colour);
    box.style.setProperty('--t', textOn(colour));
    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.textContent = config.buttonText;
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.setAttribute('aria-expanded', 'false');
    box.appendChild(launcher);
    root.appendChild(box);
    document.body.appendChild(host);
    var loading = false;
    launcher.addEventListener('click', function () {
      if (ns.widget) return ns.widget.toggle();
      if (loading) return;
      loading = true;
      var script = document.createElement('script');
      script.src = origin + '/widget/panel.js';
      script.async = true;
      script.onload = function () {
        script.remove();
        ns.widget = ns.panel({root: root, box: box, launcher: launcher, config: config, api: api, adopt: adopt});
        ns.widget.toggle();
      };
      script.onerror = function () {
        script.remove();
        loading = false;
        warn('the panel could not be loaded from ' + origin + '.');
      };
      document.head.appendChild(script);
    });
  }

  fetch(api, {credentials: 'omit'}).then(function (response) {
    if (!response.ok) throw new Error('Leadline answered ' + response.status + ' for key ' + key + '.');
    return response.json();
  }).then(function (config) {
    if (document.body) show(config);
    else document.addEventListener('DOMContentLoaded', function () { show(config); });
  }).catch(function (failure) {
    warn(failure instanceof TypeError
      ? 'the key ' + key + ' is unknown or disabled, this website (' + location.origin
        + ') is not one of its allowed websites, or ' + origin + ' cannot be reached.'
      : failure.message);
  });
})();
