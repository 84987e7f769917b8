// Run-time and version-compare colouring: the active element (where the token is), the path
// taken so far, and changed/added/removed elements between two versions. CSS in styles.css.

const KINDS = [ 'active', 'completed', 'changed', 'added', 'removed' ];

export default class Highlights {
  constructor(diagram) {
    this._elementRegistry = diagram.get('elementRegistry');
    this._canvas = diagram.get('canvas');
    this._marked = [];
  }

  /** Replaces the highlights; returns the ids not found on the canvas. */
  show(spec) {
    this.clear();
    const missing = [];

    for (const kind of KINDS) {
      for (const id of (spec && spec[kind]) || []) {
        const element = this._elementRegistry.get(id);
        if (!element || !element.parent) {
          missing.push(id);
          continue;
        }
        this._canvas.addMarker(element, `coban-${kind}`);
        this._marked.push([ element.id, kind ]);
      }
    }

    return missing;
  }

  clear() {
    for (const [ id, kind ] of this._marked) {
      if (this._elementRegistry.get(id)) {
        this._canvas.removeMarker(id, `coban-${kind}`);
      }
    }
    this._marked = [];
  }
}
