// The intake form: says, while the coordinator ticks the checklist, which materials are still
// missing — the list the one-time notice (一次性告知) will carry, all at once.
(function () {
  'use strict';
  const form = document.querySelector('form[data-intake]');
  if (!form) return;
  form.setAttribute('data-submit-shortcut', 'ctrl+enter');
  const summary = document.getElementById('missing-summary');
  const en = document.documentElement.lang === 'en';
  function update() {
    const missing = [ ...form.querySelectorAll('input[name=materials]') ].filter(b => !b.checked && b.dataset.required === 'true').map(b => b.value);
    summary.hidden = missing.length === 0;
    summary.textContent = missing.length === 0 ? '' : en
      ? `${missing.length} required item(s) missing: ${missing.join(', ')}. Registered as is, the applicant gets one notice listing all of them.`
      : `缺少 ${missing.length} 项必备材料：${missing.join('、')}。登记后将一次性告知全部所缺材料。`;
  }
  form.addEventListener('change', update);
  update();
})();
