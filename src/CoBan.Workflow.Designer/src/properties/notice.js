// Notices sent by send tasks and by none/message end and intermediate throw events: template,
// channels and recipient. See docs/coban-extensions.md, "Notices".
import { Group } from '@bpmn-io/properties-panel';
import { is, getBusinessObject, textEntry, selectEntry, AttributeCheckboxList } from './util.js';

export function isNoticeCapable(element) {
  if (is(element, 'bpmn:SendTask')) {
    return true;
  }

  if (!is(element, 'bpmn:EndEvent') && !is(element, 'bpmn:IntermediateThrowEvent')) {
    return false;
  }

  const definitions = getBusinessObject(element).get('eventDefinitions') || [];
  return definitions.length === 0 || is(definitions[0], 'bpmn:MessageEventDefinition');
}

const CHANNEL_OPTIONS = [
  { value: 'sms', label: 'SMS' },
  { value: 'email', label: 'E-mail' },
  { value: 'print', label: 'Print' }
];

const RECIPIENT_OPTIONS = [
  { value: '', label: 'Applicant (default)' },
  { value: 'applicant', label: 'Applicant' },
  { value: 'caseOwner', label: 'Case owner (registering coordinator)' },
  { value: 'dutyLeader', label: 'Duty leader' },
  { value: 'supervisor', label: 'Supervisor' }
];

/**
 * The host may pass the template names it has (options.noticeTemplates: strings or
 * { value, label }); the field is then a select, otherwise free text.
 */
function templateEntry(templates) {
  const description = 'Template name in templates/, e.g. one-time-notice, receipt.';

  if (!Array.isArray(templates) || !templates.length) {
    return textEntry('coban-notice', 'notice', 'Notice template', { placeholder: 'one-time-notice', description });
  }

  const options = [ { value: '', label: '<none>' } ].concat(templates.map(t =>
    typeof t === 'string' ? { value: t, label: t } : { value: t.value, label: t.label || t.value }));

  return selectEntry('coban-notice', 'notice', 'Notice template', options, { description });
}

export function noticeGroup(element, injector) {
  const translate = injector.get('translate');
  const config = injector.get('config', false) || {};
  const templates = config.coban && config.coban.noticeTemplates;

  return {
    id: 'coban-notice',
    label: translate('Notice'),
    component: Group,
    shouldOpen: true,
    entries: [
      templateEntry(templates),
      {
        id: 'coban-channels',
        property: 'channels',
        label: 'Channels',
        description: 'None ticked: whatever the applicant\'s contact details and consent allow.',
        options: CHANNEL_OPTIONS,
        component: AttributeCheckboxList
      },
      selectEntry('coban-recipient', 'recipient', 'Recipient', RECIPIENT_OPTIONS)
    ]
  };
}
