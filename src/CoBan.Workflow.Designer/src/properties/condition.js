// Condition expressions on sequence flows. The plain BPMN panel leaves them to the Camunda
// provider, which we do not load; the engine evaluates `${...}` conditions on flows leaving
// exclusive and inclusive gateways and on conditional flows leaving activities.
import { Group, TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from './util.js';

export function isConditionable(element) {
  if (!is(element, 'bpmn:SequenceFlow')) {
    return false;
  }

  const flow = getBusinessObject(element);
  const source = flow.get('sourceRef');

  if (!source || source.get('default') === flow) {
    return false; // a default flow has no condition
  }

  return is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') ||
    is(source, 'bpmn:ComplexGateway') || (is(source, 'bpmn:Activity') && !!flow.get('conditionExpression'));
}

function ConditionExpression(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const elementRegistry = useService('elementRegistry');
  const bpmnFactory = useService('bpmnFactory');
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const flow = getBusinessObject(element);

  return TextFieldEntry({
    element,
    id,
    label: translate('Condition expression'),
    description: translate('e.g. ${approved == true}'),
    placeholder: '${approved == true}',
    tooltip: 'bpmn:conditionExpression',
    debounce,
    getValue: () => {
      const expression = flow.get('conditionExpression');
      return (expression && expression.get('body')) || undefined;
    },
    // No format check here: the engine's expression parser is the authority on conditions
    // and reports them at publish time with the element id.
    setValue: (value) => {
      if (elementRegistry.get(element.id) !== element) {
        return; // flushed on blur after the element left the canvas (see util.js setAttr)
      }
      const conditionExpression = value
        ? bpmnFactory.create('bpmn:FormalExpression', { body: value })
        : undefined;
      if (conditionExpression) {
        conditionExpression.$parent = flow;
      }
      modeling.updateModdleProperties(element, flow, { conditionExpression });
    }
  });
}

export function conditionGroup(element, injector) {
  return {
    id: 'coban-condition',
    label: injector.get('translate')('Condition'),
    component: Group,
    shouldOpen: true,
    entries: [ { id: 'coban-conditionExpression', component: ConditionExpression, isEdited: isTextFieldEntryEdited } ]
  };
}
