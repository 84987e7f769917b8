// The designer's test-run pane (/designer/{id}, tab 试运行): runs the model on the canvas through
// POST /api/v1/simulations, stateless (every step replays the whole scenario from the start), and shows
// where it waits, what it did and the variables. designer-page.js creates it with the page's helpers.
(function () {
  'use strict';

  function create(ctx) {
    const { config, pane: simulationPane, h, t, api, label, localTime, setStatus, run } = ctx;

    const sim = {
      start: null,
      // variables beyond the start form (JSON), e.g. who owns the case
      variables: config.userName ? { caseOwner: config.userName } : {},
      // the start form's values by variable name, kept while the model is edited
      startValues: {},
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

    // ------------------------------------------------------------ start variables
    // A procedure started by the desk gets its variables from the case (category, kind, deadlines…);
    // a test-run has to supply them. They are read from the model: the start event's form fields,
    // and every name an expression uses that no task form sets. Each gets an input of a guessed type,
    // prefilled so that the shipped procedures run out of the box.

    const KEYWORDS = new Set([ 'true', 'false', 'null', 'and', 'or', 'not', 'empty', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod', 'instanceof', 'execution' ]);

    function expressionsOf(xml) {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const found = [];
      const byId = (id) => id && [ ...doc.getElementsByTagName('*') ].find(n => n.getAttribute('id') === id);
      const elementName = (node) => {
        for (let n = node; n && n.nodeType === 1; n = n.parentNode) {
          const name = n.getAttribute('name');
          if (n.localName === 'sequenceFlow' && !name) {
            // a flow without a name is known by the step it leaves and the one it leads to
            const named = (id) => { const e = byId(id); return e ? (e.getAttribute('name') || id) : id; };
            return `${named(n.getAttribute('sourceRef'))} → ${named(n.getAttribute('targetRef'))}`;
          }
          if (n.getAttribute('id') && /^(bpmn:)?(userTask|serviceTask|sendTask|sequenceFlow|boundaryEvent|intermediateCatchEvent|callActivity|receiveTask|startEvent|endEvent|exclusiveGateway|inclusiveGateway|subProcess|manualTask)$/.test(n.nodeName)) {
            return name || n.getAttribute('id');
          }
        }
        return '';
      };
      const take = (text, context, node) => {
        for (const m of String(text).matchAll(/\$\{([^}]*)\}/g)) found.push({ body: m[1], context, where: elementName(node), whole: text.trim() === m[0] });
      };
      doc.querySelectorAll('*').forEach(node => {
        for (const attr of node.attributes) take(attr.value, attr.localName, node);
        if (node.children.length === 0 && node.textContent.includes('${')) take(node.textContent, node.localName, node.parentNode);
      });
      const taskFields = new Set();
      const startFields = [];
      doc.querySelectorAll('*').forEach(node => {
        if (node.localName !== 'formField') return;
        let owner = node.parentNode;
        while (owner && owner.localName === 'extensionElements') owner = owner.parentNode;
        const field = { id: node.getAttribute('id'), label: node.getAttribute('label'), type: (node.getAttribute('type') || 'string').toLowerCase(),
          values: node.getAttribute('values') || '', required: node.getAttribute('required') === 'true' };
        if (owner && owner.localName === 'startEvent') startFields.push(field);
        else if (field.id) taskFields.add(field.id);
      });
      return { found, taskFields, startFields };
    }

    function startVariables(xml) {
      const { found, taskFields, startFields } = expressionsOf(xml);
      const vars = new Map();
      for (const f of startFields) {
        if (!f.id || vars.has(f.id)) continue;
        vars.set(f.id, { name: f.id, label: f.label || f.id, type: f.type === 'enum' ? 'enum' : f.type,
          options: f.values.split(',').filter(Boolean).map(pair => pair.split(':')[0]), labels: Object.fromEntries(f.values.split(',').filter(Boolean).map(pair => { const [ k, ...r ] = pair.split(':'); return [ k, r.join(':') || k ]; })),
          where: [], required: f.required });
      }
      for (const e of found) {
        const body = e.body.replace(/'[^']*'|"[^"]*"/g, ' ');
        for (const m of body.matchAll(/(^|[^.\w$])([A-Za-z_][\w]*)(?!\s*\()/g)) {
          const name = m[2];
          if (KEYWORDS.has(name) || taskFields.has(name)) continue;
          let v = vars.get(name);
          if (!v) {
            v = { name, label: null, type: null, options: [], labels: {}, where: [] };
            vars.set(name, v);
          }
          if (e.where && !v.where.includes(e.where)) v.where.push(e.where);
          if (v.label) continue; // a start form field keeps its declared type
          const literal = new RegExp(`\\b${name}\\s*(==|!=|eq|ne)\\s*'([^']*)'|'([^']*)'\\s*(==|!=|eq|ne)\\s*${name}\\b`, 'g');
          for (const lm of e.body.matchAll(literal)) {
            const value = lm[2] !== undefined ? lm[2] : lm[3];
            if (!v.options.includes(value)) v.options.push(value);
            v.type = 'enum';
          }
          if (v.type === 'enum') continue;
          if (new RegExp(`\\b${name}\\s*(<|>|<=|>=|lt|gt|le|ge)\\s*\\d|\\d\\s*(<|>|<=|>=)\\s*${name}\\b`).test(e.body)) v.type = 'long';
          else if (e.whole && /^(due|timeDate|followUpDate)$/.test(e.context)) v.type = 'datetime';
          else if (e.context === 'conditionExpression' && !v.type) v.type = 'boolean';
        }
      }
      for (const v of vars.values()) {
        if (!v.type) v.type = 'string';
        // a value the model only compares with: "none of these" first, so the gateways take their default flows
        if (v.type === 'enum' && !v.label) {
          v.options.unshift('');
          v.labels[''] = t('（都不是）', '(none of these)');
        }
      }
      return [ ...vars.values() ];
    }

    function defaultValue(v) {
      switch (v.type) {
        case 'boolean': return false;
        case 'long': case 'double': return 0;
        case 'enum': return v.options[0] || '';
        case 'datetime': case 'date': {
          // a week after the start, at the end of the working day (Beijing time)
          const base = new Date(Date.parse(sim.start || config.now || new Date().toISOString()) + 7 * 86400000 + 8 * 3600000);
          const day = base.toISOString().slice(0, 10);
          return v.type === 'date' ? day : `${day}T17:00`;
        }
        default: return '';
      }
    }

    function startInput(v) {
      const name = `sim-start-${v.name}`;
      let value = v.name in sim.startValues ? sim.startValues[v.name] : defaultValue(v);
      if (v.type === 'datetime' && value) value = String(value).slice(0, 16);
      let input;
      if (v.type === 'boolean') {
        input = h('input', { type: 'checkbox', name, checked: value === true });
      } else if (v.type === 'enum') {
        input = h('select', { name }, v.options.map(o => h('option', { value: o, selected: o === value }, v.labels[o] ? (o ? `${v.labels[o]}（${o}）` : v.labels[o]) : o)));
      } else {
        input = h('input', { name, value, type: v.type === 'datetime' ? 'datetime-local' : v.type === 'date' ? 'date' : (v.type === 'long' || v.type === 'double') ? 'number' : 'text' });
      }
      const used = v.where.length ? t(`用于：${v.where.join('、')}`, `used by: ${v.where.join(', ')}`) : '';
      return h('label', { 'data-start-var': v.name, title: used },
        h('span', { class: v.required ? 'field-required' : '' }, v.label ? v.label : h('code', {}, v.name)),
        input, used ? h('span', { class: 'muted small' }, used) : null);
    }

    function readStartValues(vars) {
      const values = {};
      for (const v of vars) {
        const el = simulationPane.querySelector(`[name="sim-start-${v.name}"]`);
        if (!el) continue;
        if (v.type === 'boolean') values[v.name] = el.checked;
        else if (v.type === 'long' || v.type === 'double') values[v.name] = el.value === '' ? 0 : Number(el.value);
        else if (v.type === 'datetime') values[v.name] = el.value ? `${el.value}:00+08:00` : '';
        else values[v.name] = el.value;
      }
      return values;
    }

    let startVars = [];

    // ------------------------------------------------------------ called procedures
    // The simulation runs one file. A call activity into another procedure of the bureau (承诺件办理
    // from 登记受理…) would stop the test-run, so the called procedures' processes (their draft or
    // latest version) are copied into the file sent, their element ids prefixed so they cannot clash.

    const REFERENCES = [ 'sourceRef', 'targetRef', 'default', 'attachedToRef' ];
    let procedureList = null;

    async function calledXml(key) {
      if (!procedureList) procedureList = await api('GET', '/api/v1/procedures');
      const candidates = procedureList.filter(p => p.key === key);
      const procedure = candidates.find(p => p.bureauId === config.bureauId) || candidates[0];
      if (!procedure) return null;
      return (await api('GET', `/api/v1/procedures/${procedure.id}/draft`)).xml;
    }

    async function withCalledProcedures(xml) {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const definitions = doc.documentElement;
      const has = (id) => [ ...definitions.children ].some(n => n.getAttribute('id') === id);
      for (let round = 0; round < 4; round++) {
        const missing = [ ...new Set([ ...doc.getElementsByTagNameNS('*', 'callActivity') ]
          .map(c => c.getAttribute('calledElement')).filter(key => key && !key.includes('${') && !has(key))) ];
        if (!missing.length) break;
        for (const key of missing) {
          const text = await calledXml(key).catch(() => null);
          if (!text) continue;
          const other = new DOMParser().parseFromString(text, 'application/xml');
          const process = [ ...other.documentElement.children ].find(n => n.localName === 'process' && n.getAttribute('id') === key);
          if (!process) continue;
          const renamed = new Map();
          process.querySelectorAll('[id]').forEach(n => {
            const id = n.getAttribute('id');
            renamed.set(id, `${key}__${id}`);
            n.setAttribute('id', `${key}__${id}`);
          });
          process.querySelectorAll('*').forEach(n => {
            for (const attr of REFERENCES) if (renamed.has(n.getAttribute(attr))) n.setAttribute(attr, renamed.get(n.getAttribute(attr)));
            if ((n.localName === 'incoming' || n.localName === 'outgoing') && renamed.has(n.textContent.trim())) n.textContent = renamed.get(n.textContent.trim());
          });
          // messages, signals and errors the called process refers to live beside it
          for (const n of other.documentElement.children) {
            if (n.localName !== 'process' && n.localName !== 'BPMNDiagram' && n.localName !== 'collaboration' && n.getAttribute('id') && !has(n.getAttribute('id'))) {
              definitions.insertBefore(doc.importNode(n, true), definitions.firstElementChild);
            }
          }
          definitions.appendChild(doc.importNode(process, true));
        }
      }
      return new XMLSerializer().serializeToString(doc);
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
        const xml = await withCalledProcedures(await ctx.modeler().save());
        const variables = { ...sim.variables };
        for (const v of startVars) {
          const value = v.name in sim.startValues ? sim.startValues[v.name] : defaultValue(v);
          variables[v.name] = v.type === 'datetime' && value && !value.includes('+') ? `${value}:00+08:00` : value;
        }
        sim.result = await api('POST', '/api/v1/simulations', {
          bpmnXml: xml, processId: config.key, now: sim.start, variables, steps: sim.steps
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
            throw new Error(t('其他变量不是有效的 JSON，例如 {"caseOwner": "zhang.wei"}', 'the other variables are not valid JSON, e.g. {"caseOwner": "zhang.wei"}'));
          }
        }
        sim.startValues = readStartValues(startVars);
        await this.prepare();
        await this.run();
      },

      async prepare() {
        startVars = startVariables(await ctx.modeler().save());
      },

      render() {
        const r = sim.result;
        const left = h('div', { class: 'stack' },
          h('div', { class: 'form-grid', 'data-test': 'sim-start-form' },
            h('label', {}, h('span', {}, t('开始时间（北京时间）', 'Start (Beijing time)')),
              h('input', { type: 'datetime-local', name: 'sim-start', value: sim.start ? sim.start.slice(0, 16) : '' })),
            startVars.map(startInput),
            h('details', { class: 'wide' }, h('summary', { class: 'small' }, t('其他变量（JSON，可选）', 'Other variables (JSON, optional)')),
              h('textarea', { name: 'sim-variables', rows: 2, 'aria-label': t('其他变量（JSON）', 'Other variables (JSON)') }, JSON.stringify(sim.variables)))),
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
      render: () => simulation.prepare().then(() => simulation.render()),
      /** The canvas changed: a result on screen no longer matches the model. */
      modelChanged: () => { if (sim.result) sim.stale = true; }
    };
  }

  window.CoBanTestRun = { create };
})();
