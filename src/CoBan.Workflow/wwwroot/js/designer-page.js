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

  function showProblems(problems) {
    const mapped = (problems || []).map(p => ({
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

  async function validate() {
    const xml = await modeler.save();
    const result = await api('POST', `/api/v1/procedures/${config.id}/validate`, { xml });
    const errors = showProblems(result.problems);
    switchTab('problems');
    setStatus(result.valid
      ? t(`校验通过${result.problems.length ? `（${result.problems.length} 个提示）` : ''}`, `Valid${result.problems.length ? ` (${result.problems.length} warning(s))` : ''}`)
      : t(`校验发现 ${errors} 个错误`, `${errors} error(s) found`), result.valid ? 'ok' : 'error');
    root.dataset.valid = String(result.valid);
    return result;
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

  function switchTab(name) {
    root.querySelectorAll('[data-tab]').forEach(b => b.classList.toggle('active', b.dataset.tab === name));
    root.querySelectorAll('[data-pane]').forEach(p => { p.hidden = p.dataset.pane !== name; });
    if (name === 'simulation' && !sim.result) simulation.render();
  }

  // ---------------------------------------------------------------- test-run

  const sim = {
    start: null,
    variables: config.userName ? { caseOwner: config.userName } : {},
    steps: [],
    result: null,
    stale: false
  };

  function formFieldsOf(bo) {
    const values = (bo.extensionElements && bo.extensionElements.values) || [];
    return values.filter(v => v.$type === 'coban:FormField').map(f => ({
      id: f.id, label: f.label || f.id, type: (f.type || 'string').toLowerCase(), required: !!f.required,
      options: (f.values || '').split(',').filter(Boolean).map(pair => {
        const [ key, ...rest ] = pair.split(':');
        return { key, label: rest.join(':') || key };
      })
    }));
  }

  function describe(id) {
    const element = modeler.bpmnjs.get('elementRegistry').get(id);
    if (!element) return { id, kind: 'unknown' };
    const bo = element.businessObject;
    const definition = (bo.eventDefinitions || [])[0];
    const name = bo.name || id;
    if (bo.$type === 'bpmn:UserTask' || bo.$type === 'bpmn:ManualTask') return { id, name, kind: 'task', fields: formFieldsOf(bo) };
    if (bo.$type === 'bpmn:ReceiveTask' || (definition && definition.$type === 'bpmn:MessageEventDefinition')) {
      const message = bo.messageRef || (definition && definition.messageRef);
      return { id, name, kind: 'message', message: message ? (message.name || message.id) : null, correlated: !!bo.get('coban:correlationKey') };
    }
    if (definition && definition.$type === 'bpmn:SignalEventDefinition') {
      return { id, name, kind: 'signal', signal: definition.signalRef ? (definition.signalRef.name || definition.signalRef.id) : null };
    }
    if (definition && definition.$type === 'bpmn:TimerEventDefinition') return { id, name, kind: 'timer' };
    return { id, name, kind: 'other', type: bo.$type.replace('bpmn:', '') };
  }

  function fieldInput(field) {
    const name = `sim-${field.id}`;
    let input;
    if (field.type === 'boolean') {
      input = h('span', { class: 'row' },
        h('label', { class: 'check' }, h('input', { type: 'radio', name, value: 'true' }), t('是', 'yes')),
        h('label', { class: 'check' }, h('input', { type: 'radio', name, value: 'false' }), t('否', 'no')));
    } else if (field.type === 'enum') {
      input = h('select', { name }, h('option', { value: '' }, t('（请选择）', '(choose)')),
        field.options.map(o => h('option', { value: o.key }, o.label)));
    } else if (field.type === 'text' || field.type === 'list') {
      input = h('textarea', { name, rows: 2 });
    } else {
      input = h('input', { name, type: field.type === 'date' ? 'date' : (field.type === 'long' || field.type === 'double') ? 'number' : 'text' });
    }
    return h('label', { 'data-sim-field': field.id }, h('span', { class: field.required ? 'field-required' : '' }, field.label), input);
  }

  function readFields(container, fields) {
    const variables = {};
    for (const field of fields) {
      const name = `sim-${field.id}`;
      let value;
      if (field.type === 'boolean') {
        const checked = container.querySelector(`input[name="${name}"]:checked`);
        value = checked ? checked.value === 'true' : undefined;
      } else {
        const el = container.querySelector(`[name="${name}"]`);
        value = el && el.value.trim() !== '' ? el.value.trim() : undefined;
        if (value !== undefined && field.type === 'list') value = value.split('\n').map(s => s.trim()).filter(Boolean);
      }
      if (value !== undefined) variables[field.id] = value;
    }
    return variables;
  }

  /** Timers scheduled and not yet cancelled or fired (due after the simulated now), boundary timers included. */
  function pendingTimers() {
    const r = sim.result;
    if (!r) return [];
    const timers = new Map();
    for (const c of r.commands) {
      const key = `${c.instance}/${c.timerId}`;
      if (c.type === 'ScheduleTimer') timers.set(key, c);
      else if (c.type === 'CancelTimer') timers.delete(key);
    }
    return [ ...timers.values() ].filter(c => Date.parse(c.due) > Date.parse(r.now)).sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  }

  function untilDue(due) {
    const seconds = Math.ceil((Date.parse(due) - Date.parse(sim.result.now)) / 1000);
    return seconds > 0 ? `PT${seconds}S` : null;
  }

  function describeCommand(c) {
    switch (c.type) {
      case 'CreateUserTask': return t(`创建任务 ${label(c.elementId)}${c.due ? `，期限 ${localTime(c.due)}` : ''}${c.remindBefore ? `，提前 ${c.remindBefore} 提醒` : ''}`,
        `task ${label(c.elementId)} created${c.due ? `, due ${localTime(c.due)}` : ''}${c.remindBefore ? `, reminder ${c.remindBefore} before` : ''}`);
      case 'CancelUserTask': return t(`取消任务 ${label(c.elementId)}`, `task ${label(c.elementId)} cancelled`);
      case 'ScheduleTimer': return t(`定时器 ${label(c.elementId)} 到期 ${localTime(c.due)}`, `timer ${label(c.elementId)} due ${localTime(c.due)}`);
      case 'CancelTimer': return t(`取消定时器 ${label(c.elementId)}`, `timer ${label(c.elementId)} cancelled`);
      case 'SendNotice': return t(`发送通知：模板 ${c.template}，渠道 ${(c.channels || []).join('、') || '默认'}，收件人 ${c.recipient}`,
        `notice: template ${c.template}, channels ${(c.channels || []).join(', ') || 'default'}, to ${c.recipient}`);
      case 'InvokeService': return t(`调用服务 ${c.implementation}（${label(c.elementId)}）`, `service ${c.implementation} (${label(c.elementId)})`);
      case 'SubscribeMessage': return t(`等待消息“${c.messageName}”${c.correlationKey ? `（关联键 ${c.correlationKey}）` : ''}`, `waits for message '${c.messageName}'${c.correlationKey ? ` (key ${c.correlationKey})` : ''}`);
      case 'SubscribeSignal': return t(`等待信号“${c.signalName}”`, `waits for signal '${c.signalName}'`);
      case 'RaiseIncident': return t(`故障：${c.messageZh}`, `incident: ${c.messageEn}`);
      case 'InstanceCompleted': return t(`流程结束${c.endEventId ? `于 ${label(c.endEventId)}` : ''}`, `instance completed${c.endEventId ? ` at ${label(c.endEventId)}` : ''}`);
      case 'InstanceTerminated': return t(`流程终止：${c.reason}`, `instance terminated: ${c.reason}`);
      case 'StartCallActivity': return t(`调用子流程 ${c.calledElement}`, `calls ${c.calledElement}`);
      default: return c.type;
    }
  }

  function stepText(step) {
    if (step.complete) return t(`完成 ${label(step.complete)}`, `complete ${label(step.complete)}`) + (step.variables && Object.keys(step.variables).length ? ' ' + JSON.stringify(step.variables) : '');
    if (step.advance) return t(`时间推进 ${step.advance}`, `advance ${step.advance}`);
    if (step.message) return t(`消息“${step.message}”`, `message '${step.message}'`) + (step.correlationKey ? ` (${step.correlationKey})` : '');
    if (step.signal) return t(`信号“${step.signal}”`, `signal '${step.signal}'`);
    return JSON.stringify(step);
  }

  const simulation = {
    async run() {
      const xml = await modeler.save();
      sim.result = await api('POST', '/api/v1/simulations', {
        bpmnXml: xml, processId: config.key, now: sim.start, variables: sim.variables, steps: sim.steps
      });
      sim.stale = false;
      if (!sim.start) sim.start = sim.result.now;
      this.highlight();
      this.render();
      setStatus(t(`试运行：${this.stateText()}`, `Test-run: ${this.stateText()}`), sim.result.state === 'failed' ? 'error' : 'ok');
    },

    highlight() {
      const r = sim.result;
      if (!r) { modeler.clearHighlights(); return; }
      const trace = new Set(r.trace);
      const flows = modeler.bpmnjs.get('elementRegistry').filter(e => e.type === 'bpmn:SequenceFlow' &&
        trace.has(e.businessObject.sourceRef.id) && trace.has(e.businessObject.targetRef.id)).map(e => e.id);
      modeler.highlight({ active: r.waitingAt, completed: [ ...trace, ...flows ].filter(id => !r.waitingAt.includes(id)) });
    },

    stateText() {
      const state = sim.result ? sim.result.state : null;
      return { waiting: t('等待中', 'waiting'), completed: t('已结束', 'completed'), failed: t('失败', 'failed') }[state] || t('未开始', 'not started');
    },

    async step(step) {
      sim.steps.push(step);
      await this.run();
    },

    async reset() {
      sim.steps = [];
      sim.result = null;
      const start = simulationPane.querySelector('[name=sim-start]');
      sim.start = start && start.value ? start.value + ':00+08:00' : null;
      const vars = simulationPane.querySelector('[name=sim-variables]');
      if (vars) {
        try {
          sim.variables = vars.value.trim() ? JSON.parse(vars.value) : {};
        } catch (e) {
          throw new Error(t('开始变量不是有效的 JSON', 'the start variables are not valid JSON'));
        }
      }
      await this.run();
    },

    render() {
      const r = sim.result;
      const left = h('div', { class: 'stack' },
        h('div', { class: 'form-grid' },
          h('label', {}, h('span', {}, t('开始时间（北京时间）', 'Start (Beijing time)')),
            h('input', { type: 'datetime-local', name: 'sim-start', value: sim.start ? sim.start.slice(0, 16) : '' })),
          h('label', { class: 'wide' }, h('span', {}, t('开始变量（JSON）', 'Start variables (JSON)')),
            h('textarea', { name: 'sim-variables', rows: 2 }, JSON.stringify(sim.variables)))),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'btn btn-primary', 'data-test': 'sim-start', onclick: () => run(() => simulation.reset()) },
            r ? t('重新开始', 'Restart') : t('开始试运行', 'Start')),
          sim.steps.length ? h('button', { type: 'button', class: 'btn', 'data-test': 'sim-undo', onclick: () => run(async () => { sim.steps.pop(); await simulation.run(); }) }, t('撤销上一步', 'Undo last step')) : null,
          r ? h('button', { type: 'button', class: 'btn', onclick: () => { sim.result = null; sim.steps = []; modeler.clearHighlights(); simulation.render(); } }, t('结束试运行', 'Stop')) : null),
        r ? h('div', { class: 'stack' },
          h('div', { class: 'row' }, h('strong', {}, t('时间推进', 'Move the clock')),
            [ 'PT1H', 'P1D', 'P1WD', 'P3WD' ].map(d => h('button', { type: 'button', class: 'btn btn-small', 'data-advance': d, onclick: () => run(() => simulation.step({ advance: d })) }, d)),
            h('input', { name: 'sim-advance', placeholder: 'P2WDT4H', size: 9, 'aria-label': t('推进时长', 'duration') }),
            h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
              const value = simulationPane.querySelector('[name=sim-advance]').value.trim();
              if (value) run(() => simulation.step({ advance: value }));
            } }, t('推进', 'Advance'))),
          h('div', { class: 'row' }, h('strong', {}, t('消息 / 信号', 'Message / signal')),
            h('input', { name: 'sim-event', placeholder: t('名称', 'name'), size: 12, 'aria-label': t('名称', 'name') }),
            h('input', { name: 'sim-key', placeholder: t('关联键（可选）', 'key (optional)'), size: 12, 'aria-label': t('关联键', 'correlation key') }),
            h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
              const name = simulationPane.querySelector('[name=sim-event]').value.trim();
              const key = simulationPane.querySelector('[name=sim-key]').value.trim();
              if (name) run(() => simulation.step({ message: name, correlationKey: key || null }));
            } }, t('发送消息', 'Send message')),
            h('button', { type: 'button', class: 'btn btn-small', onclick: () => {
              const name = simulationPane.querySelector('[name=sim-event]').value.trim();
              if (name) run(() => simulation.step({ signal: name }));
            } }, t('发送信号', 'Send signal'))),
          sim.steps.length ? h('div', {}, h('strong', {}, t('已执行的步骤', 'Steps so far')),
            h('ol', { class: 'small', 'data-test': 'sim-steps' }, sim.steps.map(s => h('li', {}, stepText(s))))) : null) : null);

      let right = h('p', { class: 'muted' }, t('点“开始试运行”：用画布上的模型（未保存的修改也算）从头运行，不写入任何数据。',
        'Press Start: the model on the canvas (unsaved edits included) runs from the start; nothing is stored.'));
      if (r) {
        right = h('div', { class: 'stack' },
          h('div', { class: 'row' },
            h('span', { class: 'badge ' + (r.state === 'failed' ? 'badge-red' : r.state === 'completed' ? 'badge-green' : 'badge-blue'), 'data-test': 'sim-state', 'data-state': r.state }, this.stateText()),
            h('span', { class: 'small' }, t('模拟时间：', 'Simulated time: '), h('strong', { 'data-test': 'sim-now' }, localTime(r.now))),
            sim.stale ? h('span', { class: 'badge badge-amber' }, t('模型已修改，请重新开始', 'model changed: restart')) : null),
          r.errors.length ? h('div', { class: 'alert alert-error' }, h('ul', {}, r.errors.map(e => h('li', {}, e)))) : null,
          r.waitingAt.length ? h('div', { class: 'sim-waiting', 'data-test': 'sim-waiting' },
            r.waitingAt.filter(id => describe(id).kind !== 'timer').map(id => this.waitingItem(id)),
            pendingTimers().map(timer => this.timerItem(timer))) : null,
          h('details', { open: true }, h('summary', {}, t('执行记录', 'What happened')),
            h('pre', { class: 'log', 'data-test': 'sim-log' },
              t('经过：', 'Path: ') + r.trace.map(label).join(' → ') + '\n' + r.commands.map(describeCommand).join('\n'))),
          h('details', {}, h('summary', {}, t('流程变量', 'Variables')), h('pre', { class: 'log' }, JSON.stringify(r.variables, null, 2))));
      }
      simulationPane.replaceChildren(h('div', { class: 'sim-grid' }, left, right));
    },

    timerItem(timer) {
      const duration = untilDue(timer.due);
      return h('div', { class: 'sim-item', 'data-waiting': timer.elementId, 'data-timer': timer.elementId },
        h('strong', {}, t('定时器：', 'Timer: '), label(timer.elementId)), ' ', t(`到期 ${localTime(timer.due)}`, `due ${localTime(timer.due)}`), ' ',
        duration ? h('button', { type: 'button', class: 'btn btn-small', 'data-fire': timer.elementId,
          onclick: () => run(() => simulation.step({ advance: duration })) }, t('推进到到期', 'Advance to it')) : null);
    },

    waitingItem(id) {
      const d = describe(id);
      const item = h('div', { class: 'sim-item', 'data-waiting': id });
      if (d.kind === 'task') {
        const fields = h('div', { class: 'form-grid' }, d.fields.map(fieldInput));
        item.append(h('strong', {}, t('任务：', 'Task: '), d.name), fields,
          h('div', {}, h('button', { type: 'button', class: 'btn btn-primary btn-small', 'data-complete': id,
            onclick: () => run(() => simulation.step({ complete: id, variables: readFields(item, d.fields) })) }, t(`完成“${d.name}”`, `Complete '${d.name}'`))));
      } else if (d.kind === 'message') {
        const key = h('input', { placeholder: t('关联键', 'correlation key'), size: 12, 'aria-label': t('关联键', 'correlation key') });
        item.append(h('strong', {}, t('等待消息：', 'Waits for message: '), d.message || '?'), ' (', d.name, ') ', d.correlated ? key : null,
          d.message ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => run(() => simulation.step({ message: d.message, correlationKey: key.value.trim() || null })) }, t('发送', 'Send')) : null);
      } else if (d.kind === 'signal') {
        item.append(h('strong', {}, t('等待信号：', 'Waits for signal: '), d.signal || '?'), ' (', d.name, ') ',
          d.signal ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => run(() => simulation.step({ signal: d.signal })) }, t('发送', 'Send')) : null);
      } else {
        item.append(h('strong', {}, label(id)), ' ', h('span', { class: 'muted' }, d.type || ''));
      }
      return item;
    }
  };

  // ---------------------------------------------------------------- wiring

  const commands = {
    save: () => run(save),
    validate: () => run(validate),
    publish: () => run(publish),
    export: () => run(exportXml),
    import: () => document.getElementById('import-file').click(),
    simulate: () => switchTab('simulation'),
    history: () => switchTab('history')
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
      if (sim.result) { sim.stale = true; }
      setStatus(t('有未保存的修改', 'Unsaved changes'), 'info');
    });
    root.dataset.ready = 'true';
    window.cobanDesigner = modeler; // for diagnostics and the browser tests
  }).catch((error) => {
    setStatus(t('设计器加载失败：', 'The designer failed to load: ') + error.message, 'error');
  });
})();
