// Read-only mode for a modeler (old procedure versions, users without edit rights). bpmn-js has no
// such switch, so this closes every door: the command stack ignores execute/undo/redo, modeling
// rules refuse, label editing is not allowed, and CSS hides the palette, context pad
// and the properties panel's controls (styles.css, .coban-read-only). Navigation, selection and
// the properties panel's reading stay available.

const BLOCKED_RULES = [
  'elements.move', 'elements.create', 'elements.delete', 'elements.paste', 'element.copy',
  'shape.create', 'shape.resize', 'shape.replace', 'shape.append', 'shape.attach',
  'connection.create', 'connection.reconnect', 'connection.updateWaypoints',
  'lane.add', 'lane.split', 'lane.resize', 'spaceTool'
];

const HIGHEST = 100000;

export default function ReadOnly(eventBus, commandStack, canvas, injector, config) {
  this._readOnly = false;
  this._eventBus = eventBus;
  this._injector = injector;
  this._container = canvas.getContainer();

  const isReadOnly = () => this._readOnly;

  for (const method of [ 'execute', 'undo', 'redo' ]) {
    const original = commandStack[method];
    commandStack[method] = function(...args) {
      if (isReadOnly()) {
        return;
      }
      return original.apply(this, args);
    };
  }

  for (const action of BLOCKED_RULES) {
    eventBus.on(`commandStack.${action}.canExecute`, HIGHEST, () => (isReadOnly() ? false : undefined));
  }

  // label editing (double-click, or the E key) asks this first
  eventBus.on('directEditing.activate.allowed', HIGHEST, () => (isReadOnly() ? false : undefined));

  if (config && config.coban && config.coban.readOnly) {
    this.set(true);
  }
}

ReadOnly.$inject = [ 'eventBus', 'commandStack', 'canvas', 'injector', 'config' ];

ReadOnly.prototype.set = function(readOnly) {
  this._readOnly = !!readOnly;

  if (this._readOnly) {
    // close whatever is open: a label editor, the context pad, a popup menu
    const directEditing = this._injector.get('directEditing', false);
    const contextPad = this._injector.get('contextPad', false);
    const popupMenu = this._injector.get('popupMenu', false);

    if (directEditing && directEditing.isActive()) {
      directEditing.cancel();
    }
    if (contextPad) {
      contextPad.close();
    }
    if (popupMenu) {
      popupMenu.close();
    }
  }

  this._container.classList.toggle('coban-read-only', this._readOnly);
  this._eventBus.fire('coban.readOnly.changed', { readOnly: this._readOnly });
};

ReadOnly.prototype.get = function() {
  return this._readOnly;
};

export const ReadOnlyModule = {
  __init__: [ 'cobanReadOnly' ],
  cobanReadOnly: [ 'type', ReadOnly ]
};
