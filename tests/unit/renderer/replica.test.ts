import { describe, expect, it } from 'vitest';
import type { Op } from '../../../shared/ops';
import { BATCH_TEXT_LIMIT, toBatches } from '../../../renderer/state/sync/batch';
import { describeEdit } from '../../../renderer/state/sync/describe';
import { BoardReplica } from '../../../renderer/state/sync/replica';
import { roleNode } from '../../helpers/sample';

const priya = roleNode({ id: 'n_priya', data: { person: 'Priya Raman' } });
const board = (revision = 3) => ({ revision, nodes: [priya], edges: [] });
const person = (replica: BoardReplica, id = priya.id) => (replica.view.nodes.get(id)?.data as { person?: string } | undefined)?.person;
const rename = (to: string, id = priya.id): Op[] => [{ type: 'node.update', id, data: { person: to } }];

describe('a window’s replica of a board', () => {
  it('shows its own edit at once and keeps showing it until main confirms it', () => {
    const replica = new BoardReplica(board());
    const [batch] = toBatches('b1', rename('Priya R.'));
    replica.edit([batch]);
    expect(person(replica)).toBe('Priya R.');
    expect(replica.revision).toBe(3);

    replica.acknowledged(batch, 4);
    expect(replica.revision).toBe(4);
    expect(replica.pendingIds).toEqual([]);
    expect(person(replica)).toBe('Priya R.');
  });

  it('replays its waiting edit on top of another window’s, which main applied first', () => {
    const replica = new BoardReplica(board());
    const [mine] = toBatches('b1', rename('Mine'));
    replica.edit([mine]);
    replica.remote(4, rename('Theirs'));
    expect(person(replica)).toBe('Mine');
    replica.acknowledged(mine, 5);
    expect(person(replica)).toBe('Mine');
    expect(replica.revision).toBe(5);
  });

  it('takes another window’s edit that main applied after its own, once it arrives', () => {
    const replica = new BoardReplica(board());
    const [mine] = toBatches('b1', rename('Mine'));
    replica.edit([mine]);
    replica.acknowledged(mine, 4);
    replica.remote(5, rename('Theirs'));
    expect(person(replica)).toBe('Theirs');
  });

  it('waits for a revision that comes late before applying the ones after it', () => {
    const replica = new BoardReplica(board());
    replica.remote(5, rename('Second'));
    expect(person(replica)).toBe('Priya Raman');
    expect(replica.hasGap).toBe(true);
    replica.remote(4, rename('First'));
    expect(person(replica)).toBe('Second');
    expect(replica.hasGap).toBe(false);
    expect(replica.revision).toBe(5);
  });

  it('marks its waiting edit unfit when another window deleted what it changed, and drops it from the view', () => {
    const replica = new BoardReplica(board());
    const [mine] = toBatches('b1', rename('Mine'));
    replica.edit([mine]);
    replica.remote(4, [{ type: 'node.remove', id: priya.id }]);
    expect(replica.view.nodes.size).toBe(0);
    expect(replica.unfit.map((u) => u.batch.id)).toEqual([mine.id]);
    expect(describeEdit(mine.ops, (id) => replica.nodeOf(id))).toBe('changing role “Priya Raman”');

    replica.rejected(mine.id);
    expect(replica.unfit).toEqual([]);
    expect(replica.pendingIds).toEqual([]);
  });

  it('after a reload replays only the waiting edits main does not hold yet', () => {
    const [held, notYet] = [toBatches('b1', rename('Held'))[0], toBatches('b1', [{ type: 'node.move', id: priya.id, position: { x: 5, y: 5 } }])[0]];
    const replica = new BoardReplica(board(), [held, notYet]);
    expect(person(replica)).toBe('Held');

    const fromMain = { revision: 4, nodes: [{ ...priya, data: { ...priya.data, person: 'Held' } }], edges: [] };
    replica.load(fromMain, [held.id]);
    expect(replica.pendingIds).toEqual([notYet.id]);
    expect(person(replica)).toBe('Held');
    expect(replica.view.nodes.get(priya.id)?.position).toEqual({ x: 5, y: 5 });
  });

  it('ignores a board that arrives older than what it has caught up with meanwhile', () => {
    const replica = new BoardReplica(board());
    replica.remote(4, rename('Newer'));
    replica.load(board(3), []);
    expect(replica.revision).toBe(4);
    expect(person(replica)).toBe('Newer');
  });

  it('shows a batch it never made once main confirms it (taken over from a page that closed)', () => {
    const replica = new BoardReplica(board());
    const [adopted] = toBatches('b1', rename('From the closed tab'));
    replica.acknowledged(adopted, 4);
    expect(replica.revision).toBe(4);
    expect(person(replica)).toBe('From the closed tab');
  });

  it('refuses an edit that does not fit its view, and leaves the view as it was', () => {
    const replica = new BoardReplica(board());
    expect(() => replica.edit(toBatches('b1', rename('Nobody', 'n_missing')))).toThrow(/No node with id n_missing/);
    expect(replica.pendingIds).toEqual([]);
    expect(person(replica)).toBe('Priya Raman');
  });
});

describe('an edit as batches', () => {
  it('splits a huge paste by count and by size, keeping the order, so no batch is too large to send', () => {
    const longNote = (i: number): Op => ({ type: 'node.add', node: { ...roleNode({ id: `n_${i}` }), data: { ...roleNode().data, notes: '語'.repeat(9_000) } } });
    const ops = Array.from({ length: 900 }, (_, i) => longNote(i));
    const batches = toBatches('b1', ops);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(JSON.stringify(batch.ops).length).toBeLessThanOrEqual(BATCH_TEXT_LIMIT + 1_000);
    expect(batches.flatMap((b) => b.ops)).toEqual(ops);
    expect(new Set(batches.map((b) => b.id)).size).toBe(batches.length);

    const small = Array.from({ length: 12_000 }, (_, i): Op => ({ type: 'node.move', id: `n_${i}`, position: { x: i, y: 0 } }));
    expect(toBatches('b1', small).map((b) => b.ops.length)).toEqual([5_000, 5_000, 2_000]);
  });
});
