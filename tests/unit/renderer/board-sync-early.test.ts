import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BOARD_SETTINGS } from '../../../shared/model';
import type { Batch } from '../../../renderer/state/sync/batch';
import { BoardSync, type LoadedBoard } from '../../../renderer/state/sync/board-sync';
import { memoryOutboxStore, Outbox } from '../../../renderer/state/sync/outbox';
import { roleNode } from '../../helpers/sample';

const board = (revision: number, person = 'Priya Raman'): LoadedBoard => ({
  id: 'b1',
  sessionId: 's1',
  title: 'Board',
  position: 0,
  revision,
  settings: DEFAULT_BOARD_SETTINGS,
  viewport: null,
  nodes: [roleNode({ id: 'n_priya', data: { person } })],
  edges: [],
});

/** A sync whose main answers board.get with `main()` (and records what it was asked), and never acknowledges a batch. */
function syncWith(main: () => LoadedBoard, left: Batch[] = []) {
  const asked: string[][] = [];
  const outbox = new Outbox({ send: () => new Promise<number>(() => {}), store: memoryOutboxStore(left) });
  void outbox.adopt();
  const sync = new BoardSync(
    {
      getBoard: async (_id, batchIds) => (asked.push(batchIds), main()),
      onBoardChanged: () => () => {},
      onReconnect: () => () => {},
    },
    outbox,
    { viewChanged: () => {}, dropped: () => {} },
  );
  return { sync, asked };
}

const person = (sync: BoardSync) => (sync.replica?.view.nodes.get('n_priya')?.data as { person: string }).person;

afterEach(() => vi.useRealTimers());

describe('a board asked for as the page starts', () => {
  it('is opened from that early reply when none of this window’s edits to it waits', async () => {
    const { sync, asked } = syncWith(() => board(7));
    const loaded = await sync.load('b1', sync.fetch('b1', Promise.resolve(board(5))));
    expect(loaded?.revision).toBe(5);
    expect(asked).toEqual([]);
  });

  it('is asked for again, naming the waiting batches, when an edit left by an earlier page waits', async () => {
    const waiting: Batch = { id: 'batch_left', boardId: 'b1', ops: [{ type: 'node.update', id: 'n_priya', data: { person: 'Priya R.' } }] };
    const { sync, asked } = syncWith(() => board(7), [waiting]);
    const loaded = await sync.load('b1', sync.fetch('b1', Promise.resolve(board(5))));
    expect(loaded?.revision).toBe(7);
    expect(asked).toEqual([['batch_left']]);
    expect(person(sync)).toBe('Priya R.');
  });

  it('is asked for over the socket when the early request itself failed', async () => {
    const { sync, asked } = syncWith(() => board(7));
    const loaded = await sync.load('b1', sync.fetch('b1', Promise.resolve(null)));
    expect(loaded?.revision).toBe(7);
    expect(asked).toEqual([[]]);
  });

  it('catches up with an edit made before the socket started, once the session reports a later revision', async () => {
    vi.useFakeTimers();
    const { sync, asked } = syncWith(() => board(6, 'Priya Raman-Lee'));
    await sync.load('b1', sync.fetch('b1', Promise.resolve(board(5))));
    sync.heardOf('b1', 5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toEqual([]);

    sync.heardOf('b1', 6);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toEqual([[]]);
    expect(sync.replica?.revision).toBe(6);
    expect(person(sync)).toBe('Priya Raman-Lee');
  });
});
