/**
 * Deterministic boards for the bench: mixed domain kinds on a grid, joined as a tree (node i
 * hangs under node ⌊(i-1)/3⌋) with the edge kind the app itself would pick for those two ends.
 */
import { dist } from './app.mjs';

const { defaultEdgeKind, defaultEdgeData } = dist('shared/model/edges');

/** 20-slot pattern: half roles, then decision-makers, notes, stages and text. */
const PATTERN = ['role', 'role', 'decisionMaker', 'role', 'note', 'role', 'stage', 'role', 'text', 'role', 'decisionMaker', 'role', 'note', 'role', 'stage', 'role', 'text', 'decisionMaker', 'note', 'role'];
const PURCHASE = ['economic-buyer', 'champion', 'technical-evaluator', 'user', 'influencer', 'gatekeeper', 'blocker'];
const STANCE = ['supporter', 'neutral', 'sceptic'];
const CATEGORY = ['weak-signal', 'strong-attractor', 'story', 'idea', 'question', 'value', 'waste'];
export const CELL = { width: 400, height: 288 };

export const kindOf = (i) => PATTERN[i % PATTERN.length];
export const parentOf = (i) => Math.floor((i - 1) / 3);
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

/** A board of `count` nodes and `count - 1` tree edges, as BoardNode/BoardEdge objects. */
export function makeBoard(count, prefix = `b${count}`) {
  const cols = columnsFor(count);
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i);
    nodes.push({ id: `${prefix}n${i}`, kind, position: { x: (i % cols) * CELL.width, y: Math.floor(i / cols) * CELL.height }, size: null, data: dataOf(kind, i) });
  }
  for (let i = 1; i < count; i++) {
    const p = parentOf(i);
    const kind = defaultEdgeKind(kindOf(p), kindOf(i));
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
