// Palette: bpmn-js' own entries, minus the plain task and group, plus the task types CoBan runs.
// Registered as an updater (a function of the entries) below bpmn-js' provider, so tools, events,
// gateways, sub-process, pool and data entries stay exactly as bpmn-js defines them.
import { HIDDEN_PALETTE_ENTRIES } from './engine-scope.js';

const LOW_PRIORITY = 500;

export default function CobanPaletteProvider(palette, create, elementFactory, translate) {
  this._create = create;
  this._elementFactory = elementFactory;
  this._translate = translate;

  palette.registerProvider(LOW_PRIORITY, this);
}

CobanPaletteProvider.$inject = [ 'palette', 'create', 'elementFactory', 'translate' ];

CobanPaletteProvider.prototype.getPaletteEntries = function() {
  const create = this._create,
        elementFactory = this._elementFactory,
        translate = this._translate;

  function createEntry(type, className, title) {
    const start = (event) => create.start(event, elementFactory.createShape({ type }));

    return {
      group: 'activity',
      className,
      title: translate(title),
      action: { dragstart: start, click: start }
    };
  }

  return function(entries) {
    const result = {};

    // Rebuild in order so the new tasks sit where the plain task was.
    for (const [ id, entry ] of Object.entries(entries)) {
      if (id === 'create.task') {
        result['create.user-task'] = createEntry('bpmn:UserTask', 'bpmn-icon-user-task', 'Create user task');
        result['create.service-task'] = createEntry('bpmn:ServiceTask', 'bpmn-icon-service-task', 'Create service task');
        result['create.send-task'] = createEntry('bpmn:SendTask', 'bpmn-icon-send-task', 'Create send task (notice)');
        result['create.call-activity'] = createEntry('bpmn:CallActivity', 'bpmn-icon-call-activity', 'Create call activity');
      }

      if (!HIDDEN_PALETTE_ENTRIES.includes(id)) {
        result[id] = entry;
      }
    }

    result['create.text-annotation'] = {
      ...createEntry('bpmn:TextAnnotation', 'bpmn-icon-text-annotation', 'Create text annotation'),
      group: 'artifact'
    };

    return result;
  };
};
