// What the CoBan engine executes (and so what the designer offers). Models may still contain
// other elements (imported from elsewhere): they are drawn and kept, and the host's validator
// reports them at publish time; the designer just never offers to create them.

/**
 * Replace menu entries (bpmn-js ReplaceOptions action names) the engine can run. A whitelist,
 * so entries that a future bpmn-js adds stay hidden until someone decides the engine runs them.
 */
export const ALLOWED_REPLACE_ENTRIES = new Set([

  // start events: none, message, timer
  'replace-with-none-start',
  'replace-with-message-start',
  'replace-with-timer-start',

  // end events: none, terminate, error, message, escalation
  'replace-with-none-end',
  'replace-with-terminate-end',
  'replace-with-error-end',
  'replace-with-message-end',
  'replace-with-escalation-end',

  // intermediate catch: timer, message, signal
  'replace-with-timer-intermediate-catch',
  'replace-with-message-intermediate-catch',
  'replace-with-signal-intermediate-catch',

  // intermediate throw: none, signal, escalation (bpmn-js names the none throw two ways)
  'replace-with-none-intermediate-throw',
  'replace-with-none-intermediate-throwing',
  'replace-with-signal-intermediate-throw',
  'replace-with-escalation-intermediate-throw',

  // boundary events: timer, error, message, escalation; interrupting or not
  'replace-with-timer-boundary',
  'replace-with-error-boundary',
  'replace-with-message-boundary',
  'replace-with-escalation-boundary',
  'replace-with-non-interrupting-timer-boundary',
  'replace-with-non-interrupting-message-boundary',
  'replace-with-non-interrupting-escalation-boundary',

  // activities
  'replace-with-user-task',
  'replace-with-service-task',
  'replace-with-send-task',
  'replace-with-receive-task',
  'replace-with-manual-task',
  'replace-with-call-activity',
  'replace-with-expanded-subprocess',
  'replace-with-subprocess',

  // gateways
  'replace-with-exclusive-gateway',
  'replace-with-parallel-gateway',
  'replace-with-inclusive-gateway',
  'replace-with-event-based-gateway',

  // drawn only
  'replace-with-data-object-reference',
  'replace-with-data-store-reference',
  'replace-with-expanded-pool',
  'replace-with-collapsed-pool',

  // sequence flows
  'replace-with-sequence-flow',
  'replace-with-default-flow',
  'replace-with-conditional-flow'
]);

/** Replace menu header toggles: multi-instance yes, standard loop no. */
export const ALLOWED_REPLACE_HEADER_ENTRIES = new Set([
  'toggle-parallel-mi',
  'toggle-sequential-mi',
  'toggle-is-collection',
  'toggle-participant-multiplicity',
  'toggle-non-interrupting'
]);

/** Context pad entries of bpmn-js that create something the engine does not run. */
export const HIDDEN_CONTEXT_PAD_ENTRIES = [
  'append.append-task', // a plain bpmn:Task: replaced by 'append.user-task'
  'append.condition-intermediate-event',
  'append.compensation-activity'
];

/** Palette entries of bpmn-js that the CoBan palette replaces or leaves out. */
export const HIDDEN_PALETTE_ENTRIES = [
  'create.task', // plain bpmn:Task: replaced by user, service and send task entries
  'create.group'
];
