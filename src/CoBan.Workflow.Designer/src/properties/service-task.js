// Service tasks: the host action to run, its retries and its parameters (<coban:param>).
import { Group, ListGroup } from '@bpmn-io/properties-panel';
import { extensionListGroup, textEntry } from './util.js';
import { validateWholeNumber } from './validate.js';

export function serviceActionGroup(element, injector) {
  const translate = injector.get('translate');

  return {
    id: 'coban-service',
    label: translate('Service action'),
    component: Group,
    shouldOpen: true,
    entries: [
      textEntry('coban-service-action', 'action', 'Case action', {
        placeholder: 'case.setStatus',
        description: 'Host action to run, e.g. case.setStatus.'
      }),
      textEntry('coban-retries', 'retries', 'Retries', {
        placeholder: '3',
        description: 'Attempts before an incident (default 3).',
        validate: validateWholeNumber
      })
    ]
  };
}

export function paramsGroup(element, injector) {
  return {
    ...extensionListGroup({
      element,
      injector,
      id: 'coban-params',
      label: 'Parameters',
      type: 'coban:Param',
      create: {},
      describe: (param, itemId) => ({
        label: param.get('name'),
        entries: [
          textEntry(`${itemId}-name`, 'name', 'Name', { target: () => param }),
          textEntry(`${itemId}-value`, 'value', 'Value', { target: () => param })
        ]
      })
    }),
    component: ListGroup
  };
}
