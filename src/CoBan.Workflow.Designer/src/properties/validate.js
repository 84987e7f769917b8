// Light checks of what process owners type, so typos show in the panel rather than at publish
// time. The engine's parser stays the authority; these only catch obvious mistakes.

const EXPRESSION = /^\$\{[\s\S]*\}$/;

// ISO 8601 durations (PT4H, P2D, P1Y2M, PT0.5S, P2W) and CoBan working days (P5WD, -P1WD).
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const WORKING_DAYS = /^-?P\d+WD$/;

// A date or date-time: 2026-12-31, 2026-12-31T17:00, 2026-12-31T17:00:00+08:00.
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isExpression(value) {
  return EXPRESSION.test(value);
}

export function isDuration(value) {
  return DURATION.test(value) || WORKING_DAYS.test(value);
}

/** For coban:due and coban:followUp: duration, date or expression. */
export function validateDurationOrDate(value) {
  value = (value || '').trim();
  if (!value || isExpression(value) || isDuration(value) || DATE.test(value)) {
    return null;
  }
  return 'Use an ISO 8601 duration (PT4H, P2D), working days (P3WD), a date (2026-12-31) or ${expression}.';
}

/** For coban:remindBefore and coban:escalateAfter: duration or expression. */
export function validateDuration(value) {
  value = (value || '').trim();
  if (!value || isExpression(value) || isDuration(value)) {
    return null;
  }
  return 'Use an ISO 8601 duration (PT4H, P2D), working days (P3WD) or ${expression}.';
}

export function validateExpression(value) {
  value = (value || '').trim();
  if (!value || isExpression(value)) {
    return null;
  }
  return 'Expressions look like ${...}.';
}

export function validateWholeNumber(value) {
  value = (value || '').trim();
  if (!value || /^\d+$/.test(value) || isExpression(value)) {
    return null;
  }
  return 'Must be a whole number or ${expression}.';
}
