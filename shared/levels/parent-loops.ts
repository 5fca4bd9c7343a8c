/**
 * The loops in a graph where each node has at most one parent (`parent[i]`, -1 for a root), such
 * as reporting lines that keep each role's first manager. Each loop is listed once, in the order
 * the parents lead round it. Linear time: each node is walked once, so a 5,000-long chain is fine.
 */
export function parentLoops(parent: Int32Array): number[][] {
  const loops: number[][] = [];
  const state = new Uint8Array(parent.length); // 0 unseen, 1 on the current walk, 2 done
  for (let start = 0; start < parent.length; start++) {
    const walk: number[] = [];
    let at = start;
    while (at !== -1 && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = parent[at];
    }
    if (at !== -1 && state[at] === 1) loops.push(walk.slice(walk.indexOf(at)));
    for (const i of walk) state[i] = 2;
  }
  return loops;
}
