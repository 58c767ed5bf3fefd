// Copy buttons: <button class="copy" data-copy="ID" hidden> copies the text of #ID.
// Loaded as an external file (the CSP allows no inline script). Buttons stay hidden without JS.
(function () {
  'use strict';

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'skip';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function flash(button, label) {
    var original = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', original);
    button.textContent = label;
    clearTimeout(button._copyTimer);
    button._copyTimer = setTimeout(function () {
      button.textContent = original;
    }, 2000);
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute('data-copy') || '');
    if (!target) return;
    var text = target.textContent || '';
    var done = function () {
      flash(button, 'Copied');
    };
    var failed = function () {
      if (fallbackCopy(text)) done();
      else flash(button, 'Press Ctrl+C');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  function init() {
    var buttons = document.querySelectorAll('button.copy[data-copy]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].setAttribute('aria-live', 'polite');
      buttons[i].addEventListener('click', function (event) {
        copy(event.currentTarget);
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
