// Form fields of a user or manual task (<coban:formField> extension elements), validated by the
// host when the task is completed.
import { ListGroup } from '@bpmn-io/properties-panel';
import { extensionListGroup, textEntry, selectEntry, AttributeCheckbox, isCheckboxEdited } from './util.js';

export const FIELD_TYPES = [
  { value: 'string', label: 'Text' },
  { value: 'text', label: 'Multi-line text' },
  { value: 'long', label: 'Whole number' },
  { value: 'double', label: 'Decimal number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'date', label: 'Date' },
  { value: 'enum', label: 'Enumeration' },
  { value: 'list', label: 'List' }
];

function nextFieldId(existing) {
  const ids = new Set(existing.map(field => field.get('id')));
  let n = existing.length + 1;
  while (ids.has(`field${n}`)) {
    n++;
  }
  return `field${n}`;
}

export function formFieldsGroup(element, injector) {
  return {
    ...extensionListGroup({
      element,
      injector,
      id: 'coban-form-fields',
      label: 'Form fields',
      type: 'coban:FormField',
      create: (existing) => ({ id: nextFieldId(existing), type: 'string' }),
      describe: (field, itemId) => {
        const target = () => field;
        const entries = [
          textEntry(`${itemId}-id`, 'id', 'Field ID', { target }),
          textEntry(`${itemId}-label`, 'label', 'Label', { target }),
          selectEntry(`${itemId}-type`, 'type', 'Type', FIELD_TYPES, { target }),
          { id: `${itemId}-required`, property: 'required', label: 'Required', target,
            component: AttributeCheckbox, isEdited: isCheckboxEdited }
        ];

        // choices only mean something for enumerations and lists
        if ([ 'enum', 'list' ].includes(field.get('type')) || field.get('values')) {
          entries.push(textEntry(`${itemId}-values`, 'values', 'Values', {
            target,
            description: 'Comma-separated key:label pairs, e.g. notice:提示件,immediate:即办件'
          }));
        }

        const label = field.get('label');
        const id = field.get('id');
        return { label: label ? `${label} (${id || ''})` : id, entries };
      }
    }),
    component: ListGroup
  };
}
