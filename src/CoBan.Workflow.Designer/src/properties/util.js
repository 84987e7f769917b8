// Shared pieces of the coban: properties entries: reading and writing one attribute of a moddle
// element through the command stack (so edits are undoable and fire 'changed'), text/select
// entry components, and extension element lists (form fields, params, in/out mappings).
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import {
  TextFieldEntry, SelectEntry, CheckboxEntry, CheckboxGroup, isTextFieldEntryEdited,
  isSelectEntryEdited, isCheckboxEntryEdited
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { useCallback } from '@bpmn-io/properties-panel/preact/hooks';

export { getBusinessObject, is };

export const NS = 'coban';

/** The namespaced attribute name, e.g. attr('due') === 'coban:due'. */
export function attr(name) {
  return name.includes(':') ? name : `${NS}:${name}`;
}

/** Empty strings remove the attribute rather than writing `coban:due=""`. */
function normalize(value) {
  if (value === '' || value === null) {
    return undefined;
  }
  return value;
}

export function getAttr(moddleElement, name) {
  return moddleElement ? moddleElement.get(attr(name)) : undefined;
}

/**
 * Writes one attribute of `moddleElement` (the element's business object or a child of it).
 * Unchanged values write nothing: a command would mark the diagram as edited. Elements that
 * left the canvas are skipped too: a field that loses focus while another diagram is being
 * imported flushes its value for the element it was showing.
 */
export function setAttr({ modeling, elementRegistry }, element, moddleElement, name, value) {
  value = normalize(value);

  if (!moddleElement || elementRegistry.get(element.id) !== element) {
    return;
  }
  if (moddleElement.get(attr(name)) === value) {
    return;
  }

  modeling.updateModdleProperties(element, moddleElement, { [attr(name)]: value });
}

/** The services setAttr needs, from inside a properties panel component. */
export function useWriter() {
  return { modeling: useService('modeling'), elementRegistry: useService('elementRegistry') };
}

/** `props.target(element)` picks the moddle element; default: the element's business object. */
function targetOf(props) {
  return props.target ? props.target(props.element) : getBusinessObject(props.element);
}

/**
 * A text field bound to one attribute. Entry props: id, property, label, description,
 * validate (returns an English message or nothing), target, placeholder.
 */
export function AttributeTextField(props) {
  const { element, id, property, label, description, validate, placeholder, tooltip } = props;
  const writer = useWriter();
  const translate = useService('translate');
  const debounce = useService('debounceInput');

  // Stable across renders: the field re-runs `validate` on the model value whenever the function
  // changes, which would wipe the message about the (rejected, so unsaved) input.
  const checked = useCallback((value) => {
    const message = validate && validate(value);
    return message ? translate(message) : null;
  }, [ validate, translate ]);

  return TextFieldEntry({
    element,
    id,
    label: translate(label),
    description: description && translate(description),
    placeholder,
    tooltip: tooltip || (props.target ? undefined : attr(property)),
    debounce,
    // undefined (not '') when absent: the field maps '' to undefined on blur and compares
    getValue: () => getAttr(targetOf(props), property),
    setValue: (value, error) => {
      if (error) {
        return; // invalid input stays in the field with its message and is not written
      }
      setAttr(writer, element, targetOf(props), property, value);
    },
    validate: checked
  });
}

/** A select bound to one attribute. Entry props: id, property, label, options [{value,label}]. */
export function AttributeSelect(props) {
  const { element, id, property, label, description, options, tooltip } = props;
  const writer = useWriter();
  const translate = useService('translate');

  return SelectEntry({
    element,
    id,
    label: translate(label),
    description: description && translate(description),
    tooltip: tooltip || (props.target ? undefined : attr(property)),
    getValue: () => getAttr(targetOf(props), property) || '',
    setValue: (value) => setAttr(writer, element, targetOf(props), property, value),
    getOptions: () => {
      const current = getAttr(targetOf(props), property);
      const list = (typeof options === 'function' ? options(props.element) : options)
        .map(o => ({ value: o.value, label: translate(o.label) }));

      // never hide a value the model already has (e.g. written by hand or a newer version)
      if (current && !list.some(o => o.value === current)) {
        list.push({ value: current, label: current });
      }
      return list;
    }
  });
}

/**
 * A checkbox bound to a Boolean attribute, or to a marker value (`checkedValue`, e.g. "all")
 * that is written when ticked. Unticked removes the attribute.
 */
export function AttributeCheckbox(props) {
  const { element, id, property, label, tooltip, checkedValue } = props;
  const writer = useWriter();
  const translate = useService('translate');

  return CheckboxEntry({
    element,
    id,
    label: translate(label),
    tooltip: tooltip || (props.target ? undefined : attr(property)),
    getValue: () => {
      const value = getAttr(targetOf(props), property);
      return checkedValue === undefined ? !!value : value === checkedValue;
    },
    setValue: (checked) => setAttr(writer, element, targetOf(props), property,
      checked ? (checkedValue === undefined ? true : checkedValue) : undefined)
  });
}

/**
 * Check boxes writing a comma-separated attribute (candidate roles, notice channels).
 * Nothing ticked removes the attribute, which means "the default".
 */
export function AttributeCheckboxList(props) {
  const { element, id, property, label, description, options, tooltip } = props;
  const writer = useWriter();
  const translate = useService('translate');

  return CheckboxGroup({
    element,
    id,
    label: translate(label),
    description: description && translate(description),
    tooltip: tooltip || (props.target ? undefined : attr(property)),
    options: options.map(o => ({ value: o.value, label: translate(o.label) })),
    getValue: () => splitList(getAttr(targetOf(props), property)),
    setValue: (values) => {
      // keep the options' order so the XML does not depend on the click order
      const ordered = options.map(o => o.value).filter(v => values.includes(v));
      const unknown = values.filter(v => !ordered.includes(v));
      setAttr(writer, element, targetOf(props), property, [ ...ordered, ...unknown ].join(','));
    }
  });
}

export function splitList(value) {
  return (value || '').split(',').map(s => s.trim()).filter(Boolean);
}

export const isTextEdited = isTextFieldEntryEdited;
export const isSelectEdited = isSelectEntryEdited;
export const isCheckboxEdited = isCheckboxEntryEdited;

/** A text entry definition, for the lists of entries that groups are made of. */
export function textEntry(id, property, label, extra = {}) {
  return { id, property, label, component: AttributeTextField, isEdited: isTextEdited, ...extra };
}

export function selectEntry(id, property, label, options, extra = {}) {
  return { id, property, label, options, component: AttributeSelect, isEdited: isSelectEdited, ...extra };
}

// extension element lists ////////////////////

export function getExtensionValues(businessObject, type) {
  const extensionElements = businessObject.get('extensionElements');
  const values = extensionElements ? extensionElements.get('values') : [];
  return values.filter(value => is(value, type));
}

/** Appends a new `type` extension element (creating bpmn:extensionElements when needed). */
export function addExtensionValue(element, type, properties, { bpmnFactory, commandStack }) {
  const businessObject = getBusinessObject(element);
  const commands = [];

  let extensionElements = businessObject.get('extensionElements');

  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = businessObject;
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: businessObject, properties: { extensionElements } }
    });
  }

  const value = bpmnFactory.create(type, properties);
  value.$parent = extensionElements;

  commands.push({
    cmd: 'element.updateModdleProperties',
    context: {
      element,
      moddleElement: extensionElements,
      properties: { values: [ ...extensionElements.get('values'), value ] }
    }
  });

  commandStack.execute('properties-panel.multi-command-executor', commands);
  return value;
}

