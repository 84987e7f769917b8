// The JS API the Blazor pages call through JS interop (documented in README.md):
//   window.CoBanDesigner.createModeler(container, propertiesPanelContainer, options)
//   window.CoBanDesigner.createViewer(container, options)
// Both return a DesignerHandle. Method results are plain JSON-friendly values so they cross
// the interop boundary unchanged.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { createTranslate, normalizeLang } from './translate.js';
import { moddleExtensions, modelerModules, viewerModules } from './modules.js';
import { newDiagramXml } from './new-diagram.js';
import Problems from './problems.js';
import Highlights from './highlight.js';

// coban:collection and coban:elementVariable are kept undeclared on purpose (see
// properties/multi-instance.js); moddle warns about them on every import.
const EXPECTED_WARNING = /unknown attribute <coban:(collection|elementVariable)>/;

function resolve(container) {
  const element = typeof container === 'string' ? document.querySelector(container) : container;
  if (!element) {
    throw new Error(`designer container not found: ${container}`);
  }
  return element;
}

function describe(element) {
  const bo = element.businessObject || {};
  return { id: element.id, type: element.type, name: bo.name || null };
}

/**
 * Invokes a subscriber: a JS function, or a .NET object reference from Blazor
 * (DotNetObjectReference) whose [JSInvokable] method gets (eventName, payload).
 */
function notify(subscriber, eventName, payload) {
  try {
    if (typeof subscriber.callback === 'function') {
      subscriber.callback(payload);
    } else if (subscriber.callback && typeof subscriber.callback.invokeMethodAsync === 'function') {
      subscriber.callback.invokeMethodAsync(subscriber.methodName || 'OnDesignerEvent', eventName, payload)
        .catch(error => console.error('CoBanDesigner: .NET event handler failed', error));
    }
  } catch (error) {
    console.error(`CoBanDesigner: '${eventName}' handler failed`, error);
  }
}

/**
 * Keyboard and mouse input in the properties panel is swallowed in read-only mode (the command
 * stack ignores edits anyway; this keeps the fields from showing text that was never applied).
 * Group headers still open and close, so old versions can be read in full.
 */
