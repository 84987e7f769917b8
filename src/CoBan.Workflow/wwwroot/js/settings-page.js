// SMS and e-mail settings (/admin/notice-settings) through the notices API:
//   PUT  /api/v1/notice-settings        { values: { key: value | null } }   (null: back to the configuration)
//   POST /api/v1/notice-settings/test   { channel, to }
(function () {
  'use strict';

  const root = document.querySelector('[data-settings-page]');
  if (!root) return;
  const en = JSON.parse(document.getElementById(root.dataset.settingsPage).textContent).lang === 'en';
  const t = (zh, english) => (en ? english : zh);

  async function call(method, url, body) {
    const response = await fetch(url, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error(data ? (en ? data.messageEn || data.title : data.title) : String(response.status));
    return data;
  }

  document.getElementById('settings-save').addEventListener('click', async () => {
    const status = document.getElementById('settings-status');
    const values = {};
    root.querySelectorAll('[data-setting]').forEach(input => {
      const key = input.dataset.setting;
      if (input.type === 'password') {
        if (input.value) values[key] = input.value;
      } else if (input.value !== (input.dataset.original || '')) {
        values[key] = input.value;
      }
    });
    root.querySelectorAll('[data-clear]:checked').forEach(box => { values[box.dataset.clear] = null; });
    if (!Object.keys(values).length) {
      status.textContent = t('没有修改', 'Nothing changed');
      return;
    }
    try {
      await call('PUT', '/api/v1/notice-settings', { values });
      location.reload();
    } catch (error) {
      status.textContent = error.message;
      status.className = 'status-line overdue-text';
    }
  });

  document.getElementById('test-send').addEventListener('click', async () => {
    const result = document.getElementById('test-result');
    result.className = 'alert';
    result.textContent = t('正在发送…', 'Sending…');
    try {
      const r = await call('POST', '/api/v1/notice-settings/test', {
        channel: document.getElementById('test-channel').value, to: document.getElementById('test-to').value
      });
      const ok = r.outcome === 'sent';
      result.className = 'alert ' + (ok ? 'alert-ok' : 'alert-error');
      result.dataset.outcome = r.outcome;
      result.textContent = (ok ? t('已发送', 'Sent') : t('未发送', 'Not sent')) + ` · ${r.provider}` + (r.messageId ? ` · ${r.messageId}` : '') + (r.error ? ` · ${r.error}` : '');
    } catch (error) {
      result.className = 'alert alert-error';
      result.textContent = error.message;
    }
  });
})();
