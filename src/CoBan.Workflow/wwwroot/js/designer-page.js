// The procedure designer page (/designer/{id}): the bpmn-js modeler with CoBan's properties panel,
// talking to the service's JSON API with the log-in cookie:
//   PUT  /api/v1/procedures/{id}/draft      save the draft (returns its problems)
//   POST /api/v1/procedures/{id}/validate   validate the XML on the canvas
//   POST /api/v1/procedures/{id}/publish    publish the saved draft with a comment
//   POST /api/v1/simulations                test-run the canvas (stateless: every step replays the scenario)
// The page itself (header, history, rollback, retire) is rendered on the server.
(function () {
  'use strict';

  const root = document.querySelector('[data-designer-page]');
  if (!root) return;
  const config = JSON.parse(document.getElementById(root.dataset.designerPage).textContent);
  const en = config.lang === 'en';
  const t = (zh, english) => (en ? english : zh);

  const statusLine = document.getElementById('designer-status');
  const problemList = document.getElementById('problem-list');
  const problemCount = document.getElementById('problem-count');
  const problemsEmpty = document.getElementById('problems-empty');
  const simulationPane = document.getElementById('simulation');

  let modeler = null;
  let dirty = false;
  let hasDraft = config.hasDraft;
  let busy = false;

  // ---------------------------------------------------------------- small helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [ k, v ] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.dataset.kind = kind || 'info';
    statusLine.className = 'status-line' + (kind === 'error' ? ' overdue-text' : '');
  }

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(data && (en ? (data.messageEn || data.title) : data.title) || `${response.status}`);
      error.status = response.status;
      error.problems = (data && data.problems) || [];
      throw error;
    }
    return data;
  }

  function localTime(iso) {
    if (!iso) return '';
    const date = iso.slice(0, 10);
    const weekday = new Date(date + 'T00:00:00Z').getUTCDay();
    const names = en ? [ 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat' ] : [ '周日', '周一', '周二', '周三', '周四', '周五', '周六' ];
    return `${iso.slice(0, 16).replace('T', ' ')} ${names[weekday]}`;
  }

  function label(id) {
    const element = modeler && modeler.bpmnjs.get('elementRegistry').get(id);
    const name = element && element.businessObject && element.businessObject.name;
    return name ? `${name}（${id}）` : id;
  }

  // ---------------------------------------------------------------- problems

  // the problems on screen, as the server sent them, so an edit can drop those of deleted elements
  let currentProblems = [];
  let drawnWhenShown = new Set();

  function showProblems(problems) {
    currentProblems = problems || [];
    const registry = modeler.bpmnjs.get('elementRegistry');
    drawnWhenShown = new Set(currentProblems.map(p => p.elementId).filter(id => id && registry.get(id)));
    const mapped = currentProblems.map(p => ({
      elementId: p.elementId,
      severity: p.severity,
      message: en ? p.messageEn : p.messageZh
    }));
    const unplaced = new Set((modeler.showProblems(mapped) || []).map(p => p.elementId + '|' + p.message));
    problemList.replaceChildren(...mapped.map(p => {
      const off = unplaced.has(p.elementId + '|' + p.message);
      return h('li', { class: `problem problem-${(p.severity || '').toLowerCase()}`, 'data-element-id': p.elementId || '' },
        h('span', { class: 'badge ' + (p.severity === 'error' ? 'badge-red' : 'badge-amber') }, p.severity === 'error' ? t('错误', 'error') : t('警告', 'warning')),
        ' ',
        p.elementId && !off
          ? h('button', { type: 'button', class: 'link', onclick: () => select(p.elementId) }, label(p.elementId))
          : h('code', {}, p.elementId || t('流程', 'process')),
        off && p.elementId ? h('span', { class: 'muted small' }, t('（不在图上）', ' (not on the canvas)')) : null,
        ' ', p.message);
    }));
    const errors = mapped.filter(p => p.severity === 'error').length;
    problemCount.textContent = String(mapped.length);
    problemCount.className = 'badge' + (errors ? ' badge-red' : mapped.length ? ' badge-amber' : '');
    problemsEmpty.hidden = mapped.length > 0;
    return errors;
  }

  function select(id) {
    const registry = modeler.bpmnjs.get('elementRegistry');
    const element = registry.get(id);
    if (!element) return;
    modeler.bpmnjs.get('selection').select(element);
    try { modeler.bpmnjs.get('canvas').scrollToElement(element); } catch (e) { /* fine */ }
  }

  // ---------------------------------------------------------------- commands

  async function save() {
    if (!config.canEdit) return null;
    const xml = await modeler.save();
    const draft = await api('PUT', `/api/v1/procedures/${config.id}/draft`, { xml });
    dirty = false;
    hasDraft = true;
    const errors = showProblems(draft.problems);
    setStatus(t(`草稿已保存 ${new Date().toLocaleTimeString('zh-CN')}`, `Draft saved at ${new Date().toLocaleTimeString('en-GB')}`) +
      (errors ? t(`，有 ${errors} 个错误需要处理后才能发布`, `; ${errors} error(s) to fix before publishing`) : ''), 'ok');
    return draft;
  }

  // Every validation gets a number; only the latest one's answer is shown, so a slow answer about
  // an older state of the canvas never replaces a newer one.
  let validationSeq = 0;

  async function validate() {
    const seq = ++validationSeq;
    const xml = await modeler.save();
    const result = await api('POST', `/api/v1/procedures/${config.id}/validate`, { xml });
    if (seq !== validationSeq) return result;
    const errors = showProblems(result.problems);
    switchTab('problems');
    setStatus(result.valid
      ? t(`校验通过${result.problems.length ? `（${result.problems.length} 个提示）` : ''}`, `Valid${result.problems.length ? ` (${result.problems.length} warning(s))` : ''}`)
      : t(`校验发现 ${errors} 个错误`, `${errors} error(s) found`), result.valid ? 'ok' : 'error');
    root.dataset.valid = String(result.valid);
    return result;
  }

  /** After an edit: problems of elements that no longer exist go at once; the rest after a quiet second. */
  let liveTimer = null;

  function modelEdited() {
    // problems about things never drawn (the process, a message) stay until the next validation
    const registry = modeler.bpmnjs.get('elementRegistry');
    const kept = currentProblems.filter(p => !p.elementId || !drawnWhenShown.has(p.elementId) || registry.get(p.elementId));
    if (kept.length !== currentProblems.length) showProblems(kept);
    clearTimeout(liveTimer);
    liveTimer = setTimeout(liveValidate, 1000);
  }

  async function liveValidate() {
    if (busy) {
      liveTimer = setTimeout(liveValidate, 1000);
      return;
    }
    const seq = ++validationSeq;
    try {
      const xml = await modeler.save();
      const result = await api('POST', `/api/v1/procedures/${config.id}/validate`, { xml });
      if (seq !== validationSeq) return;
      showProblems(result.problems);
      root.dataset.valid = String(result.valid);
    } catch (error) {
      // live validation is a convenience: the explicit 校验, save and publish report failures
    }
  }

  async function publish() {
    if (!dirty && !hasDraft) {
      setStatus(t('没有修改：当前显示的就是已发布的版本', 'Nothing changed: this is the published version'), 'error');
      return;
    }
    const dialog = document.getElementById('publish-dialog');
    const comment = document.getElementById('publish-comment');
    comment.value = '';
    dialog.returnValue = '';
    dialog.showModal();
    comment.focus();
    const choice = await new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
    if (choice !== 'publish') return;
    await save();
    try {
      const version = await api('POST', `/api/v1/procedures/${config.id}/publish`, { comment: comment.value });
      dirty = false;
      location.href = `/designer/${config.id}?ok=published-${version.number}`;
    } catch (error) {
      if (error.problems.length) showProblems(error.problems);
      throw error;
    }
  }

  async function exportXml() {
    const xml = await modeler.save();
    window.cobanUi.download(`${config.key}.bpmn`, xml, 'application/xml');
    setStatus(t(`已导出 ${config.key}.bpmn`, `Exported ${config.key}.bpmn`), 'ok');
  }

  function setProcessId(id) {
    const bpmnjs = modeler.bpmnjs;
    const rootElement = bpmnjs.get('canvas').getRootElement();
    const modeling = bpmnjs.get('modeling');
    const bo = rootElement.businessObject;
    if (bo.$type === 'bpmn:Process') {
      const old = bo.id;
      if (old !== id) modeling.updateProperties(rootElement, { id, isExecutable: true });
      return old;
    }
    const participant = (rootElement.children || []).find(c => c.type === 'bpmn:Participant' && c.businessObject.processRef);
    if (!participant) return null;
    const process = participant.businessObject.processRef;
    const old = process.id;
    if (old !== id) modeling.updateModdleProperties(participant, process, { id, isExecutable: true });
    return old;
  }

  async function importFile(file) {
    const text = await file.text();
    const result = await modeler.open(text);
    const old = setProcessId(config.key);
    dirty = true;
    const notes = [ t(`已导入 ${file.name}`, `Imported ${file.name}`) ];
    if (old && old !== config.key) notes.push(t(`流程 id 已由 ${old} 改为 ${config.key}`, `process id ${old} renamed to ${config.key}`));
    if (result.warnings.length) notes.push(t(`${result.warnings.length} 条导入警告`, `${result.warnings.length} import warning(s)`));
    await validate();
    setStatus(notes.join(t('；', '; ')) + t('。保存后生效。', '. Save to keep it.'), 'ok');
  }

  async function run(command) {
    if (busy) return;
    busy = true;
    root.dataset.busy = 'true';
    try {
      await command();
    } catch (error) {
      setStatus(error.message, 'error');
    } finally {
      busy = false;
      root.dataset.busy = 'false';
    }
  }

  // ---------------------------------------------------------------- drawer tabs

  const main = root.querySelector('.designer-main');

  function setDrawer(open) {
    main.dataset.drawer = open ? 'open' : 'closed';
    const toggle = root.querySelector('[data-cmd=toggle-drawer]');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t('收起 ▾', 'Fold ▾') : t('展开 ▴', 'Unfold ▴');
  }

  function setProps(open) {
    main.dataset.props = open ? 'open' : 'closed';
    const toggle = root.querySelector('[data-cmd=toggle-props]');
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? t('属性面板 ▸', 'Properties ▸') : t('◂ 属性面板', '◂ Properties');
    // the canvas changed size: let bpmn-js measure it again
    if (modeler) modeler.bpmnjs.get('canvas').resized();
  }

  function zoom(how) {
    const canvas = modeler.bpmnjs.get('canvas');
    if (how === 'fit') canvas.zoom('fit-viewport', 'auto');
    else canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() * (how === 'in' ? 1.25 : 0.8))));
  }

  function switchTab(name) {
    setDrawer(true);
    root.querySelectorAll('[data-tab]').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
    root.querySelectorAll('[data-pane]').forEach(p => { p.hidden = p.dataset.pane !== name; });
    if (name === 'simulation' && !testRun.started()) testRun.render();
  }

  // ---------------------------------------------------------------- test-run (designer-test-run.js)

  const testRun = window.CoBanTestRun.create({
    config, pane: simulationPane, modeler: () => modeler, h, t, api, label, localTime, setStatus, run
  });

  // ---------------------------------------------------------------- wiring

  const commands = {
    save: () => run(save),
    validate: () => run(validate),
    publish: () => run(publish),
    export: () => run(exportXml),
    import: () => document.getElementById('import-file').click(),
    simulate: () => switchTab('simulation'),
    history: () => switchTab('history'),
    'zoom-in': () => zoom('in'),
    'zoom-out': () => zoom('out'),
    'zoom-fit': () => zoom('fit'),
    'toggle-props': () => setProps(main.dataset.props === 'closed'),
    'toggle-drawer': () => {
      setDrawer(main.dataset.drawer === 'closed');
      if (modeler) modeler.bpmnjs.get('canvas').resized();
    }
  };

  root.querySelectorAll('[data-cmd]').forEach(button => button.addEventListener('click', () => commands[button.dataset.cmd]()));
  root.querySelectorAll('[data-tab]').forEach(button => button.addEventListener('click', () => switchTab(button.dataset.tab)));
  document.getElementById('import-file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) run(() => importFile(file));
  });

  document.addEventListener('keydown', (event) => {
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && key === 's') {
      event.preventDefault();
      if (config.canEdit) commands.save();
    } else if (event.altKey && key === 'v') {
      event.preventDefault();
      commands.validate();
    } else if (event.altKey && key === 't') {
      event.preventDefault();
      commands.simulate();
    } else if (event.altKey && key === 'p' && config.canEdit) {
      event.preventDefault();
      commands.publish();
    }
  });

  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  window.cobanUi.ensureDesigner().then(async () => {
    modeler = window.CoBanDesigner.createModeler(document.getElementById('designer-canvas'), document.getElementById('designer-props'),
      { lang: config.lang, readOnly: !config.canEdit, noticeTemplates: config.noticeTemplates });
    await modeler.open(config.xml);
    showProblems(config.problems);
    modeler.on('changed', () => {
      dirty = true;
      testRun.modelChanged();
      modelEdited();
      setStatus(t('有未保存的修改', 'Unsaved changes'), 'info');
    });
    root.dataset.ready = 'true';
    window.cobanDesigner = modeler; // for diagnostics and the browser tests
  }).catch((error) => {
    setStatus(t('设计器加载失败：', 'The designer failed to load: ') + error.message, 'error');
  });
})();
