// Multi-instance: coban:collection and coban:elementVariable, added to the BPMN panel's own
// "Multi-instance" group (loop cardinality, completion condition).
//
// These two are deliberately NOT in coban-moddle.json: camunda-bpmn-moddle already defines
// `collection` and `elementVariable` on bpmn:MultiInstanceLoopCharacteristics, and moddle refuses
// two extensions defining the same local name on one type (the import then fails). Undeclared,
// they live in the element's $attrs, round-trip unchanged, and moddle's get/set still reach them.
import { Group } from '@bpmn-io/properties-panel';
import { is, getBusinessObject, textEntry } from './util.js';

export function getMultiInstance(element) {
  const loop = getBusinessObject(element).get('loopCharacteristics');
  return loop && is(loop, 'bpmn:MultiInstanceLoopCharacteristics') ? loop : null;
}

export function multiInstanceEntries() {
  const target = (element) => getMultiInstance(element);

  return [
    textEntry('coban-collection', 'collection', 'Collection', {
      target, tooltip: 'coban:collection',
      description: 'Variable or ${expression} holding the list to iterate.'
    }),
    textEntry('coban-elementVariable', 'elementVariable', 'Element variable', {
      target, tooltip: 'coban:elementVariable',
      description: 'Local variable holding the current item.'
    })
  ];
}

/** Adds our entries to the BPMN multi-instance group, or makes one if it is missing. */
export function addMultiInstanceEntries(groups, element, injector) {
  const existing = groups.find(group => group.id === 'multiInstance');

  if (existing) {
    existing.entries = [ ...multiInstanceEntries(), ...existing.entries ];
    return groups;
  }

  return [ ...groups, {
    id: 'multiInstance',
    label: injector.get('translate')('Multi-instance'),
    component: Group,
    entries: multiInstanceEntries()
  } ];
}
