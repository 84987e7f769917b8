// The designer's test-run pane (/designer/{id}, tab 试运行): runs the model on the canvas through
// POST /api/v1/simulations, stateless (every step replays the whole scenario from the start), and shows
// where it waits, what it did and the variables. designer-page.js creates it with the page's helpers.
(function () {
  'use strict';

  function create(ctx) {
    const { config, pane: simulationPane, h, t, api, label, localTime, setStatus, run } = ctx;

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
      const element = ctx.modeler().bpmnjs.get('elementRegistry').get(id);
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
        const xml = await ctx.modeler().save();
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
        if (!r) { ctx.modeler().clearHighlights(); return; }
        const trace = new Set(r.trace);
        const flows = ctx.modeler().bpmnjs.get('elementRegistry').filter(e => e.type === 'bpmn:SequenceFlow' &&
          trace.has(e.businessObject.sourceRef.id) && trace.has(e.businessObject.targetRef.id)).map(e => e.id);
        ctx.modeler().highlight({ active: r.waitingAt, completed: [ ...trace, ...flows ].filter(id => !r.waitingAt.includes(id)) });
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
            r ? h('button', { type: 'button', class: 'btn', onclick: () => { sim.result = null; sim.steps = []; ctx.modeler().clearHighlights(); simulation.render(); } }, t('结束试运行', 'Stop')) : null),
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

    return {
      started: () => sim.result !== null,
      render: () => simulation.render(),
      /** The canvas changed: a result on screen no longer matches the model. */
      modelChanged: () => { if (sim.result) sim.stale = true; }
    };
  }

  window.CoBanTestRun = { create };
})();
