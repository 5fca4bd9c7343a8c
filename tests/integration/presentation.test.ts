import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/api/contract';
import { sampleNode } from '../helpers/sample';
import { clockedService } from '../helpers/clocked-service';

describe('the presentation, as main holds it', () => {
  const at = clockedService('presentation', Date.UTC(2026, 11, 2, 9, 0));
  const ctx = { clientId: 'test' };

  /** Two frames, the first holding two notes, and an agenda item for each. */
  async function twoSteps() {
    const session = await at.service['session.create']({ title: 'Offsite' }, ctx);
    const boardId = session.boards[0].id;
    const frame = (id: string, x: number) => sampleNode('frame', { id, position: { x, y: 0 }, size: { width: 800, height: 500 } });
    const note = (id: string, x: number) => sampleNode('note', { id, position: { x, y: 100 } });
    await at.service['board.apply']({ boardId, ops: [frame('f0', 0), frame('f1', 900), note('n0', 50), note('n1', 300)].map((node) => ({ type: 'node.add' as const, node })) }, ctx);
    await at.service['session.setAgenda'](
      { sessionId: session.id, items: ['f0', 'f1'].map((frameId, i) => ({ id: `a${i}`, title: `Item ${i}`, timeboxMinutes: 5, boardId, frameId, prompts: [] })) },
      ctx,
    );
    return session.id;
  }

  it('shows the second part of a step the audience measured in two before the next step, whichever window asks', async () => {
    const sessionId = await twoSteps();
    await at.service['presentation.measured']({ sessionId, stepIndex: 0, parts: 2, itemParts: [], splits: false }, ctx);
    expect(await at.service['presentation.go']({ sessionId, direction: 1 }, ctx)).toMatchObject({ stepIndex: 0, part: 1 });
    expect(await at.service['presentation.go']({ sessionId, direction: 1 }, ctx)).toMatchObject({ stepIndex: 1, part: 0, parts: 1 });
  });

  it('ignores a count of parts for a step the room has already left', async () => {
    const sessionId = await twoSteps();
    await at.service['presentation.go']({ sessionId, direction: 1 }, ctx);
    expect(await at.service['presentation.measured']({ sessionId, stepIndex: 0, parts: 3, itemParts: [], splits: false }, ctx)).toMatchObject({ stepIndex: 1, parts: 1 });
  });

  it('reveals the step’s notes one by one, counted from the board, before the next step', async () => {
    const sessionId = await twoSteps();
    await at.service['presentation.update']({ sessionId, patch: { revealed: 0 } }, ctx);
    const revealed = [];
    for (let i = 0; i < 3; i++) revealed.push(await at.service['presentation.go']({ sessionId, direction: 1 }, ctx));
    expect(revealed.map((s) => [s.stepIndex, s.revealed])).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
  });

  it('carries a running timer on to the next item', async () => {
    const sessionId = await twoSteps();
    await at.service['presentation.timer']({ sessionId, itemId: 'a0', action: 'start' }, ctx);
    at.clock += 90_000;
    const next = await at.service['presentation.go']({ sessionId, direction: 1 }, ctx);
    expect(next.timers).toEqual({ a0: { usedMs: 90_000, runningSince: null }, a1: { usedMs: 0, runningSince: at.clock } });
  });

  it('takes no step, part or count of parts from a window’s patch', () => {
    expect(methods['presentation.update'].input.safeParse({ sessionId: 's1', patch: { revealed: 0 } }).success).toBe(true);
    for (const patch of [{ stepIndex: 2 }, { part: 1 }, { parts: 2 }]) {
      expect(methods['presentation.update'].input.safeParse({ sessionId: 's1', patch }).success).toBe(false);
    }
  });
});
