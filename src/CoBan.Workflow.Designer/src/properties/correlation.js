// Message waits (catch events, receive tasks, message boundary events): the correlation key.
import { Group } from '@bpmn-io/properties-panel';
import { is, getBusinessObject, textEntry } from './util.js';

export function isMessageWait(element) {
  if (is(element, 'bpmn:ReceiveTask')) {
    return true;
  }

  if (!is(element, 'bpmn:IntermediateCatchEvent') && !is(element, 'bpmn:BoundaryEvent')) {
    return false;
  }

  const definitions = getBusinessObject(element).get('eventDefinitions') || [];
  return definitions.some(definition => is(definition, 'bpmn:MessageEventDefinition'));
}

export function correlationGroup(element, injector) {
  const translate = injector.get('translate');

  return {
    id: 'coban-correlation',
    label: translate('Message correlation'),
    component: Group,
    entries: [
      textEntry('coban-correlationKey', 'correlationKey', 'Correlation key', {
        placeholder: '${caseNo}',
        description: 'Evaluated when the wait begins; a message must carry the same key, e.g. ${caseNo}.'
      })
    ]
  };
}
