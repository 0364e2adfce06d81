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

  // The page's status message (the toast, role="status"): says something, then goes after a while.
  var noticeTimer = null;
  function announce(text) {
    var notice = document.getElementById('notice');
    if (!notice) { return; }
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () { notice.hidden = true; }, 6000);
  }

  // A button with data-copy="#field" copies that field's text and says so. Without the Clipboard API (or
  // when the browser refuses it) the text is selected and copied the old way; failing that, it stays
  // selected and the message says to copy it by hand.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) { return; }
    function byHand() {
      field.focus();
      field.select();
      var copied = false;
      try { copied = document.execCommand('copy'); } catch (refused) { copied = false; }
      announce(copied ? 'Copied.' : 'Selected: press Ctrl+C (or Cmd+C) to copy.');
    }
    if (!navigator.clipboard || !window.isSecureContext) { byHand(); return; }
    navigator.clipboard.writeText(field.value).then(function () { announce('Copied.'); }, byHand);
  });

  // In a reply, "/name" followed by a space becomes that shortcut's text.
  document.addEventListener('input', function (event) {
    var field = event.target;
    if (!field.matches || !field.matches('textarea[data-shortcuts]')) { return; }
    var list = document.querySelector(field.getAttribute('data-shortcuts'));
    var match = /(^|\s)\/([a-z0-9][a-z0-9_-]*) $/.exec(field.value);
    if (!list || !match) { return; }
    var item = list.querySelector('[data-name="' + match[2] + '"]');
    if (!item) { return; }
    field.value = field.value.slice(0, field.value.length - match[2].length - 2) + item.textContent + ' ';
  });

  // What a text costs, counted the way phone networks split it (GSM 03.38, 3GPP TS 23.038). When every
  // character is in the GSM-7 alphabet a text is 160 septets in one segment, 153 in each of several (the
  // rest of each holds the header that joins them); the extension table's characters take two septets
  // (an escape and the character). One character outside GSM-7 sends the whole text as UCS-2: 70 UTF-16
  // code units in one segment, 67 in each of several (an emoji beyond the BMP is two). A character's
  // septets or code units never straddle two segments, so a segment may hold one fewer.
  var GSM_7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
    + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var GSM_7_EXTENSION = '\f^{}\\[~]|€';

  // A text's encoding, its length in that encoding's units, and how many segments it goes out as.
  function smsSegments(text) {
    var units = [];
    var gsm = true;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (GSM_7.indexOf(c) >= 0) { units.push(1); }
      else if (GSM_7_EXTENSION.indexOf(c) >= 0) { units.push(2); }
      else { gsm = false; break; }
    }
    if (!gsm) {
      units = [];
      for (var j = 0; j < text.length; j++) {
        var high = text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff;
        var pair = high && text.charCodeAt(j + 1) >= 0xdc00 && text.charCodeAt(j + 1) <= 0xdfff;
        units.push(pair ? 2 : 1);
        if (pair) { j++; }
      }
    }
    var single = gsm ? 160 : 70;
    var each = gsm ? 153 : 67;
    var length = units.reduce(function (sum, n) { return sum + n; }, 0);
    var segments = length === 0 ? 0 : 1;
    if (length > single) {
      var used = 0;
      units.forEach(function (n) {
        if (used + n > each) { segments++; used = 0; }
        used += n;
      });
    }
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', length: length, segments: segments, perSegment: segments > 1 ? each : single };
  }

  // The counter's words: "142 / 160 · 1 segment", "Unicode: 75 characters · 2 segments (67 each)".
  function smsCountWords(count) {
    var segments = count.segments + (count.segments === 1 ? ' segment' : ' segments');
    var words = count.segments > 1
      ? count.length + ' characters · ' + segments + ' (' + count.perSegment + ' each)'
      : count.length + ' / ' + count.perSegment + ' · ' + segments;
    return (count.encoding === 'UCS-2' ? 'Unicode: ' : '') + words;
  }

  // A textarea marked data-sms-counter="#counter" keeps that element telling what the text costs; past
  // three segments, or past the field's maxlength (a shortcut can push it there), it warns in words.
  function showSmsCount(field) {
    var counter = document.querySelector(field.getAttribute('data-sms-counter'));
    if (!counter) { return; }
    var count = smsSegments(field.value);
    var limit = field.maxLength > 0 ? field.maxLength : Infinity;
    var warning = field.value.length > limit
      ? 'Too long: a text holds at most ' + limit + ' characters; this one has ' + field.value.length + '.'
      : count.segments > 3 ? 'Long message: sent as ' + count.segments + ' texts and billed as ' + count.segments + '.' : '';
    counter.querySelector('[data-sms-count]').textContent = smsCountWords(count);
    var warned = counter.querySelector('[data-sms-warning]');
    warned.textContent = warning;
    warned.hidden = warning === '';
  }
  window.leadline = { smsSegments: smsSegments, smsCountWords: smsCountWords };
  // Registered after the shortcuts' listener above, so it counts the text with the shortcut put in.
  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('textarea[data-sms-counter]')) { showSmsCount(event.target); }
  });

  // The inbox stays current: on a server-sent "inbox" event (its data the conversation's id), the tabs, the
  // list, and the open conversation's messages, reminders and state are fetched again and swapped in. The
  // search, the filters and the composer are left alone (what is typed stays), focus stays where it was (on
  // the same row when the row was redrawn), and a new message is said politely to screen readers.
  var liveInbox = document.querySelector('[data-live-inbox]');
  if (liveInbox && window.EventSource) {
    var source = new EventSource(liveInbox.getAttribute('data-live-inbox'));
    source.addEventListener('ready', function () { liveInbox.setAttribute('data-live', 'listening'); });
    var latest = 0;
    source.addEventListener('inbox', function (event) {
      var changed = event.data;
      // Only the answer to the latest fetch counts: an older one may come back last and is stale.
      var mine = ++latest;
      fetch(window.location.href, { headers: { 'Accept': 'text/html' } }).then(function (response) {
        if (mine !== latest) { return null; }
        if (response.status === 404) {
          // The open conversation is no longer ours to see: back to the list.
          var params = new URLSearchParams(window.location.search);
          params.delete('c');
          window.location.replace(window.location.pathname + '?' + params.toString());
          return null;
        }
        return response.text();
      }).then(function (html) {
        if (!html || mine !== latest) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var heard = newMessageFrom(changed, fresh);
        refreshInbox(fresh);
        if (heard) { sayInInbox('New message from ' + heard); }
      });
    });
  }

  // Swaps the live parts of the inbox for their fresh copies, keeping bulk selections, focus and the thread's scroll.
  function refreshInbox(fresh) {
    var picked = Array.prototype.map.call(document.querySelectorAll('input[form="bulk"]:checked'), function (box) { return box.value; });
    var focused = document.activeElement;
    var focusRow = focused && focused.closest && focused.closest('[data-conversation-row]');
    var focusKey = focusRow ? { row: focusRow.getAttribute('data-conversation-id'), box: focused.matches('input') } : null;
    var scroller = document.querySelector('.thread-scroll');
    var atBottom = scroller && scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
    var listScroll = document.querySelector('.list-scroll');
    var listTop = listScroll ? listScroll.scrollTop : 0;
    ['.tabs', '.conversation-list', '.messages', '.reminders-area', '.thread-meta'].forEach(function (selector) {
      var now = document.querySelector(selector);
      var next = fresh.querySelector(selector);
      if (now && next) { now.replaceWith(document.importNode(next, true)); }
    });
    picked.forEach(function (id) {
      var box = document.querySelector('input[form="bulk"][value="' + id + '"]');
      if (box) { box.checked = true; }
    });
    // The assign button names the assignee: its words follow (the button itself stays, with its popover).
    var assignNow = document.querySelector('[data-action="assign"]');
    var assignNext = fresh.querySelector('[data-action="assign"]');
    if (assignNow && assignNext) { assignNow.textContent = assignNext.textContent; }
    if (listScroll) { listScroll.scrollTop = listTop; }
    if (scroller && atBottom) { scroller.scrollTop = scroller.scrollHeight; }
    if (focusKey && !document.body.contains(focused)) {
      var row = document.querySelector('[data-conversation-row][data-conversation-id="' + CSS.escape(focusKey.row) + '"]');
      var again = row && row.querySelector(focusKey.box ? 'input' : '[data-open-conversation]');
      if (again) { again.focus({ preventScroll: true }); }
    }
  }

  // Whom a live update brought a new message from: the changed conversation's row turned unread or moved on
  // (a later activity), or the open thread gained a message from the lead. Null when nothing new arrived.
  function newMessageFrom(id, fresh) {
    if (!id) { return null; }
    var selector = '[data-conversation-row][data-conversation-id="' + CSS.escape(id) + '"]';
    var before = document.querySelector(selector);
    var after = fresh.querySelector(selector);
    if (after && after.classList.contains('unread')
        && (!before || !before.classList.contains('unread') || before.getAttribute('data-activity') !== after.getAttribute('data-activity'))) {
      return after.getAttribute('data-contact-name');
    }
    var thread = document.querySelector('.thread-pane.conversation');
    var freshMessages = fresh.querySelectorAll('.messages > .message');
    var oldCount = document.querySelectorAll('.messages > .message').length;
    var last = freshMessages[freshMessages.length - 1];
    if (thread && freshMessages.length > oldCount && last && last.classList.contains('inbound')) {
      var heading = fresh.getElementById('conversation-heading');
      return heading ? heading.textContent.trim() : 'the lead';
    }
    return null;
  }

  // The inbox's polite live region: cleared first, so saying the same words twice is heard twice.
  function sayInInbox(text) {
    var region = document.getElementById('inbox-announcer');
    if (!region) { return; }
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }

  // A select marked data-autosubmit submits its form when it changes (the form also has a button).
  document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-autosubmit]')) { event.target.form.submit(); }
  });

  // Menus (the account menu, and the top bar's profile and account switchers): a button that opens a
  // role="menu" list. Enter, Space or ArrowDown on the button opens it at the current choice (else the first
  // item); the arrows, Home and End move; Escape closes it and gives focus back to the button; Tab or a click
  // elsewhere closes it.
  function setUpMenu(button) {
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    if (!menu) { return; }
    var items = function () {
      return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"], [role="menuitemradio"]'));
    };
    function open() {
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      var list = items();
      var checked = list.filter(function (item) { return item.getAttribute('aria-checked') === 'true'; })[0];
      (checked || list[0]).focus();
    }
    function close(returnFocus) {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (returnFocus) { button.focus(); }
    }
    button.addEventListener('click', function () { if (menu.hidden) { open(); } else { close(false); } });
    button.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && menu.hidden) { event.preventDefault(); open(); }
    });
    menu.addEventListener('keydown', function (event) {
      var list = items();
      var index = list.indexOf(document.activeElement);
      if (event.key === 'Escape') { event.preventDefault(); close(true); }
      else if (event.key === 'ArrowDown') { event.preventDefault(); list[(index + 1) % list.length].focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); list[(index - 1 + list.length) % list.length].focus(); }
      else if (event.key === 'Home') { event.preventDefault(); list[0].focus(); }
      else if (event.key === 'End') { event.preventDefault(); list[list.length - 1].focus(); }
      else if (event.key === 'Tab') { close(false); }
    });
    document.addEventListener('click', function (event) {
      if (!menu.hidden && !menu.contains(event.target) && !button.contains(event.target)) { close(false); }
    });
  }

  // Modals: htmx loads a form into the one <dialog>; it opens as a modal, focus goes to its first
  // field and comes back to the button that opened it when it closes (Escape closes it natively).
  var opener = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var dialog = document.getElementById('modal');
    // Only a request for the dialog's content names the opener (a list reloading behind it must not).
    if (dialog && event.detail.target && event.detail.target.id === 'modal-content' && !dialog.contains(event.detail.elt)) {
      opener = event.detail.elt;
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var dialog = document.getElementById('modal');
    if (!dialog || event.detail.target.id !== 'modal-content') { return; }
    if (!dialog.open) { dialog.showModal(); }
    // A confirmation without fields (deactivating someone who holds nothing) focuses Cancel, so a stray
    // Enter never confirms it.
    var first = dialog.querySelector('input:not([type=hidden]), select, textarea')
      || dialog.querySelector('[data-close-dialog]') || dialog.querySelector('button');
    if (first) { first.focus(); }
  });
  function closeModal() {
    var dialog = document.getElementById('modal');
    if (dialog && dialog.open) { dialog.close(); }
  }
  document.addEventListener('closeModal', closeModal);
  document.addEventListener('close', function (event) {
    if (event.target.id === 'modal') {
      document.getElementById('modal-content').innerHTML = '';
      if (opener && document.body.contains(opener)) { opener.focus(); }
    }
  }, true);
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-close-dialog]')) { closeModal(); }
  });

  // A list drawn again (after a save, a resend, an archive) takes the focused button with it: focus
  // goes to the button's new copy (same name), else to what is left of its row, else, when the row
  // itself is gone, to the page's heading.
  var focusBeforeSwap = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    var focused = document.activeElement;
    var target = event.detail.target;
    focusBeforeSwap = target && target.id !== 'modal-content' && focused && focused !== document.body && target.contains(focused)
      ? { label: focused.getAttribute('aria-label'), row: rowKey(focused) } : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    var lost = focusBeforeSwap;
    focusBeforeSwap = null;
    if (!lost || (document.activeElement && document.activeElement !== document.body)) { return; }
    var copy = lost.label && document.querySelector('[aria-label="' + CSS.escape(lost.label) + '"]');
    var row = lost.row && document.querySelector('tr[' + lost.row.name + '="' + CSS.escape(lost.row.value) + '"]');
    var next = copy || (row && row.querySelector('button, a[href]'));
    if (!next && lost.row) {
      next = document.querySelector('main h1');
      if (next) { next.setAttribute('tabindex', '-1'); }
    }
    if (next) { next.focus(); }
  });
  // A part of a dialog that saves on its own and answers with itself (data-answers-in-place: a profile's
  // Texting section) replaces the form that had focus: focus goes to its first refused field, else to its
  // button, instead of being lost to the page. Its alert or status says what happened.
  document.addEventListener('htmx:load', function (event) {
    var part = event.detail.elt;
    if (!part.hasAttribute || !part.hasAttribute('data-answers-in-place')) { return; }
    if (document.activeElement && document.activeElement !== document.body) { return; }
    var next = part.querySelector('[aria-invalid="true"]') || part.querySelector('button[type=submit]');
    if (next) { next.focus(); }
  });
  // A row names what it shows in an attribute such as data-user-id or data-profile-id; a redraw keeps it.
  function rowKey(element) {
    var row = element.closest('tr');
    var key = row && Array.prototype.find.call(row.attributes, function (a) { return /^data-.*-id$/.test(a.name); });
    return key ? { name: key.name, value: key.value } : null;
  }
  // Choosing in a list that belongs to one option of a radio group picks that option too (the deactivation
  // dialog's member list belongs to "Give them to a member").
  document.addEventListener('change', function (event) {
    var choice = event.target.getAttribute && event.target.getAttribute('data-picks-choice');
    var radio = choice && document.getElementById(choice);
    if (radio) { radio.checked = true; }
  });

  // A form marked data-shows-limit-in-form is answered with itself when a limit refuses it (429): the
  // answer replaces the form, which then says when to try again, instead of the general notice below.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (event.detail.xhr.status === 429 && form && form.hasAttribute('data-shows-limit-in-form')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A refused htmx request (403, 404, 409, 429) says why in a status message instead of failing silently.
  document.addEventListener('htmx:responseError', function (event) {
    var notice = document.getElementById('notice');
    if (!notice) { return; }
    var status = event.detail.xhr.status;
    var text = status === 429 ? 'Too many attempts. Try again later.'
      : status === 403 ? 'You are not allowed to do that.'
      : status === 404 ? 'That is no longer here.'
      : status === 409 ? 'That can\'t be done in the current state. Reload the page.'
      : 'Something went wrong. Please try again.';
    var page = new DOMParser().parseFromString(event.detail.xhr.responseText || '', 'text/html');
    var reason = page.querySelector('main p');
    notice.textContent = reason && status !== 429 ? reason.textContent : text;
    notice.hidden = false;
    setTimeout(function () { notice.hidden = true; }, 6000);
  });

  // A Leadbox's settings form (data-leadbox-form="#preview") keeps its preview current as the admin types:
  // the launcher's text and colour, the greeting, the channels, the consent sentence and, for the
  // multi-profile Leadbox, the shown profiles' buttons in their places. Colours are set through the CSSOM
  // (the CSP allows no style attributes); the text on the colour is white or black, whichever contrasts more.
  function inkOn(hex) {
    var match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!match) { return '#ffffff'; }
    var channel = function (h) {
      var c = parseInt(h, 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    var luminance = 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
    // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
  }
  function choiceRows(form) {
    var rows = Array.prototype.slice.call(form.querySelectorAll('[data-choice]'));
    return rows.map(function (row, index) {
      var place = parseInt(row.querySelector('.position-input').value, 10);
      return { row: row, index: index, place: isNaN(place) ? Infinity : place };
    }).sort(function (a, b) { return a.place - b.place || a.index - b.index; }).map(function (entry) { return entry.row; });
  }
  function showLeadboxPreview(form) {
    var preview = document.querySelector(form.getAttribute('data-leadbox-form'));
    if (!preview) { return; }
    var field = function (name) { return form.querySelector('[data-preview="' + name + '"]'); };
    var colour = field('colour') ? field('colour').value : '#b8480c';
    preview.style.setProperty('--leadbox-colour', colour);
    preview.style.setProperty('--leadbox-ink', inkOn(colour));
    ['buttonText', 'greeting', 'consent'].forEach(function (name) {
      var shown = preview.querySelector('[data-preview-text="' + name + '"]');
      if (shown && field(name)) { shown.textContent = field(name).value; }
    });
    ['offersText', 'offersCall'].forEach(function (name) {
      var part = preview.querySelector('[data-preview-channel="' + name + '"]');
      if (part && field(name)) { part.hidden = !field(name).checked; }
    });
    var choices = preview.querySelector('[data-preview-choices]');
    if (choices) {
      choices.textContent = '';
      choiceRows(form).forEach(function (row) {
        if (!row.querySelector('input[name="shown"]').checked) { return; }
        var item = document.createElement('li');
        item.textContent = row.getAttribute('data-button-name');
        choices.appendChild(item);
      });
    }
  }
  document.addEventListener('input', function (event) {
    var form = event.target.closest && event.target.closest('form[data-leadbox-form]');
    if (form) { showLeadboxPreview(form); }
  });
  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('form[data-leadbox-form]');
    if (form) { showLeadboxPreview(form); }
  });
  // Move up / Move down in the multi-profile Leadbox's list: swaps the places of two neighbours (the places
  // are what is sent), redraws the list in place order and keeps focus on the pressed button.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-move]');
    var form = button && button.closest('form[data-leadbox-form]');
    if (!form) { return; }
    var rows = choiceRows(form);
    var index = rows.indexOf(button.closest('[data-choice]'));
    var other = index + (button.getAttribute('data-move') === 'up' ? -1 : 1);
    if (other < 0 || other >= rows.length) { return; }
    var moved = rows.splice(index, 1)[0];
    rows.splice(other, 0, moved);
    var list = form.querySelector('[data-choice-list]');
    rows.forEach(function (row, place) {
      row.querySelector('.position-input').value = place + 1;
      list.appendChild(row);
    });
    button.focus();
    showLeadboxPreview(form);
    // Said by the list's own status line: the page's toast would cover the list it speaks of.
    var status = form.querySelector('[data-move-status]');
    if (status) { status.textContent = moved.getAttribute('data-button-name') + ': place ' + (other + 1) + ' of ' + rows.length + '.'; }
  });

  // ---- Keyboard shortcuts in the inbox (issue 19, KEYS) ----
  // j / k move the selection down / up the conversation list, Enter opens the selected conversation, r goes to
  // the reply, n to the note, a to the assign control, e to the close (with outcome) control, ? shows the list of
  // keys. A key only moves focus or opens a list: nothing is ever sent by a key. None fires while typing in a
  // field, with Ctrl, Alt or Meta held, or while a dialog or menu is open (Escape still closes those, natively or
  // by their own script); and only when the person has them on (their own settings, WCAG 2.1.4), which the page
  // says on <main data-keyboard-shortcuts="on|off">. This block reads nothing but the inbox's DOM contract:
  // [data-conversation-row] rows, each with one a[data-open-conversation]; the composer's
  // [data-composer-mode="reply|note"] buttons and #composer-body (or, where the page still has two forms,
  // #reply-body and #note-body); [data-action="assign"], [data-action="close"]; and <dialog id="keyboard-help">,
  // also opened by any [data-opens-keyboard-help] button (so the list is reachable without a keyboard) and by
  // the address /inbox#keyboard-help (the settings page links there).
  (function keyboardShortcuts() {
    var main = document.querySelector('main[data-keyboard-shortcuts]');
    if (!main) { return; }
    var help = document.getElementById('keyboard-help');
    var helpOpener = null;

    function openHelp(from) {
      if (!help || help.open) { return; }
      helpOpener = from && from !== document.body ? from : null;
      help.showModal();
      var close = help.querySelector('[data-closes-keyboard-help]');
      if (close) { close.focus(); }
    }
    if (help) {
      // Escape closes the dialog natively; the Close button below. Either way focus goes back to the opener.
      help.addEventListener('close', function () {
        var back = helpOpener;
        helpOpener = null;
        if (back && document.body.contains(back)) { back.focus(); }
      });
    }
    document.addEventListener('click', function (event) {
      var opener = event.target.closest('[data-opens-keyboard-help]');
      if (opener) { openHelp(opener); }
      else if (help && event.target.closest('[data-closes-keyboard-help]')) { help.close(); }
    });
    if (window.location.hash === '#keyboard-help') { openHelp(document.querySelector('[data-opens-keyboard-help]')); }

    function typing(element) {
      return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
    }
    function dialogOrMenuOpen() {
      if (document.querySelector('dialog[open], [aria-haspopup][aria-expanded="true"], [data-popover][aria-expanded="true"]')) { return true; }
      return Array.prototype.some.call(document.querySelectorAll('[role="menu"], [role="listbox"]'), function (menu) {
        return !menu.hidden && menu.getClientRects().length > 0;
      });
    }

    function rows() { return Array.prototype.slice.call(document.querySelectorAll('[data-conversation-row]')); }
    // The row holding focus, else the row marked selected (the open conversation, or where j / k left it).
    function currentRow(list) {
      var active = document.activeElement;
      var focused = active && active.closest ? active.closest('[data-conversation-row]') : null;
      return focused || list.filter(function (row) { return row.classList.contains('selected'); })[0] || null;
    }
    var chosen = null;
    function select(row, list, keepFocus) {
      list.forEach(function (other) {
        if (other !== row) { other.classList.remove('selected'); other.removeAttribute('aria-current'); }
      });
      row.classList.add('selected');
      row.setAttribute('aria-current', 'true');
      var link = row.querySelector('[data-open-conversation]');
      chosen = link;
      if (link && !keepFocus) {
        link.focus({ preventScroll: true });
        link.scrollIntoView({ block: 'nearest' });
      }
    }
    // A live update draws the list again: the row chosen with j / k stays chosen in the new list, and keeps
    // focus if focus went with the old one (it is then nowhere: on the body).
    new MutationObserver(function () {
      if (!chosen || document.body.contains(chosen)) { return; }
      var href = chosen.getAttribute('href');
      var list = rows();
      var again = list.filter(function (row) {
        var link = row.querySelector('[data-open-conversation]');
        return link && link.getAttribute('href') === href;
      })[0];
      chosen = null;
      if (again) { select(again, list, document.activeElement && document.activeElement !== document.body); }
    }).observe(main, { childList: true, subtree: true });
    // One row down (+1) or up (-1); at either end it stays where it is.
    function move(step) {
      var list = rows();
      if (!list.length) { return; }
      var at = list.indexOf(currentRow(list));
      select(list[at < 0 ? 0 : Math.min(Math.max(at + step, 0), list.length - 1)], list);
    }
    // Enter on a link or button does what it always does; elsewhere it follows the selected row's link.
    function openSelected(event) {
      var active = document.activeElement;
      if (active && active !== document.body && active.matches('a[href], button, summary, [role="button"], [role="menuitem"]')) { return; }
      var row = currentRow(rows());
      var link = row && row.querySelector('[data-open-conversation]');
      if (link) {
        event.preventDefault();
        link.click();
      }
    }
    var WITHOUT = {
      reply: 'Open a conversation to reply.', note: 'Open a conversation to add a note.',
      assign: 'Open a conversation to assign it.', close: 'Only an open conversation can be closed: open one first.'
    };
    // A key presses only buttons that open or switch something, never one that would send its form.
    function sends(button) {
      return button.tagName !== 'SUMMARY' && !!button.form && (button.type === 'submit' || button.type === 'image');
    }
    function unavailable(found, what) {
      announce(found ? 'You can\'t do that here.' : WITHOUT[what]);
    }
    // The composer in reply or note mode: its mode button pressed and its box focused.
    function compose(mode) {
      var modeButton = document.querySelector('[data-composer-mode="' + mode + '"]');
      var field = modeButton ? document.getElementById('composer-body')
        : document.getElementById(mode === 'reply' ? 'reply-body' : 'note-body');
      if (!field || field.matches(':disabled') || (modeButton && modeButton.matches(':disabled'))) { unavailable(field, mode); return; }
      if (modeButton && modeButton.getAttribute('aria-pressed') !== 'true' && !sends(modeButton)) { modeButton.click(); }
      field.focus();
    }
    // The assign or close control: a button that opens its menu or popover is pressed (its first item takes
    // focus), anything else (a select) is focused. Choosing and submitting stays the person's.
    function act(name) {
      var control = document.querySelector('[data-action="' + name + '"]');
      if (!control || control.matches(':disabled')) { unavailable(control, name); return; }
      var before = document.activeElement;
      var closedMenu = control.matches('summary') ? !control.parentElement.open
        : (control.hasAttribute('aria-haspopup') || control.hasAttribute('data-popover')) && control.getAttribute('aria-expanded') !== 'true';
      if (closedMenu && !sends(control)) { control.click(); }
      // A menu that opened took focus to its first item; otherwise the control itself gets it.
      if (document.activeElement === before) { control.focus(); }
      control.scrollIntoView({ block: 'nearest' });
    }

    document.addEventListener('keydown', function (event) {
      if (main.getAttribute('data-keyboard-shortcuts') !== 'on') { return; }
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) { return; }
      if (typing(event.target) || typing(document.activeElement) || dialogOrMenuOpen()) { return; }
      switch (event.key) {
        case 'j': move(1); break;
        case 'k': move(-1); break;
        case 'Enter': openSelected(event); return;
        case 'r': compose('reply'); break;
        case 'n': compose('note'); break;
        case 'a': act('assign'); break;
        case 'e': act('close'); break;
        case '?': openHelp(document.activeElement); break;
        default: return;
      }
      // The key did its work: it is not typed into the field it moved focus to.
      event.preventDefault();
    });
  }());
  // ===== Inbox layout (issue 19) =====
  // Popovers in the thread's header (assign, move, reminder, close): a button with data-popover and
  // aria-controls shows or hides the box holding the real form; opening focuses its first field, Escape
  // closes it and gives focus back to the button, a click outside or opening another closes it.
  function popoverOf(button) { return document.getElementById(button.getAttribute('aria-controls')); }
  function closePopover(button, returnFocus) {
    var box = popoverOf(button);
    if (box) { box.hidden = true; }
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) { button.focus(); }
  }
  function openPopovers() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-popover][aria-expanded="true"]'));
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-popover]');
    openPopovers().forEach(function (other) {
      var box = popoverOf(other);
      if (other !== button && !(box && box.contains(event.target))) { closePopover(other, false); }
    });
    if (!button) { return; }
    var box = popoverOf(button);
    if (!box) { return; }
    if (box.hidden) {
      box.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      var first = box.querySelector('select, input:not([type=hidden]), textarea, button');
      if (first) { first.focus(); }
    } else {
      closePopover(button, false);
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    openPopovers().forEach(function (button) {
      var box = popoverOf(button);
      if (box && (box.contains(document.activeElement) || button === document.activeElement)) {
        event.preventDefault();
        closePopover(button, true);
      }
    });
  });

  // The composer: one box with two modes. Choosing Reply or Note changes where the form posts
  // (data-reply-action / data-note-action), the field's label and placeholder, the button's words, and
  // whether the text's cost is shown; what is typed stays.
  function setComposerMode(form, mode) {
    var note = mode === 'note';
    form.setAttribute('action', form.getAttribute(note ? 'data-note-action' : 'data-reply-action'));
    form.classList.toggle('note-mode', note);
    Array.prototype.forEach.call(form.querySelectorAll('[data-composer-mode]'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-composer-mode') === mode));
    });
    var label = form.querySelector('[data-composer-label]');
    if (label) { label.textContent = label.getAttribute(note ? 'data-note-label' : 'data-reply-label'); }
    var field = form.querySelector('[data-composer]');
    if (field) { field.setAttribute('placeholder', field.getAttribute(note ? 'data-note-placeholder' : 'data-reply-placeholder')); }
    var submit = form.querySelector('[data-composer-submit]');
    if (submit) { submit.textContent = submit.getAttribute(note ? 'data-note-text' : 'data-reply-text'); }
    var counter = field && document.querySelector(field.getAttribute('data-sms-counter'));
    if (counter) { counter.hidden = note; }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-composer-mode]');
    var form = button && button.closest('form');
    if (!form || button.disabled) { return; }
    setComposerMode(form, button.getAttribute('data-composer-mode'));
    var field = form.querySelector('[data-composer]');
    if (field) { field.focus(); }
  });
  window.leadline.setComposerMode = setComposerMode;

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-leadbox-form]'), showLeadboxPreview);
    Array.prototype.forEach.call(document.querySelectorAll('[aria-haspopup="menu"]'), setUpMenu);
    // The open conversation starts at its newest message: its pane scrolls on its own at desktop widths; on a
    // phone the page scrolls instead, to the newest message just above the composer docked at the bottom.
    Array.prototype.forEach.call(document.querySelectorAll('.thread-scroll'), function (pane) {
      pane.scrollTop = pane.scrollHeight;
      var newest = pane.querySelector('.messages > li:last-child');
      if (!newest || pane.scrollHeight > pane.clientHeight + 1) { return; }
      var composer = document.querySelector('fieldset.composer');
      var covered = composer ? composer.getBoundingClientRect().height : 0;
      var below = newest.getBoundingClientRect().bottom - (window.innerHeight - covered - 8);
      if (below > 0) { window.scrollBy(0, below); }
    });
    // A form shown again after a refusal keeps what was typed: count it straight away.
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-sms-counter]'), showSmsCount);
    // Sign-up names the first profile's timezone after the browser's, when it can tell.
    Array.prototype.forEach.call(document.querySelectorAll('[data-detect-timezone]'), function (input) {
      if (!input.value && window.Intl) {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
      }
    });
  });
  // ---- Notifications (issue 19, notifications module; docs/notifications.md) ----------------------------
  // Browser notifications: asked for only when the person presses the button in their own settings; the
  // choice is kept per browser (localStorage), as the browser's permission is. On any signed-in page (the
  // account menu is there) with the choice on and permission granted, the page listens on
  // /notifications/events and shows each "notify" event (a new lead or a lead's message in a conversation the
  // person may see) with the Notification API; clicking it opens the conversation.
  (function () {
    var CHOICE = 'leadline.browserNotifications';
    var supported = 'Notification' in window;
    function chosen() {
      try { return window.localStorage.getItem(CHOICE) === 'on'; } catch (e) { return false; }
    }
    function choose(on) {
      try { if (on) { window.localStorage.setItem(CHOICE, 'on'); } else { window.localStorage.removeItem(CHOICE); } } catch (e) { /* private mode */ }
    }
    var stream = null;
    function listen() {
      if (stream || !supported || !window.EventSource || Notification.permission !== 'granted' || !chosen()) { return; }
      if (!document.getElementById('account-menu-button')) { return; }
      stream = new EventSource('/notifications/events');
      stream.addEventListener('ready', function () { document.documentElement.setAttribute('data-notifications', 'listening'); });
      stream.addEventListener('notify', function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        var shown = new Notification(data.title, { body: data.body, tag: 'leadline-' + data.conversationId });
        shown.onclick = function () { window.focus(); window.location.href = data.url; };
      });
    }
    function stop() {
      if (stream) { stream.close(); stream = null; }
    }
    var panel = document.querySelector('[data-browser-notifications]');
    if (panel) {
      var status = panel.querySelector('[data-browser-notifications-status]');
      var toggle = panel.querySelector('[data-browser-notifications-toggle]');
      var describe = function () {
        var on = supported && Notification.permission === 'granted' && chosen();
        if (!supported) {
          status.textContent = 'This browser cannot show notifications.';
        } else if (Notification.permission === 'denied') {
          status.textContent = 'This browser has blocked notifications from Leadline. Allow them in the browser\'s site settings, then press the button again.';
        } else if (on) {
          status.textContent = 'Browser notifications are on in this browser.';
        } else {
          status.textContent = 'Browser notifications are off in this browser.';
        }
        toggle.textContent = on ? 'Turn off browser notifications' : 'Turn on browser notifications';
        toggle.disabled = !supported;
        panel.setAttribute('data-state', on ? 'on' : 'off');
      };
      toggle.addEventListener('click', function () {
        if (!supported) { return; }
        if (Notification.permission === 'granted' && chosen()) {
          choose(false);
          stop();
          describe();
          return;
        }
        var asked = Notification.requestPermission(function () { /* older browsers answer by callback */ });
        var answered = function (permission) {
          if (permission === 'granted') { choose(true); listen(); }
          describe();
        };
        if (asked && asked.then) { asked.then(answered); } else { answered(Notification.permission); }
      });
      describe();
    }
    listen();
  }());
}());
