/* global window, document, requestAnimationFrame, MutationObserver */
/**
 * In-page code for the latency figures, kept apart from Node code. Every time is on one clock
 * shared by pages and the bench's own process: performance.timeOrigin + performance.now(), ms
 * since the Unix epoch.
 *
 * "Painted" here is the end of the main thread's work on the frame that first shows a change: a
 * message posted from a requestAnimationFrame callback runs once that frame's style, layout and
 * paint are done. A change made in a task between frames is shown by the next frame; one made
 * while the page runs its requestAnimationFrame callbacks (as the app applies what main sends)
 * is shown by the frame under way.
 */

/**
 * In the audience window: `window.__paint.watch(key, spec)` waits for a change on the board and
 * records in `window.__paint.painted[key]` when the frame showing it was painted. A spec is one of
 * { text, id? } (a shown node, or node `id`, reads `text`), { moved: id, from } (node `id`'s
 * transform is no longer `from`), { added: knownIds } (a shown node not in `knownIds`),
 * { votes: id, count } (node `id` shows `count` votes).
 */
export function installPaintWatch() {
  const epoch = () => window.performance.timeOrigin + window.performance.now();
  const pending = new Map();
  const painted = {};
  const shown = (el) => el.style.visibility !== 'hidden';
  const node = (id) => document.querySelector(`.react-flow__node[data-id="${window.CSS.escape(id)}"]`);
  const holds = (spec) => {
    if (spec.text !== undefined) {
      const els = spec.id ? [node(spec.id)].filter(Boolean) : document.querySelectorAll('.react-flow__node');
      for (const el of els) if (shown(el) && el.textContent.includes(spec.text)) return true;
      return false;
    }
    if (spec.moved !== undefined) {
      const el = node(spec.moved);
      return !!el && el.style.transform !== spec.from;
    }
    if (spec.added !== undefined) {
      const known = new Set(spec.added);
      for (const el of document.querySelectorAll('.react-flow__node')) if (!known.has(el.dataset.id) && shown(el)) return true;
      return false;
    }
    if (spec.votes !== undefined) return node(spec.votes)?.querySelector('.vote-count')?.textContent === String(spec.count);
    throw new Error(`unknown watch ${JSON.stringify(spec)}`);
  };
  const afterFrame = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  };
  // Keys whose change the frame under way shows. This loop's callback comes first in each frame
  // (it asks for the next one before the page's own callbacks of that frame are asked for), so
  // `inFrame` is set while they run; a change it misses counts at the next frame, never early.
  let inFrame = false;
  const shownByThisFrame = [];
  const frames = () => {
    inFrame = true;
    afterFrame(() => {
      inFrame = false;
      const at = epoch();
      for (const key of shownByThisFrame.splice(0)) painted[key] = at;
    });
    requestAnimationFrame(frames);
  };
  requestAnimationFrame(frames);
  const afterPaint = (key) => {
    if (inFrame) shownByThisFrame.push(key);
    else requestAnimationFrame(() => afterFrame(() => (painted[key] = epoch())));
  };
  const check = () => {
    for (const [key, spec] of pending) {
      if (!holds(spec)) continue;
      pending.delete(key);
      afterPaint(key);
    }
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class'] });
  window.__paint = {
    painted,
    watch(key, spec) {
      pending.set(key, spec);
      check();
    },
  };
}

/** In the editor window: when the last key went down and the last mouse button came up, as dispatched. */
export function installInputClock() {
  const at = {};
  window.__inputAt = at;
  for (const type of ['keydown', 'mouseup']) window.addEventListener(type, (event) => (at[type] = window.performance.timeOrigin + event.timeStamp), true);
}

/**
 * In a page with a text field focused: for each key that changes the field, ms from the key going
 * down to the frame painted with it, in `window.__typed`.
 */
export function installTypingProbe() {
  const typed = [];
  window.__typed = typed;
  let down = null;
  window.addEventListener('keydown', (event) => (down = event.timeStamp), true);
  window.addEventListener(
    'input',
    () => {
      const from = down;
      down = null;
      if (from === null) return;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => typed.push(window.performance.now() - from);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}
