// Replace ("change type") menu: keeps bpmn-js' ReplaceMenuProvider and filters its entries down
// to what the CoBan engine runs (see engine-scope.js). Registered on the same 'bpmn-replace'
// menu with a lower priority so it sees, and trims, the complete list.
import { ALLOWED_REPLACE_ENTRIES, ALLOWED_REPLACE_HEADER_ENTRIES } from './engine-scope.js';

const LOW_PRIORITY = 500;

function keep(entries, allowed) {
  return Object.fromEntries(Object.entries(entries).filter(([ id ]) => allowed.has(id)));
}

export default function CobanReplaceMenuFilter(popupMenu) {
  popupMenu.registerProvider('bpmn-replace', LOW_PRIORITY, this);
}

CobanReplaceMenuFilter.$inject = [ 'popupMenu' ];

CobanReplaceMenuFilter.prototype.getPopupMenuEntries = function() {
  return (entries) => keep(entries, ALLOWED_REPLACE_ENTRIES);
};

CobanReplaceMenuFilter.prototype.getPopupMenuHeaderEntries = function() {
  return (entries) => keep(entries, ALLOWED_REPLACE_HEADER_ENTRIES);
};
