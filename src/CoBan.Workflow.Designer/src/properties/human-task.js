// User and manual tasks: who gets the task (分派), deadlines in working days (期限) and the case
// action applied on completion (案件动作). See docs/coban-extensions.md, "User tasks".
import { Group, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import {
  getAttr, setAttr, useWriter, getBusinessObject, is, textEntry, AttributeCheckboxList, isSelectEdited
} from './util.js';
import {
  isExpression, validateDuration, validateDurationOrDate, validateExpression
} from './validate.js';

export function isHumanTask(element) {
  return is(element, 'bpmn:UserTask') || is(element, 'bpmn:ManualTask');
}

const EXPRESSION_OPTION = '${}';

const ASSIGN_TO_OPTIONS = [
  { value: '', label: '<none>' },
  { value: 'caseOwner', label: 'Case owner (registering coordinator)' },
  { value: 'dutyLeader', label: 'Duty leader' },
  { value: 'chiefCoordinator', label: 'Chief coordinator' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: EXPRESSION_OPTION, label: 'Expression' }
];

export const ROLE_OPTIONS = [
  { value: 'coordinator', label: 'Coordinator' },
  { value: 'dutyLeader', label: 'Duty leader' },
  { value: 'chiefCoordinator', label: 'Chief coordinator' },
  { value: 'processOwner', label: 'Process owner' },
  { value: 'administrator', label: 'Administrator' },
  { value: 'supervisor', label: 'Supervisor' }
];

/**
 * coban:assignTo is either a keyword or `${expr}`. The select shows "Expression" for any
 * expression; choosing it writes an empty `${}` that the expression field below then fills.
 */
function AssignTo(props) {
  const { element, id } = props;
  const writer = useWriter();
  const translate = useService('translate');
  const businessObject = getBusinessObject(element);

  return SelectEntry({
    element,
    id,
    label: translate('Assign to'),
    tooltip: 'coban:assignTo',
    getValue: () => {
      const value = getAttr(businessObject, 'assignTo') || '';
      return isExpression(value) ? EXPRESSION_OPTION : value;
    },
    setValue: (value) => {
      const current = getAttr(businessObject, 'assignTo') || '';
      if (value === EXPRESSION_OPTION && isExpression(current)) {
        return;
      }
      setAttr(writer, element, businessObject, 'assignTo', value);
    },
    getOptions: () => {
      const current = getAttr(businessObject, 'assignTo');
      const options = ASSIGN_TO_OPTIONS.map(o => ({ value: o.value, label: translate(o.label) }));
      if (current && !isExpression(current) && !options.some(o => o.value === current)) {
        options.push({ value: current, label: current });
      }
      return options;
    }
  });
}

export function assignmentGroup(element, injector) {
  const translate = injector.get('translate');
  const assignTo = getAttr(getBusinessObject(element), 'assignTo') || '';

  const entries = [
    { id: 'coban-assignTo', component: AssignTo, isEdited: isSelectEdited }
  ];

  if (isExpression(assignTo)) {
    entries.push(textEntry('coban-assignTo-expression', 'assignTo', 'Assignee expression', {
      description: 'An expression such as ${case.coordinator}.',
      validate: validateExpression
    }));
  }

  entries.push(
    {
      id: 'coban-candidateRole',
      property: 'candidateRole',
      label: 'Candidate roles',
      description: 'Users of these roles may claim the task.',
      options: ROLE_OPTIONS,
      component: AttributeCheckboxList
    },
    textEntry('coban-candidateBureau', 'candidateBureau', 'Candidate bureau', {
      description: 'Bureau code or ${expression}; empty: the case\'s bureau.'
    })
  );

  return { id: 'coban-assignment', label: translate('Assignment'), component: Group, shouldOpen: true, entries };
}

export function deadlinesGroup(element, injector) {
  const translate = injector.get('translate');

  return {
    id: 'coban-deadlines',
    label: translate('Deadlines'),
    component: Group,
    shouldOpen: true,
    entries: [
      textEntry('coban-due', 'due', 'Due', {
        placeholder: 'P3WD',
        description: 'Counted from task creation. P3WD = 3 working days, PT4H = 4 hours, or a date, or ${caseDeadline}.',
        validate: validateDurationOrDate
      }),
      textEntry('coban-followUp', 'followUp', 'Follow-up', {
        placeholder: 'P2WD',
        validate: validateDurationOrDate
      }),
      textEntry('coban-remindBefore', 'remindBefore', 'Remind before due', {
        placeholder: 'P1WD',
        description: 'How long before the due date the assignee is reminded, e.g. P1WD = 1 working day.',
        validate: validateDuration
      }),
      textEntry('coban-escalateAfter', 'escalateAfter', 'Escalate after overdue', {
        placeholder: 'P2WD',
        description: 'When overdue the duty leader is alerted at once; the supervisor after this much more, e.g. P2WD.',
        validate: validateDuration
      })
    ]
  };
}

export function caseActionGroup(element, injector) {
  const translate = injector.get('translate');

  return {
    id: 'coban-case-action',
    label: translate('Case action'),
    component: Group,
    entries: [
      textEntry('coban-action', 'action', 'Case action', {
        placeholder: 'case.classify',
        description: 'Case action applied when the task completes, e.g. case.classify.'
      })
    ]
  };
}
