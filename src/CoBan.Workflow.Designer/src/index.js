// Bundle entry: styles (bpmn-js, diagram-js, bpmn-font, properties panel, ours) and the global
// API object the Blazor pages reach through JS interop.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './styles.css';

import { createModeler, createViewer } from './api.js';

window.CoBanDesigner = Object.freeze({ createModeler, createViewer });
