// The notice template editor (/admin/templates/{name}): live preview with the sample case while
// typing, and saving as a new version, through the notices API with the log-in cookie:
//   POST /api/v1/notice-templates/{name}/preview?bureau=   { part, content }  -> every channel rendered
//   PUT  /api/v1/notice-templates/{name}/{part}?bureau=    { content, comment, smsTemplateCode }
// A template with a mistake comes back as 422 with the part, line and name of every problem.
(function () {
  'use strict';

  const root = document.querySelector('[data-template-page]');
  if (!root) return;
  const config = JSON.parse(document.getElementById(root.dataset.templatePage).textContent);
  const en = config.lang === 'en';
  const t = (zh, english) => (en ? english : zh);
  const editor = document.getElementById('template-content');
  const comment = document.getElementById('template-comment');
  const smsCode = document.getElementById('template-sms-code');
  const status = document.getElementById('template-status');
  const problems = document.getElementById('template-problems');
  const pane = document.getElementById('template-preview-pane');
  const query = `?bureau=${encodeURIComponent(config.bureau)}`;
  let timer = null;
  let sequence = 0;

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [ k, v ] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function setStatus(text, kind) {
    status.textContent = text;
    status.dataset.kind = kind;
    status.className = 'status-line' + (kind === 'error' ? ' overdue-text' : '');
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(data ? (en ? data.messageEn || data.title : data.title) : String(response.status));
      error.problems = (data && data.problems) || [];
      throw error;
    }
    return data;
  }

  function showProblems(list) {
    problems.replaceChildren(...list.map(p => h('li', { class: 'problem', 'data-line': p.line },
      h('span', { class: 'badge badge-red' }, `${p.part} ${t('第', 'line ')}${p.line}${t('行', '')}`), ' ', en ? p.messageEn || p.message : p.message)));
  }

  function frame(html, label) {
    const iframe = h('iframe', { sandbox: '', title: label, 'data-preview-frame': label });
    iframe.srcdoc = html;
    return iframe;
  }

  // The SMS as the phone shows it (with the 【sign】): length and segments (70 characters in one, 67 each when
  // longer; applicant SMS at most 2), and variables cut at the provider's 35 characters (SmsBudget).
  function smsCounter(c, sign) {
    const text = (sign ? `【${sign}】` : '') + (c.text || '');
    const length = [ ...text ].length;
    const segments = length === 0 ? 0 : length <= 70 ? 1 : Math.ceil(length / 67);
    const cut = Object.entries(c.smsParams || {}).filter(([ , v ]) => [ ...(v || '') ].length >= 35 && v.endsWith('…')).map(([ k ]) => k);
    const over = segments > 2;
    return h('p', { class: 'small' + (over || cut.length ? ' overdue-text' : ' muted'), 'data-test': 'sms-counter', 'data-length': length, 'data-segments': segments },
      t(`${length} 字（含签名）· ${segments} 条短信`, `${length} characters with the sign · ${segments} segment(s)`),
      over ? t('：超过 2 条，请缩短', ': over 2 segments, shorten it') : '',
      cut.length ? t(`；变量超过 35 字已截断：${cut.join('、')}`, `; variables cut at 35 characters: ${cut.join(', ')}`) : '');
  }

  function render(result) {
    pane.replaceChildren(...result.channels.map(c => {
      const box = h('div', { class: 'preview-channel', 'data-channel': c.channel });
      if (c.channel === 'sms') {
        box.append(h('strong', {}, t('短信', 'SMS')), ' ', h('code', {}, c.smsTemplateCode || ''), h('pre', { class: 'log', 'data-preview': 'sms' }, c.text || ''),
          smsCounter(c, result.smsSignName));
      } else if (c.channel === 'email') {
        box.append(h('strong', {}, t('电子邮件', 'E-mail')), h('div', { 'data-preview': 'subject' }, t('主题：', 'Subject: '), c.subject || ''),
          h('details', {}, h('summary', {}, t('纯文本', 'plain text')), h('pre', { class: 'log' }, c.text || '')), frame(c.html || '', 'email'));
      } else if (c.channel === 'print') {
        box.append(h('strong', {}, t('打印（A4）', 'Print (A4)')), frame(c.html || '', 'print'));
      }
      return box;
    }));
  }

  async function preview() {
    const mine = ++sequence;
    try {
      const result = await call('POST', `/api/v1/notice-templates/${encodeURIComponent(config.name)}/preview${query}`, { part: config.part, content: editor.value });
      if (mine !== sequence) return; // a later keystroke already asked again
      render(result);
      showProblems([]);
      setStatus(t('预览已更新', 'Preview updated'), 'ok');
      root.dataset.previewed = String(mine);
    } catch (error) {
      if (mine !== sequence) return;
      showProblems(error.problems);
      setStatus(error.message, 'error');
      root.dataset.previewed = String(mine);
    }
  }

  async function save() {
    if (!comment.value.trim()) {
      comment.reportValidity();
      return;
    }
    try {
      await call('PUT', `/api/v1/notice-templates/${encodeURIComponent(config.name)}/${encodeURIComponent(config.part)}${query}`,
        { content: editor.value, comment: comment.value.trim(), smsTemplateCode: smsCode ? smsCode.value.trim() || null : null });
      location.href = `/admin/templates/${encodeURIComponent(config.name)}${query}&part=${encodeURIComponent(config.part)}&ok=saved`;
    } catch (error) {
      showProblems(error.problems);
      setStatus(error.message, 'error');
    }
  }

  editor.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(preview, 500);
  });
  document.getElementById('template-preview').addEventListener('click', preview);
  document.getElementById('template-save').addEventListener('click', save);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  });
  root.querySelectorAll('[data-insert]').forEach(chip => chip.addEventListener('click', () => {
    // case is a Scriban keyword at the start of a tag: the case's fields are written this.case.…
    const name = chip.dataset.insert;
    const text = `{{ ${name.startsWith('case.') ? 'this.' + name : name} }}`;
    const start = editor.selectionStart, end = editor.selectionEnd;
    editor.setRangeText(text, start, end, 'end');
    editor.focus();
    editor.dispatchEvent(new Event('input'));
  }));
  preview();
})();
