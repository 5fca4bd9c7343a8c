/**
 * Deterministic boards for the bench: mixed domain kinds joined as a tree (node i hangs under
 * node ⌊(i-1)/3⌋) with the edge kind the app itself would pick for those two ends, laid out on a
 * grid in depth-first order, row by row in alternate directions: a node sits next to its first
 * report and near the rest, so most edges are short and a few near the root are long, as on a
 * real map (breadth-first order would make nearly every edge cross the board).
 */
import { dist } from './app.mjs';

const { allowedEdgeKinds, defaultEdgeData } = dist('shared/model/edges');

/**
 * The kind of each of the nine branches under the top of the tree: an org map of roles in five,
 * a decision-maker map, a process of stages, a cluster of notes, and one of headings and labels.
 */
const BRANCH_KINDS = ['role', 'role', 'decisionMaker', 'role', 'stage', 'role', 'note', 'role', 'text'];
const PURCHASE = ['economic-buyer', 'champion', 'technical-evaluator', 'user', 'influencer', 'gatekeeper', 'blocker'];
const STANCE = ['supporter', 'neutral', 'sceptic'];
const CATEGORY = ['weak-signal', 'strong-attractor', 'story', 'idea', 'question', 'value', 'waste'];
export const CELL = { width: 400, height: 288 };

export const parentOf = (i) => Math.floor((i - 1) / 3);
/** Its ancestor two levels below the root (4…12), or itself at the top. */
const branchOf = (i) => (i <= 12 ? i : branchOf(parentOf(i)));

/** Roles at the top; below, each branch's kind, with every seventh node a note stuck onto its parent. */
export function kindOf(i) {
  if (i < 4) return 'role';
  if (i > 12 && i % 7 === 0) return 'note';
  return BRANCH_KINDS[branchOf(i) - 4];
}
const depthOf = (i) => (i === 0 ? 0 : 1 + depthOf(parentOf(i)));

function dataOf(kind, i) {
  switch (kind) {
    case 'role': {
      // Strata fall one per level of the tree (no gaps); every 7th role has none yet, which the checks flag.
      const stratum = i % 7 === 3 ? null : Math.max(1, 8 - depthOf(i));
      return { person: `Person ${i}`, title: `Head of unit ${i % 97}`, stratum, timeSpan: null, notes: '' };
    }
    case 'decisionMaker':
      return {
        name: `Decision-maker ${i}`,
        title: 'Director',
        organisation: 'Client Co',
        purchaseRole: PURCHASE[i % PURCHASE.length],
        stance: STANCE[i % STANCE.length],
        influence: 1 + (i % 5),
        stratum: null,
        challenge: i % 4 === 0 ? '' : `Challenge ${i}`,
        progress: '',
        showLanguage: false,
      };
    case 'note':
      return { text: `Signal ${i}: something the room noticed`, category: CATEGORY[i % CATEGORY.length], votes: i % 4 };
    case 'stage':
      return { title: `Stage ${i}`, step: 1 + (i % 20), notes: '' };
    case 'text':
      return { text: `Heading ${i}`, variant: i % 2 ? 'label' : 'heading' };
    default:
      throw new Error(`no bench data for ${kind}`);
  }
}

/** Columns for a roughly 16:9 grid of `count` cells. */
const columnsFor = (count) => Math.max(1, Math.ceil(Math.sqrt((count * 16 * CELL.height) / (9 * CELL.width))));

/** Each node's place in a depth-first walk of the tree. */
function depthFirstRanks(count) {
  const rank = new Array(count);
  const stack = [0];
  let next = 0;
  while (stack.length) {
    const i = stack.pop();
    rank[i] = next++;
    for (let child = 3 * i + 3; child >= 3 * i + 1; child--) if (child < count) stack.push(child);
  }
  return rank;
}

/** A board of `count` nodes and `count - 1` tree edges, as BoardNode/BoardEdge objects. */
export function makeBoard(count, prefix = `b${count}`) {
  const cols = columnsFor(count);
  const rank = depthFirstRanks(count);
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i);
    const row = Math.floor(rank[i] / cols);
    const col = row % 2 ? cols - 1 - (rank[i] % cols) : rank[i] % cols;
    nodes.push({ id: `${prefix}n${i}`, kind, position: { x: col * CELL.width, y: row * CELL.height }, size: null, data: dataOf(kind, i) });
  }
  for (let i = 1; i < count; i++) {
    const p = parentOf(i);
    const [kind] = allowedEdgeKinds(kindOf(p), kindOf(i));
    edges.push({ id: `${prefix}e${i}`, kind, source: nodes[p].id, target: nodes[i].id, data: defaultEdgeData(kind) });
  }
  return { nodes, edges, cols };
}

/** The board as board.apply batches (at most `perBatch` ops each): nodes first, then edges. */
export function addOps(board, perBatch = 5000) {
  const ops = [...board.nodes.map((node) => ({ type: 'node.add', node })), ...board.edges.map((edge) => ({ type: 'edge.add', edge }))];
  const batches = [];
  for (let i = 0; i < ops.length; i += perBatch) batches.push(ops.slice(i, i + perBatch));
  return batches;
}

const LABEL = { role: 'person', decisionMaker: 'name', note: 'text', stage: 'title', text: 'text' };

/** The same graph for the bare React Flow page: default nodes labelled like ours, same positions and edges. */
export function toBareFlow(board) {
  return {
    nodes: board.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.data[LABEL[n.kind]] } })),
    edges: board.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
