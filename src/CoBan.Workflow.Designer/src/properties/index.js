// The coban: properties provider. It runs after bpmn-js-properties-panel's BPMN provider and
// inserts CoBan's groups right after "General", so what a process owner edits most (who, by
// when, which notice) is at the top; the BPMN groups (documentation, timer, message, ...) follow.
import { is } from './util.js';
import { isHumanTask, assignmentGroup, deadlinesGroup, caseActionGroup } from './human-task.js';
import { formFieldsGroup } from './form-fields.js';
import { serviceActionGroup, paramsGroup } from './service-task.js';
import { isNoticeCapable, noticeGroup } from './notice.js';
import { isMessageWait, correlationGroup } from './correlation.js';
import { calledProcessGroup, mappingGroup } from './call-activity.js';
import { getMultiInstance, addMultiInstanceEntries } from './multi-instance.js';
import { isConditionable, conditionGroup } from './condition.js';

const LOW_PRIORITY = 500;

function cobanGroups(element, injector) {
  const groups = [];

  if (isHumanTask(element)) {
    groups.push(
      assignmentGroup(element, injector),
      deadlinesGroup(element, injector),
      caseActionGroup(element, injector),
      formFieldsGroup(element, injector)
    );
  }

  if (is(element, 'bpmn:ServiceTask')) {
    groups.push(serviceActionGroup(element, injector), paramsGroup(element, injector));
  }

  if (isNoticeCapable(element)) {
    groups.push(noticeGroup(element, injector));
  }

  if (isMessageWait(element)) {
    groups.push(correlationGroup(element, injector));
  }

  if (is(element, 'bpmn:CallActivity')) {
    groups.push(
      calledProcessGroup(element, injector),
      mappingGroup(element, injector, 'in'),
      mappingGroup(element, injector, 'out')
    );
  }

  if (isConditionable(element)) {
    groups.push(conditionGroup(element, injector));
  }

  return groups;
}

export default function CobanPropertiesProvider(propertiesPanel, injector) {
  this._injector = injector;
  propertiesPanel.registerProvider(LOW_PRIORITY, this);
}

CobanPropertiesProvider.$inject = [ 'propertiesPanel', 'injector' ];

CobanPropertiesProvider.prototype.getGroups = function(element) {
  return (groups) => {
    const ours = cobanGroups(element, this._injector);
    const generalIndex = groups.findIndex(group => group.id === 'general');

    let result = [ ...groups ];
    result.splice(generalIndex + 1, 0, ...ours);

    if (getMultiInstance(element)) {
      result = addMultiInstanceEntries(result, element, this._injector);
    }

    return result;
  };
};

export const CobanPropertiesProviderModule = {
  __init__: [ 'cobanPropertiesProvider' ],
  cobanPropertiesProvider: [ 'type', CobanPropertiesProvider ]
};
