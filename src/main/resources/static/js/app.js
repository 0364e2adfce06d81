// Leadline's only script (the Content-Security-Policy allows no inline scripts).
(function () {
  'use strict';

  // htmx requests carry the CSRF token the page was rendered with.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Account menu: a button that opens a role="menu" list; Escape or a click elsewhere closes it.
  function setUpMenu(button) {
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    var items = function () { return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]')); };
    function open() {
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      items()[0].focus();
    }
    function close(returnFocus) {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (returnFocus) { button.focus(); }
    }
    button.addEventListener('click', function () { if (menu.hidden) { open(); } else { close(false); } });
    menu.addEventListener('keydown', function (event) {
      var list = items();
      var index = list.indexOf(document.activeElement);
      if (event.key === 'Escape') { close(true); }
      else if (event.key === 'ArrowDown') { event.preventDefault(); list[(index + 1) % list.length].focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); list[(index - 1 + list.length) % list.length].focus(); }
    });
    document.addEventListener('click', function (event) {
      if (!menu.hidden && !menu.contains(event.target) && event.target !== button) { close(false); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[aria-haspopup="menu"]'), setUpMenu);
    // Sign-up names the first profile's timezone after the browser's, when it can tell.
    Array.prototype.forEach.call(document.querySelectorAll('[data-detect-timezone]'), function (input) {
      if (!input.value && window.Intl) {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
      }
    });
  });
}());
