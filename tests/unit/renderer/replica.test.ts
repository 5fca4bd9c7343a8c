import { describe, expect, it } from 'vitest';
import type { Op } from '../../../shared/ops';
import { toBatches } from '../../../renderer/state/sync/batch';
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

    replica.acknowledged(batch.id, 4);
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
    replica.acknowledged(mine.id, 5);
    expect(person(replica)).toBe('Mine');
    expect(replica.revision).toBe(5);
  });

  it('takes another window’s edit that main applied after its own, once it arrives', () => {
    const replica = new BoardReplica(board());
    const [mine] = toBatches('b1', rename('Mine'));
    replica.edit([mine]);
    replica.acknowledged(mine.id, 4);
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

  it('refuses an edit that does not fit its view, and leaves the view as it was', () => {
    const replica = new BoardReplica(board());
    expect(() => replica.edit(toBatches('b1', rename('Nobody', 'n_missing')))).toThrow(/No node with id n_missing/);
    expect(replica.pendingIds).toEqual([]);
    expect(person(replica)).toBe('Priya Raman');
  });
});