/** Removes one extension element; drops an emptied bpmn:extensionElements as well. */
export function removeExtensionValue(element, value, { commandStack }) {
  const businessObject = getBusinessObject(element);
  const extensionElements = businessObject.get('extensionElements');
  const remaining = extensionElements.get('values').filter(v => v !== value);

  const command = remaining.length
    ? { element, moddleElement: extensionElements, properties: { values: remaining } }
    : { element, moddleElement: businessObject, properties: { extensionElements: undefined } };

  commandStack.execute('element.updateModdleProperties', command);
}

/**
 * A list group of extension elements of one type (ListGroup props: items, add).
 * `describe(value, index)` returns { label, entries } for one item.
 */
export function extensionListGroup({ element, injector, id, label, type, create, describe }) {
  const translate = injector.get('translate');
  const services = {
    bpmnFactory: injector.get('bpmnFactory'),
    commandStack: injector.get('commandStack')
  };

  const values = getExtensionValues(getBusinessObject(element), type);

  const items = values.map((value, index) => {
    const itemId = `${element.id}-${id}-${index}`;
    const { label: itemLabel, entries } = describe(value, itemId);

    return {
      id: itemId,
      label: itemLabel || '',
      entries,
      autoFocusEntry: entries[0] && entries[0].id,
      remove: (event) => {
        event.stopPropagation();
        removeExtensionValue(element, value, services);
      }
    };
  });

  return {
    id,
    label: translate(label),
    items,
    add: (event) => {
      event.stopPropagation();
      addExtensionValue(element, type, typeof create === 'function' ? create(values) : create || {}, services);
    }
  };
}
