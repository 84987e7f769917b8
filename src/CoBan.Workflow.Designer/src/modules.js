// Which didi modules and moddle extensions make up the CoBan modeler and viewer.
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import cobanModdle from './coban-moddle.json';
import { createTranslateModule } from './translate.js';
import CobanPaletteProvider from './palette.js';
import CobanContextPadProvider from './context-pad.js';
import CobanReplaceMenuFilter from './replace-menu.js';
import { ReadOnlyModule } from './read-only.js';
import { CobanPropertiesProviderModule } from './properties/index.js';

// camunda: is loaded so models from Camunda Modeler keep their camunda: attributes and extension
// elements through import and export (the engine reads several of them, see
// docs/coban-extensions.md). The Camunda properties provider is not loaded: the panel shows
// BPMN and coban: only.
export const moddleExtensions = { camunda: camundaModdle, coban: cobanModdle };

const ScopeModule = {
  __init__: [ 'cobanPaletteProvider', 'cobanContextPadProvider', 'cobanReplaceMenuFilter' ],
  cobanPaletteProvider: [ 'type', CobanPaletteProvider ],
  cobanContextPadProvider: [ 'type', CobanContextPadProvider ],
  cobanReplaceMenuFilter: [ 'type', CobanReplaceMenuFilter ]
};

export function modelerModules(lang, withPropertiesPanel) {
  const modules = [ createTranslateModule(lang), ScopeModule, ReadOnlyModule ];

  if (withPropertiesPanel) {
    modules.push(BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CobanPropertiesProviderModule);
  }

  return modules;
}

export function viewerModules(lang) {
  return [ createTranslateModule(lang) ];
}
