/* global window, document, requestAnimationFrame */
/**
 * Code that runs inside the page (through Playwright), kept apart from Node code. `installProbe`
 * is an init script: it runs before the page's own scripts, watches the document from its first
 * frame, and leaves `window.__bench` for the bench to read.
 *
 * "Painted" is defined here, once, for every page. Each frame the probe counts the nodes
 * (.react-flow__node) and edges (.react-flow__edge) in the DOM and the nodes still hidden for
 * measuring (React Flow hides a node until it knows its size). The board is *ready* at the last
 * change of those counts before they hold still for SETTLE_FRAMES frames with at least one node
 * and none hidden: every node that will be shown is in the DOM, measured, with its edges. (Without
 * culling that is every node of the board; the bench checks the counts.) *Painted* is two
 * requestAnimationFrame callbacks later, so that frame has been drawn. Times are
 * performance.now(): ms since navigation start.
 */
export function installProbe() {
  const SETTLE_FRAMES = 20;
  const bench = { times: {}, final: null, frames: null };
  window.__bench = bench;

  // The board reaches our renderer as one large WebSocket message (board.get's reply), or, asked
  // for as the served page starts, as the reply to its HTTP board.get, read once the page is free to.
  const markData = () => {
    if (bench.times.data === undefined) bench.times.data = window.performance.now();
  };
  const nativeFetch = window.fetch;
  window.fetch = async (...args) => {
    const response = await nativeFetch(...args);
    if (String(args[0]).endsWith('/api/board.get')) void response.clone().text().then((text) => text.length > 50_000 && markData());
    return response;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.length > 50_000) markData();
      });
    }
  };

  const nodeList = document.getElementsByClassName('react-flow__node');
  const edgeList = document.getElementsByClassName('react-flow__edge');
  const countHidden = () => {
    let hidden = 0;
    for (let i = 0; i < nodeList.length; i++) if (nodeList[i].style.visibility === 'hidden') hidden++;
    return hidden;
  };
  const frames = [];
  const changes = [];
  let last = { nodes: -1, hidden: -1, edges: -1 };
  const watch = () => {
    const t = window.performance.now();
    frames.push(t);
    const nodes = nodeList.length;
    const edges = edgeList.length;
    // Once every node is measured React Flow does not hide one again; skip the walk then.
    const hidden = nodes !== last.nodes || last.hidden !== 0 ? countHidden() : 0;
    if (bench.times.firstNode === undefined && nodes > 0) bench.times.firstNode = t;
    if (nodes !== last.nodes || hidden !== last.hidden || edges !== last.edges) {
      changes.push({ frame: frames.length - 1, t, nodes, hidden, edges });
      last = { nodes, hidden, edges };
    }
    const settled = changes[changes.length - 1];
    if (nodes > 0 && hidden === 0 && frames.length - 1 - settled.frame >= SETTLE_FRAMES) {
      bench.times.allNodes = changes.find((c) => c.nodes === nodes).t;
      bench.times.ready = settled.t;
      bench.times.painted = frames[settled.frame + 2];
      bench.final = { nodes, edges };
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  /** requestAnimationFrame deltas from start() to stop(): the page's frame times. */
  bench.startFrames = () => {
    const stamps = [];
    bench.frames = stamps;
    const tick = (t) => {
      if (bench.frames !== stamps) return;
      stamps.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    const stamps = bench.frames ?? [];
    bench.frames = null;
    return stamps.slice(1).map((t, i) => t - stamps[i]);
  };
}

/** Resolves once `count` consecutive frames each took under `budget` ms: the page has settled. */
export function waitForQuiet({ count, budget, timeout }) {
  return new Promise((resolve) => {
    const started = window.performance.now();
    let last = 0;
    let calm = 0;
    const tick = (t) => {
      calm = last && t - last < budget ? calm + 1 : 0;
      last = t;
      if (calm >= count || t - started > timeout) resolve(calm >= count);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * A point to grab the first of `ids` by whose node is visible: its centre, or a quarter of its
 * width either side, where the node itself and not one of its handles is under the pointer (a
 * handle starts a connection, not a drag; zoomed far out, a small node's handles cover its centre).
 */
export function nodeTarget(ids) {
  for (const id of ids) {
    const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
    if (!el) continue;
    const box = el.getBoundingClientRect();
    const y = box.top + box.height / 2;
    for (const x of [0.5, 0.25, 0.75].map((f) => box.left + box.width * f)) {
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit) && !hit.closest('.react-flow__handle')) return { id, x, y, width: box.width, height: box.height };
    }
  }
  return null;
}

/** An empty spot of the pane nearest the centre of the canvas, searched outwards on a 4 px grid. */
export function paneTarget() {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) return null;
  const box = pane.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  for (let r = 0; r < 400; r += 4) {
    for (let dx = -r; dx <= r; dx += 4) {
      for (const dy of [-r, r]) {
        for (const [x, y] of [
          [cx + dx, cy + dy],
          [cx + dy, cy + dx],
        ]) {
          if (document.elementFromPoint(x, y) === pane) return { x, y };
        }
      }
    }
  }
  return null;
}

/** How the viewport is transformed (to check a gesture moved the view, or the node, as meant). */
export function viewportTransform() {
  return document.querySelector('.react-flow__viewport')?.style.transform ?? null;
}

export function nodeTransform(id) {
  return document.querySelector(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? null;
}

/**
 * A pointer gesture driven from inside the page: button down at `from`, then one mousemove at
 * the start of each of `steps` frames (as Chromium delivers a real mouse: moves coalesced to one
 * per frame), then button up. Resolves with the frame deltas from the down to two frames after
 * the up. Events are untrusted but take the path a real mouse takes through React Flow (d3-drag
 * and d3-zoom listen to mousedown on the target, mousemove/mouseup on the window). A gesture
 * that runs past `budgetMs` lets go early (after at least one move), so a page at seconds per
 * frame cannot stall the bench. Also notes when the frames come that draw what is moved (the element
 * `watch` names: the node dragged, or the viewport panned) at a new place: a page that renders
 * two moves at once draws fewer of them, in frames that are short because nothing changed.
 */
export function driveGesture({ from, delta, steps, budgetMs, watch }) {
  const fire = (type, x, y, buttons) => {
    const target = document.elementFromPoint(x, y) ?? document.body;
    const init = { bubbles: true, cancelable: true, composed: true, view: window, clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons };
    target.dispatchEvent(new window.PointerEvent(type.replace('mouse', 'pointer'), { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
    target.dispatchEvent(new window.MouseEvent(type, init));
  };
  return new Promise((resolve) => {
    const stamps = [];
    const drawnStamps = [];
    const drawnAt = () => document.querySelector(watch)?.style.transform;
    let drawn = drawnAt();
    let moved = 0;
    let step = 0;
    let released = false;
    let after = 0;
    let capped = false;
    const at = () => ({ x: from.x + (delta.x * step) / steps, y: from.y + (delta.y * step) / steps });
    const tick = (t) => {
      stamps.push(t);
      const now = drawnAt();
      if (now !== drawn) {
        drawn = now;
        moved++;
        drawnStamps.push(t);
      }
      if (stamps.length === 1) fire('mousedown', from.x, from.y, 1);
      if (!released && step < steps && !(capped = step >= 1 && t - stamps[0] > budgetMs)) {
        step++;
        fire('mousemove', at().x, at().y, 1);
      } else if (!released) {
        fire('mouseup', at().x, at().y, 0);
        released = true;
      } else if (++after >= 2) {
        resolve({ deltas: stamps.slice(1).map((s, i) => s - stamps[i]), moves: step, capped, drawn: moved, drawnStamps, first: stamps[0], last: t });
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
