// Call activities: the called process (bpmn:calledElement, which the plain BPMN panel does not
// show), version binding, and variable mappings (<coban:in>, <coban:out>).
import { Group, ListGroup } from '@bpmn-io/properties-panel';
import {
  getBusinessObject, getAttr, textEntry, selectEntry, extensionListGroup,
  AttributeCheckbox, isCheckboxEdited
} from './util.js';
import { validateWholeNumber } from './validate.js';

const BINDING_OPTIONS = [
  { value: '', label: 'Latest version (default)' },
  { value: 'version', label: 'Specific version' },
  { value: 'deployment', label: 'Same deployment' }
];

export function calledProcessGroup(element, injector) {
  const translate = injector.get('translate');
  const entries = [
    // calledElement is a BPMN attribute: the 'bpmn:' prefix makes the helpers write it unprefixed
    textEntry('coban-calledElement', 'bpmn:calledElement', 'Called element', { tooltip: 'calledElement' }),
    selectEntry('coban-binding', 'binding', 'Binding', BINDING_OPTIONS)
  ];

  if (getAttr(getBusinessObject(element), 'binding') === 'version' ||
      getAttr(getBusinessObject(element), 'version')) {
    entries.push(textEntry('coban-version', 'version', 'Version', { validate: validateWholeNumber }));
  }

  return { id: 'coban-called-process', label: translate('Called process'), component: Group, shouldOpen: true, entries };
}

/** `variables="all"` passes every variable; otherwise one source (or expression) to one target. */
function mappingEntries(mapping, itemId) {
  const target = () => mapping;
  const all = mapping.get('variables') === 'all';

  const entries = [
    { id: `${itemId}-all`, property: 'variables', label: 'All variables', target,
      component: AttributeCheckbox, isEdited: isCheckboxEdited,
      // the checkbox stores "all" rather than a Boolean
      checkedValue: 'all' }
  ];

  if (!all) {
    entries.push(
      textEntry(`${itemId}-source`, 'source', 'Source', { target }),
      textEntry(`${itemId}-sourceExpression`, 'sourceExpression', 'Source expression', { target }),
      textEntry(`${itemId}-target`, 'target', 'Target', { target })
    );
  }

  return entries;
}

function mappingLabel(mapping, translate) {
  if (mapping.get('variables') === 'all') {
    return translate('All variables');
  }
  const source = mapping.get('source') || mapping.get('sourceExpression') || '';
  const target = mapping.get('target') || '';
  return source || target ? `${source} → ${target}` : '';
}

export function mappingGroup(element, injector, direction) {
  const translate = injector.get('translate');
  const isIn = direction === 'in';

  return {
    ...extensionListGroup({
      element,
      injector,
      id: isIn ? 'coban-in' : 'coban-out',
      label: isIn ? 'Input mapping' : 'Output mapping',
      type: isIn ? 'coban:In' : 'coban:Out',
      create: {},
      describe: (mapping, itemId) => ({
        label: mappingLabel(mapping, translate),
        entries: mappingEntries(mapping, itemId)
      })
    }),
    component: ListGroup
  };
}