function guardPanel(panel, isReadOnly) {
  const isField = (target) => target.closest &&
    target.closest('input, select, textarea, [contenteditable], .bio-properties-panel-add-entry, .bio-properties-panel-remove-entry');

  const block = (event) => {
    if (isReadOnly() && isField(event.target) && !(event.type === 'keydown' && event.key === 'Tab')) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  for (const type of [ 'beforeinput', 'keydown', 'mousedown', 'click', 'paste', 'drop' ]) {
    panel.addEventListener(type, block, true);
  }
}

export class DesignerHandle {
  constructor(diagram, { lang, container, panel }) {
    this._diagram = diagram;
    this._lang = lang;
    this._translate = createTranslate(lang);
    this._container = container;
    this._panel = panel;
    this._editable = !!diagram.get('modeling', false);
    this._problems = new Problems(diagram, this._translate);
    this._highlights = new Highlights(diagram);
    this._subscribers = [];

    const eventBus = diagram.get('eventBus');

    eventBus.on('commandStack.changed', (event) => {
      // 'clear' is the import resetting the undo stack, not an edit
      if (event.trigger && event.trigger !== 'clear') {
        const commandStack = diagram.get('commandStack');
        this._emit('changed', { canUndo: commandStack.canUndo(), canRedo: commandStack.canRedo() });
      }
    });

    eventBus.on('selection.changed', (event) => {
      const selected = (event.newSelection || []).map(describe);
      this._emit('selection', { ids: selected.map(s => s.id), elements: selected });
    });

    if (panel) {
      guardPanel(panel, () => this.isReadOnly());
    }
  }

  /** The underlying bpmn-js instance, for diagnostics and tests; pages should not need it. */
  get bpmnjs() {
    return this._diagram;
  }

  /**
   * Imports BPMN 2.0 XML and fits it into view. Resolves to { warnings: [string] };
   * rejects (with the parser's message) when the XML cannot be read at all.
   */
  async open(xml) {
    this._problems.clear();
    this._highlights.clear();

    const result = await this._diagram.importXML(xml);
    const canvas = this._diagram.get('canvas');
    canvas.zoom('fit-viewport', 'auto');

    return {
      warnings: (result.warnings || [])
        .map(warning => warning.message || String(warning))
        .filter(message => !EXPECTED_WARNING.test(message))
    };
  }

  /** The current diagram as formatted BPMN 2.0 XML. */
  async save() {
    const { xml } = await this._diagram.saveXML({ format: true });
    return xml;
  }

  /** The current diagram as an SVG document (for printing and previews). */
  async saveSvg() {
    const { svg } = await this._diagram.saveSVG();
    return svg;
  }

  /** Opens a minimal start → user task → end procedure with the given process id and name. */
  newDiagram(processId, name) {
    return this.open(newDiagramXml(processId, name, this._translate));
  }

  /**
   * Shows validation problems [{ elementId, message, severity: 'error'|'warning'|'info' }],
   * replacing those shown before. Returns the problems whose element is not on the canvas.
   */
  showProblems(problems) {
    return this._problems.show(problems);
  }

  clearProblems() {
    this._problems.clear();
  }

  /**
   * Colours elements: { active, completed, changed, added, removed } (arrays of element ids),
   * replacing earlier highlights. Returns the ids not found on the canvas.
   */
  highlight(spec) {
    return this._highlights.show(spec);
  }

  clearHighlights() {
    this._highlights.clear();
  }

  /**
   * Subscribes to 'changed' (payload { canUndo, canRedo }) or 'selection'
   * (payload { ids, elements: [{ id, type, name }] }). `callback` is a function or a Blazor
   * DotNetObjectReference (its method `methodName`, default 'OnDesignerEvent', receives
   * (eventName, payload)). Returns a function that unsubscribes.
   */
  on(eventName, callback, methodName) {
    if (![ 'changed', 'selection' ].includes(eventName)) {
      throw new Error(`unknown designer event: ${eventName}`);
    }
    const subscriber = { eventName, callback, methodName };
    this._subscribers.push(subscriber);
    return () => this.off(eventName, callback);
  }

  off(eventName, callback) {
    this._subscribers = this._subscribers.filter(s =>
      !(s.eventName === eventName && (callback === undefined || s.callback === callback)));
  }

  _emit(eventName, payload) {
    for (const subscriber of this._subscribers.filter(s => s.eventName === eventName)) {
      notify(subscriber, eventName, payload);
    }
  }

  /** Switches a modeler between editing and read-only; a viewer is always read-only. */
  setReadOnly(readOnly) {
    if (!this._editable) {
      return true;
    }
    this._diagram.get('cobanReadOnly').set(readOnly);
    if (this._panel) {
      this._panel.classList.toggle('coban-read-only', !!readOnly);
    }
    return !!readOnly;
  }

  isReadOnly() {
    return !this._editable || this._diagram.get('cobanReadOnly').get();
  }

  /** Removes the diagram and the properties panel and releases their listeners. */
  destroy() {
    this._subscribers = [];
    this._diagram.destroy();
    if (this._panel) {
      this._panel.innerHTML = '';
    }
  }
}

/**
 * options: { lang: 'zh' (default) | 'en', readOnly: false, noticeTemplates: [names or
 * { value, label }], height: CSS height of the canvas (default '100%') }
 */
export function createModeler(container, propertiesPanelContainer, options = {}) {
  const lang = normalizeLang(options.lang);
  const element = resolve(container);
  const panel = propertiesPanelContainer ? resolve(propertiesPanelContainer) : null;

  element.classList.add('coban-designer');
  if (panel) {
    panel.classList.add('coban-properties-panel');
  }

  const modeler = new Modeler({
    container: element,
    height: options.height || '100%',
    propertiesPanel: panel ? { parent: panel } : undefined,
    additionalModules: modelerModules(lang, !!panel),
    moddleExtensions,
    coban: { noticeTemplates: options.noticeTemplates || null }
  });

  const handle = new DesignerHandle(modeler, { lang, container: element, panel });

  if (options.readOnly) {
    handle.setReadOnly(true);
  }

  return handle;
}

/** options: { lang, height } */
export function createViewer(container, options = {}) {
  const lang = normalizeLang(options.lang);
  const element = resolve(container);
  element.classList.add('coban-designer');

  const viewer = new NavigatedViewer({
    container: element,
    height: options.height || '100%',
    additionalModules: viewerModules(lang),
    moddleExtensions
  });

  return new DesignerHandle(viewer, { lang, container: element, panel: null });
}
