import { FORMAT, FORMAT_VERSION, type DocumentBoard, type GroundworkDocument, type SessionDocument, type TemplateDocument } from '../../shared/fileformat/document';
import type { AgendaItem, BoardEdge, BoardNode } from '../../shared/model';
import { dmNode, noteNode, roleNode, sampleEdge, sampleNode, stageNode, textNode } from './sample';

/**
 * The document with its ids renamed by order of appearance (board-1, node-1, edge-1, item-1,
 * references following) and without exportedAt: two documents that hold the same things compare
 * equal, whatever ids each import minted.
 */
export function normaliseIds<D extends GroundworkDocument>(document: D): Omit<D, 'exportedAt'> {
  const names = new Map<string, string>();
  const counters = { board: 0, node: 0, edge: 0, item: 0 };
  const rename = (kind: keyof typeof counters, id: string) => {
    const key = `${kind}:${id}`;
    if (!names.has(key)) names.set(key, `${kind}-${++counters[kind]}`);
    return names.get(key)!;
  };
  // Node ids are the board's own: the same id on two boards names two nodes.
  const node = (boardId: string, id: string) => rename('node', `${boardId}/${id}`);
  const boards = document.boards.map((board): DocumentBoard => ({
    ...board,
    id: rename('board', board.id),
    nodes: board.nodes.map((n) => ({ ...n, id: node(board.id, n.id) })),
    edges: board.edges.map((e) => ({ ...e, id: rename('edge', `${board.id}/${e.id}`), source: node(board.id, e.source), target: node(board.id, e.target) })),
  }));
  const agenda = document.agenda.map(
    (item): AgendaItem => ({
      ...item,
      id: rename('item', item.id),
      boardId: item.boardId === null ? null : rename('board', item.boardId),
      frameId: item.frameId === null || item.boardId === null ? null : node(item.boardId, item.frameId),
    }),
  );
  const normalised: Record<string, unknown> = { ...document, boards, agenda };
  delete normalised.exportedAt;
  return normalised as Omit<D, 'exportedAt'>;
}

const envelope = { format: FORMAT, version: FORMAT_VERSION, exportedAt: '2026-05-01T09:00:00.000Z' } as const;

/**
 * A small, valid session document: an org map (a frame, a heading, a CEO over a CFO, a note) and
 * a decision-makers board, with an agenda of three items (one on a frame, one on no board).
 */
export function sampleSessionDocument(): SessionDocument {
  const frame = sampleNode('frame', { id: 'frame-1', position: { x: -40, y: -120 }, size: { width: 900, height: 700 }, data: { title: 'Who decides' } });
  const heading = textNode({ id: 'heading-1', position: { x: 0, y: -100 }, data: { text: 'Acme org map', variant: 'heading' } });
  const label = textNode({ id: 'label-1', position: { x: 400, y: -100 }, data: { text: 'Finance', variant: 'label' } });
  const ceo = roleNode({ id: 'ceo', data: { person: 'Dana', title: 'CEO', stratum: 6, notes: 'Founder' } });
  const cfo = roleNode({ id: 'cfo', position: { x: 0, y: 200 }, data: { person: 'Eli', title: 'CFO', stratum: 5, timeSpan: { value: 5, unit: 'years' } } });
  const note = noteNode({ id: 'note-1', position: { x: 300, y: 0 }, data: { text: 'Nobody owns pricing', category: 'weak-signal', votes: 3 } });
  const circle = sampleNode('goldenCircle', { id: 'circle-1', position: { x: 1200, y: 0 }, size: { width: 520, height: 520 }, data: { why: 'Fair pay', how: 'Open books', what: 'Payroll' } });
  const orgMap: DocumentBoard = {
    id: 'board-org',
    title: 'Org map',
    settings: { strataBands: true },
    viewport: { x: 10, y: 20, zoom: 0.8 },
    nodes: [frame, heading, label, ceo, cfo, note, circle],
    edges: [sampleEdge(ceo, cfo, { id: 'edge-1', kind: 'reports-to' }), sampleEdge(note, cfo, { id: 'edge-2', data: { label: 'worries' } }), sampleEdge(frame, heading, { id: 'edge-3' })],
  };
  const anna = dmNode({ id: 'anna', data: { name: 'Anna', purchaseRole: 'economic-buyer', stance: 'supporter', influence: 5 } });
  const ben = dmNode({ id: 'ben', position: { x: 400, y: 0 }, data: { name: 'Ben', stance: 'sceptic' } });
  const people: DocumentBoard = {
    id: 'board-people',
    title: 'Decision-makers',
    settings: { strataBands: false },
    viewport: null,
    nodes: [anna, ben],
    edges: [sampleEdge(anna, ben, { id: 'edge-1', kind: 'influences', data: { strength: 4 } })],
  };
  return {
    ...envelope,
    kind: 'session',
    session: { title: 'Acme kickoff', client: 'Acme', workshopDate: '2026-11-22' },
    boards: [orgMap, people],
    agenda: [
      { id: 'item-1', title: 'Welcome', timeboxMinutes: 10, boardId: null, frameId: null, prompts: ['What brought you here?'] },
      { id: 'item-2', title: 'Who decides', timeboxMinutes: 45, boardId: 'board-org', frameId: 'frame-1', prompts: ['Who signs?', 'Who can block?'] },
      { id: 'item-3', title: 'Influence', timeboxMinutes: 30, boardId: 'board-people', frameId: null, prompts: [] },
    ],
  };
}

