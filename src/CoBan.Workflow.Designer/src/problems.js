// Validation problems from the host (publish-time validator, engine parser) shown on the canvas:
// a red (error) or amber (warning) outline on the element and a badge whose hover box lists the
// messages. Problems about things not drawn (the process itself, a message definition, an id
// that no longer exists) are handed back so the page lists them beside the canvas.

const OVERLAY_TYPE = 'coban-problem';
const SEVERITIES = [ 'error', 'warning', 'info' ];

export function normalizeSeverity(severity) {
  const value = String(severity || 'error').toLowerCase();
  if (value.startsWith('warn')) {
    return 'warning';
  }
  if (value.startsWith('info') || value === 'hint') {
    return 'info';
  }
  return 'error';
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]);
}

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Information' };

export default class Problems {
  constructor(diagram, translate) {
    this._elementRegistry = diagram.get('elementRegistry');
    this._canvas = diagram.get('canvas');
    this._overlays = diagram.get('overlays');
    this._translate = translate;
    this._marked = [];
  }

  /** Replaces the problems shown; returns those whose element is not on the canvas. */
  show(problems) {
    this.clear();

    const byElement = new Map();
    const unplaced = [];

    for (const problem of problems || []) {
      const element = problem && problem.elementId && this._elementRegistry.get(problem.elementId);

      // the root (process/collaboration) has no shape of its own to mark
      if (!element || !element.parent || element === this._canvas.getRootElement()) {
        unplaced.push(problem);
        continue;
      }

      if (!byElement.has(element)) {
        byElement.set(element, []);
      }
      byElement.get(element).push({ ...problem, severity: normalizeSeverity(problem.severity) });
    }

    for (const [ element, list ] of byElement) {
      this._mark(element, list);
    }

    return unplaced;
  }

  clear() {
    this._overlays.remove({ type: OVERLAY_TYPE });
    for (const id of this._marked) {
      // an element deleted since it was marked has no markers left to remove (and the canvas
      // throws on an id it does not know)
      if (!this._elementRegistry.get(id)) {
        continue;
      }
      for (const severity of SEVERITIES) {
        this._canvas.removeMarker(id, `coban-problem-${severity}`);
      }
    }
    this._marked = [];
  }

  _mark(element, list) {
    const translate = this._translate;
    const worst = SEVERITIES.find(severity => list.some(p => p.severity === severity));

    this._canvas.addMarker(element, `coban-problem-${worst}`);
    this._marked.push(element.id);

    const items = list.map(p =>
      `<li class="coban-problem-${p.severity}"><strong>${escapeHtml(translate(SEVERITY_LABELS[p.severity]))}</strong> ` +
      `${escapeHtml(p.message || '')}</li>`).join('');

    const title = list.map(p => p.message || '').join('\n');

    const html =
      `<div class="coban-problem-badge coban-problem-badge-${worst}" data-element-id="${escapeHtml(element.id)}" ` +
        `title="${escapeHtml(title)}" role="img" aria-label="${escapeHtml(title)}">` +
        `<span class="coban-problem-count">${list.length > 1 ? list.length : '!'}</span>` +
        `<ul class="coban-problem-tooltip">${items}</ul>` +
      '</div>';

    // connections have no top-right corner: put the badge on their first waypoint (overlay
    // positions are relative to the connection's bounding box)
    const first = element.waypoints && element.waypoints[0];
    const position = first
      ? {
        top: first.y - Math.min(...element.waypoints.map(w => w.y)) - 10,
        left: first.x - Math.min(...element.waypoints.map(w => w.x)) - 10
      }
      : { top: -10, right: 10 };

    this._overlays.add(element, OVERLAY_TYPE, { position, html });
  }
}
