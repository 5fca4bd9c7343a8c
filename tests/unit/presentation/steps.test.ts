import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../shared/model';
import { MAX_PARTS } from '../../../shared/model/presentation';
import { advance, presentationSteps } from '../../../shared/presentation/steps';
import { sampleNode } from '../../helpers/sample';

const frame = (id: string, x: number, y: number, title: string) => sampleNode('frame', { id, position: { x, y }, size: { width: 300, height: 200 }, data: { title } });
const boards = [
  { id: 'b1', title: 'Org map' },
  { id: 'b2', title: 'Signals' },
];
const frames: Record<string, ReturnType<typeof frame>[]> = {
  b1: [frame('f-right', 400, 0, 'Right'), frame('f-below', 0, 300, 'Below'), frame('f-left', 0, 10, 'Left')],
  b2: [],
};
const item = (id: string, boardId: string | null, frameId: string | null): AgendaItem => ({ id, title: `Item ${id}`, timeboxMinutes: 10, boardId, frameId, prompts: [] });

describe('presentation steps', () => {
  it('walks the frames in reading order, and a board without frames as one step', () => {
    const steps = presentationSteps({ boards, agenda: [], framesOf: (id) => frames[id] });
    expect(steps.map((s) => s.title)).toEqual(['Left', 'Right', 'Below', 'Signals']);
    expect(steps[3]).toMatchObject({ boardId: 'b2', frameId: null });
  });

  it('follows the agenda’s order where the session has one, skipping items without a board', () => {
    const agenda = [item('a', 'b2', null), item('b', null, null), item('c', 'b1', 'f-below')];
    const steps = presentationSteps({ boards, agenda, framesOf: (id) => frames[id] });
    expect(steps.map((s) => [s.agendaItemId, s.boardId, s.frameId])).toEqual([
      ['a', 'b2', null],
      ['c', 'b1', 'f-below'],
    ]);
  });
});

describe('advance', () => {
  const at = (stepIndex: number, part = 0, parts = 1, revealed: number | null = null, itemParts: number[] = []) => ({ stepIndex, part, parts, itemParts, revealed });

  const none = () => 0;
  /** Step i reveals i + 2 items. */
  const growing = (i: number) => i + 2;

  /** Going back enters a step at its last part, however many parts the audience then counts. */
  const LAST = MAX_PARTS - 1;

  it('goes through the parts of a split step before the next step, and back through them from the last', () => {
    expect(advance(at(0, 0, 2), 1, 3, none)).toEqual(at(0, 1, 2));
    expect(advance(at(0, 1, 2), 1, 3, none)).toEqual(at(1, 0, 1));
    expect(advance(at(1, 0, 1), -1, 3, none)).toEqual(at(0, LAST, 1));
    // The audience counted 2 parts (withParts keeps the part within them): back goes to the first.
    expect(advance(at(0, 1, 2), -1, 3, none)).toEqual(at(0, 0, 2));
  });

  it('takes the last part of a step no window has measured as its only part: no press is lost', () => {
    expect(advance(at(1, LAST, 1), -1, 3, none)).toEqual(at(0, LAST, 1));
    expect(advance(at(1, LAST, 1), 1, 3, none)).toEqual(at(2, 0, 1));
  });

  it('reveals a step’s items one by one before moving on, and starts the next step hidden', () => {
    expect(advance(at(0, 0, 1, 1), 1, 3, growing)).toEqual(at(0, 0, 1, 2));
    expect(advance(at(0, 0, 1, 2), 1, 3, growing)).toEqual(at(1, 0, 1, 0));
    expect(advance(at(1, 0, 1, 2), -1, 3, growing)).toEqual(at(1, 0, 1, 1));
  });

  it('going back past a step’s first item shows the previous step as the room left it, every item revealed', () => {
    expect(advance(at(1, 0, 1, 0), -1, 3, growing)).toEqual(at(0, LAST, 1, 2));
    expect(advance(at(2, 0, 1, 0), -1, 3, growing)).toEqual(at(1, LAST, 1, 3));
    // And back again, one item a press.
    expect(advance(at(0, 0, 1, 2), -1, 3, growing)).toEqual(at(0, 0, 1, 1));
  });

  it('with reveal on a step in parts, takes the camera to the part of each item it reveals, then on through the parts left', () => {
    // Step 0 reveals 2 items (growing): the first in part 0, the second in part 1 of 3.
    const parts = [0, 1];
    const walk = [at(0, 0, 3, 0, parts)];
    for (let press = 0; press < 4; press++) walk.push(advance(walk.at(-1)!, 1, 3, growing));
    expect(walk.map(({ part, revealed }) => [part, revealed])).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
      [2, 2],
      [0, 0],
    ]);
    expect(walk.at(-1)).toEqual(at(1, 0, 1, 0));
    // And back the same way, press for press.
    const back = [walk[3]];
    for (let press = 0; press < 3; press++) back.push(advance(back.at(-1)!, -1, 3, growing));
    expect(back.map(({ part, revealed }) => [part, revealed])).toEqual(walk.slice(0, 4).reverse().map(({ part, revealed }) => [part, revealed]));
  });

  it('keeps the part while no window has said where the items are', () => {
    expect(advance(at(0, 1, 2, 0), 1, 3, growing)).toEqual(at(0, 1, 2, 1));
  });

  it('stays put at either end', () => {
    expect(advance(at(2), 1, 3, none)).toEqual(at(2));
    expect(advance(at(0), -1, 3, none)).toEqual(at(0));
  });
});