/** The sample session's boards and agenda as a template document. */
export function sampleTemplateDocument(name = 'Org map day', description = ''): TemplateDocument {
  const { format, version, exportedAt, boards, agenda } = sampleSessionDocument();
  return { format, version, kind: 'template', exportedAt, template: { name, description }, boards, agenda };
}

/**
 * A large session: `nodeCount` nodes over two boards with edges and an agenda. The first board is
 * an org tree (every role reports to the one at half its index) inside frames; the second a
 * process flow with notes beside each stage.
 */
export function generatedSessionDocument(nodeCount = 2000): SessionDocument {
  const frames = Array.from({ length: 10 }, (_, i) =>
    sampleNode('frame', { id: `f${i}`, position: { x: i * 5000, y: -500 }, size: { width: 4800, height: 4000 }, data: { title: `Division ${i + 1}` } }),
  );
  const roleCount = Math.floor(nodeCount * 0.6) - frames.length;
  const roles = Array.from({ length: roleCount }, (_, i) =>
    roleNode({ id: `r${i}`, position: { x: (i % 50) * 220, y: Math.floor(i / 50) * 140 }, data: { person: `Person ${i}`, title: `Role ${i}`, stratum: 1 + (i % 8) } }),
  );
  const orgEdges: BoardEdge[] = roles.slice(1).map((role, i) => sampleEdge(roles[Math.floor((i + 1) / 2)], role, { id: `re${i}`, kind: 'reports-to' }));
  const stageCount = Math.floor((nodeCount - frames.length - roles.length) / 2);
  const stages = Array.from({ length: stageCount }, (_, i) => stageNode({ id: `s${i}`, position: { x: i * 320, y: 0 }, data: { title: `Step ${i + 1}`, step: 1 + (i % 999) } }));
  const notes: BoardNode[] = Array.from({ length: nodeCount - frames.length - roles.length - stages.length }, (_, i) =>
    noteNode({ id: `o${i}`, position: { x: i * 320, y: 200 }, data: { text: `Observation ${i}`, category: 'idea', votes: i % 7 } }),
  );
  const flowEdges: BoardEdge[] = [
    ...stages.slice(1).map((stage, i) => sampleEdge(stages[i], stage, { id: `fe${i}`, kind: 'flow' })),
    ...notes.map((note, i) => sampleEdge(note, stages[i % stages.length], { id: `ne${i}` })),
  ];
  return {
    ...envelope,
    kind: 'session',
    session: { title: 'Global reorganisation', client: 'Megacorp', workshopDate: null },
    boards: [
      { id: 'org', title: 'Org map', settings: { strataBands: true }, viewport: null, nodes: [...frames, ...roles], edges: orgEdges },
      { id: 'flow', title: 'Sales process', settings: { strataBands: false }, viewport: { x: 0, y: 0, zoom: 0.25 }, nodes: [...stages, ...notes], edges: flowEdges },
    ],
    agenda: frames.map((frame, i) => ({
      id: `a${i}`,
      title: `Division ${i + 1}`,
      timeboxMinutes: 15,
      boardId: 'org',
      frameId: frame.id,
      prompts: [`Who leads division ${i + 1}?`],
    })),
  };
}

export const nodeCountOf = (document: GroundworkDocument) => document.boards.reduce((sum, board) => sum + board.nodes.length, 0);
