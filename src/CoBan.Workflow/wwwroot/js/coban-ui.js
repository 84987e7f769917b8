// Small progressive enhancements for the server-rendered pages: diagrams drawn with the designer
// bundle (loaded only where a page has one), keyboard use of lists and forms, file download.
// Every page works without this file except for drawing diagrams.
(function () {
  'use strict';

  let designerLoading = null;

  function load(tag, attrs) {
    return new Promise((resolve, reject) => {
      const el = document.createElement(tag);
      Object.assign(el, attrs);
      el.onload = () => resolve();
      el.onerror = () => reject(new Error(`could not load ${attrs.src || attrs.href}`));
      document.head.appendChild(el);
    });
  }

  /** Loads designer/designer.js (window.CoBanDesigner) and its stylesheet once. */
  function ensureDesigner() {
    if (window.CoBanDesigner) return Promise.resolve();
    if (!designerLoading) {
      designerLoading = Promise.all([
        load('link', { rel: 'stylesheet', href: 'designer/designer.css' }),
        load('script', { src: 'designer/designer.js' })
      ]);
    }
    return designerLoading;
  }

  function readJson(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  /** Draws every <div data-diagram="config-id">: a viewer, or a read-only modeler with its properties panel. */
  async function initDiagrams() {
    const hosts = document.querySelectorAll('[data-diagram]');
    if (!hosts.length) return;
    await ensureDesigner();
    for (const host of hosts) {
      const config = readJson(host.dataset.diagram);
      if (!config) continue;
      const handle = config.panel
        ? window.CoBanDesigner.createModeler(host, document.getElementById(config.panel), { lang: config.lang, readOnly: true })
        : window.CoBanDesigner.createViewer(host, { lang: config.lang });
      try {
        await handle.open(config.xml);
        if (config.highlight) handle.highlight(config.highlight);
        host.dataset.ready = 'true';
      } catch (error) {
        host.textContent = (config.lang === 'en' ? 'The diagram cannot be drawn: ' : '流程图无法显示：') + error.message;
        host.dataset.ready = 'error';
      }
      host.cobanDiagram = handle;
    }
  }

  function isTyping(target) {
    return !!(target && target.closest && target.closest('input, textarea, select, [contenteditable="true"], .bio-properties-panel'));
  }

  /** j/k or arrows move through a .keyboard-list, Enter opens the row, c claims it; digits pick [data-key] tabs. */
  function keyboardLists(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const list = document.querySelector('table.keyboard-list');
    const tab = document.querySelector(`[data-key="${event.key}"]`);
    if (tab) {
      event.preventDefault();
      tab.click();
      return;
    }
    if (!list) return;
    const rows = [ ...list.querySelectorAll('tbody tr[data-href]') ];
    if (!rows.length) return;
    let index = rows.findIndex(r => r.classList.contains('selected'));
    const select = (i) => {
      rows.forEach(r => r.classList.remove('selected'));
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      row.classList.add('selected');
      row.setAttribute('aria-selected', 'true');
      row.scrollIntoView({ block: 'nearest' });
      const link = row.querySelector('a.row-link');
      if (link) link.focus({ preventScroll: true });
    };
    switch (event.key) {
      case 'j': case 'ArrowDown': event.preventDefault(); select(index + 1); break;
      case 'k': case 'ArrowUp': event.preventDefault(); select(index < 0 ? 0 : index - 1); break;
      case 'Enter':
        if (index >= 0 && !event.target.closest('a, button')) { event.preventDefault(); location.href = rows[index].dataset.href; }
        break;
      case 'c': {
        const claim = index >= 0 && rows[index].querySelector('[data-action=claim]');
        if (claim) { event.preventDefault(); claim.click(); }
        break;
      }
    }
  }

  /** Ctrl+Enter submits a form marked data-submit-shortcut (the task's completion form). */
  function formShortcuts(event) {
    if (!(event.key === 'Enter' && (event.ctrlKey || event.metaKey))) return;
    const form = event.target.closest && event.target.closest('form[data-submit-shortcut]') || document.querySelector('form[data-submit-shortcut]');
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
  }

  function download(fileName, text, mime) {
    const blob = new Blob([ text ], { type: mime || 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** A signature pad: draw on the canvas; the hidden input gets the PNG data URL when a stroke ends. */
  function signaturePads() {
    document.querySelectorAll('[data-signature-pad]').forEach(pad => {
      const canvas = pad.querySelector('canvas');
      const input = pad.querySelector('input[type=hidden]');
      const ctx = canvas.getContext('2d');
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.strokeStyle = '#111';
      let drawing = false;
      const point = (e) => {
        const r = canvas.getBoundingClientRect();
        return [ (e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height ];
      };
      canvas.addEventListener('pointerdown', (e) => {
        drawing = true;
        canvas.setPointerCapture(e.pointerId);
        ctx.beginPath();
        ctx.moveTo(...point(e));
      });
      canvas.addEventListener('pointermove', (e) => {
        if (!drawing) return;
        ctx.lineTo(...point(e));
        ctx.stroke();
      });
      const end = () => {
        if (!drawing) return;
        drawing = false;
        input.value = canvas.toDataURL('image/png');
        pad.dataset.signed = 'true';
      };
      canvas.addEventListener('pointerup', end);
      canvas.addEventListener('pointercancel', end);
      pad.querySelector('[data-signature-clear]').addEventListener('click', () => {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        input.value = '';
        delete pad.dataset.signed;
      });
    });
  }

  document.addEventListener('keydown', keyboardLists);
  document.addEventListener('keydown', formShortcuts);
  document.addEventListener('DOMContentLoaded', () => {
    initDiagrams().catch(error => console.error('diagram', error));
    signaturePads();
    document.querySelectorAll('[data-confirm]').forEach(el => el.addEventListener('click', (event) => {
      if (!confirm(el.dataset.confirm)) event.preventDefault();
    }));
  });

  window.cobanUi = { ensureDesigner, readJson, download, initDiagrams };
})();
