// Context pad: bpmn-js' entries minus those that create elements the engine does not run; the
// "append task" entry appends a user task (the common next step in a procedure) instead of a
// plain bpmn:Task.
import { HIDDEN_CONTEXT_PAD_ENTRIES } from './engine-scope.js';

const LOW_PRIORITY = 500;

export default function CobanContextPadProvider(
    contextPad, create, elementFactory, autoPlace, translate) {

  this._create = create;
  this._elementFactory = elementFactory;
  this._autoPlace = autoPlace;
  this._translate = translate;

  contextPad.registerProvider(LOW_PRIORITY, this);
}

CobanContextPadProvider.$inject = [
  'contextPad', 'create', 'elementFactory', 'autoPlace', 'translate'
];

CobanContextPadProvider.prototype.getContextPadEntries = function(element) {
  const create = this._create,
        elementFactory = this._elementFactory,
        autoPlace = this._autoPlace,
        translate = this._translate;

  function appendUserTask(event, source) {
    const shape = elementFactory.createShape({ type: 'bpmn:UserTask' });

    if (autoPlace) {
      autoPlace.append(source, shape);
    } else {
      create.start(event, shape, { source });
    }
  }

  function dragUserTask(event, source) {
    create.start(event, elementFactory.createShape({ type: 'bpmn:UserTask' }), { source });
  }

  return function(entries) {
    const result = {};

    for (const [ id, entry ] of Object.entries(entries)) {
      if (id === 'append.append-task') {
        result['append.user-task'] = {
          group: entry.group,
          className: 'bpmn-icon-user-task',
          title: translate('Append user task'),
          action: {
            click: (event) => appendUserTask(event, element),
            dragstart: (event) => dragUserTask(event, element)
          }
        };
      }

      if (!HIDDEN_CONTEXT_PAD_ENTRIES.includes(id)) {
        result[id] = entry;
      }
    }

    return result;
  };
};
