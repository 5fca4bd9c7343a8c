import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { newId, type BoardNode } from '../../shared/model';
import { dmNode, noteNode, roleNode, sampleEdge } from './sample';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** Every label a handout of `handoutSession` must hold as text. */
export interface HandoutSession {
  sessionId: string;
  boardTitles: string[];
  labels: string[];
  /** The labels of the tiled board, when there is one. */
  bigBoardLabels: string[];
}

/** A three-board session as a workshop leaves it: an org map, the buying centre, a signals wall with votes, an agenda. */
export async function handoutSession(call: Call, options: { bigBoardRoles?: number } = {}): Promise<HandoutSession> {
  const session = await call('session.create', { title: 'Northwind kickoff', client: 'Northwind sales team', workshopDate: '2026-11-24' });
  const [orgMap] = session.boards;
  await call('board.rename', { id: orgMap.id, title: 'Northwind org map' });
  const people = await call('board.create', { sessionId: session.id, title: 'Who decides' });
  const wall = await call('board.create', { sessionId: session.id, title: 'What we heard' });

  const ceo = roleNode({ position: { x: 300, y: 0 }, data: { person: 'Ingrid Holm', title: 'Chief executive', stratum: 5 } });
  const vp = roleNode({ position: { x: 300, y: 240 }, data: { person: 'Oskar Lind', title: 'VP Sales', stratum: 4 } });
  const reps = ['Mira Sand', 'Pavel Kos'].map((person, i) => roleNode({ position: { x: 100 + i * 400, y: 480 }, data: { person, title: 'Account executive', stratum: 2 } }));
  const orgNodes: BoardNode[] = [ceo, vp, ...reps];
  await call('board.apply', {
    boardId: orgMap.id,
    ops: [...orgNodes.map((node) => ({ type: 'node.add' as const, node })), ...[[ceo, vp], [vp, reps[0]], [vp, reps[1]]].map(([a, b]) => ({ type: 'edge.add' as const, edge: sampleEdge(a, b, { kind: 'reports-to' }) }))],
  });

  const buyer = dmNode({ position: { x: 0, y: 0 }, data: { name: 'Greta Vos', title: 'Finance director', purchaseRole: 'economic-buyer' } });
  const champion = dmNode({ position: { x: 420, y: 0 }, data: { name: 'Hugo Berg', title: 'Head of IT', purchaseRole: 'champion', stance: 'supporter' } });
  await call('board.apply', { boardId: people.id, ops: [buyer, champion].map((node) => ({ type: 'node.add' as const, node })) });

  const notes = [
    noteNode({ position: { x: 0, y: 0 }, data: { text: 'Buyers ask for monthly pricing', category: 'weak-signal', votes: 4 } }),
    noteNode({ position: { x: 260, y: 0 }, data: { text: 'Rival halved its onboarding time', category: 'strong-attractor', votes: 2 } }),
    noteNode({ position: { x: 520, y: 0 }, data: { text: 'Why do pilots stall in legal?', category: 'question', votes: 0 } }),
  ];
  await call('board.apply', { boardId: wall.id, ops: notes.map((node) => ({ type: 'node.add' as const, node })) });

  const boardTitles = ['Northwind org map', 'Who decides', 'What we heard'];
  const bigBoardLabels: string[] = [];
  const labels = ['Ingrid Holm', 'Oskar Lind', 'Mira Sand', 'Pavel Kos', 'Greta Vos', 'Hugo Berg', ...notes.map((n) => n.data.text)];

  if (options.bigBoardRoles) {
    const big = await call('board.create', { sessionId: session.id, title: 'Whole company' });
    const columns = Math.ceil(Math.sqrt(options.bigBoardRoles * 2));
    const roles = Array.from({ length: options.bigBoardRoles }, (_, i) =>
      roleNode({ position: { x: (i % columns) * 320, y: Math.floor(i / columns) * 220 }, data: { person: `Staff member ${i + 1}`, title: 'Specialist', stratum: 1 } }),
    );
    await call('board.apply', { boardId: big.id, ops: roles.map((node) => ({ type: 'node.add' as const, node })) });
    boardTitles.push('Whole company');
    bigBoardLabels.push(...roles.map((r) => r.data.person));
    labels.push(...bigBoardLabels);
  }

  await call('session.setAgenda', {
    sessionId: session.id,
    items: [
      { id: newId('a'), title: 'Draw the org map', timeboxMinutes: 30, boardId: orgMap.id, frameId: null, prompts: [] },
      { id: newId('a'), title: 'Who decides and how', timeboxMinutes: 25, boardId: people.id, frameId: null, prompts: [] },
    ],
  });
  return { sessionId: session.id, boardTitles, labels, bigBoardLabels };
}
