import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model';
import { ROOM_LIMITS } from '../../shared/model/room-limits';
import { applyOps, createDoc, type Op } from '../../shared/ops';
import { RoomWrites, type BoardWriter } from '../../main/room/room-writes';
import type { NoteRow } from '../../main/room/room-store';
import { noteNode } from '../helpers/sample';

describe('RoomWrites on a full board', () => {
  it('keeps auto-accepted notes waiting when the board is at its node cap, and still lands the dots', async () => {
    const doc = createDoc(Array.from({ length: LIMITS.nodesPerBoard }, (_, i) => noteNode({ id: `n${i}` })));
    const votes = new Set<string>();
    const accepted: string[] = [];
    const waiting: NoteRow[] = [{ id: 'p1', participant_id: 'ann', client_key: 'k1', board_id: 'b', text: 'Late idea', category: 'idea', status: 'pending', node_id: null, created_at: 0, named: 0, author: 'Ann' }];
    // The real ops path (applyOps with its caps) behind the writer; a failure rolls the writes back, as the transaction would.
    const writer: BoardWriter = {
      together: (work) => work(),
      insertNotes: () => undefined,
      votesOf: () => new Map([...doc.nodes.values()].map((n) => [n.id, n.kind === 'note' ? n.data.votes : 0])),
      apply: (_boardId, ops: Op[], write) => {
        const before = { votes: new Set(votes), accepted: accepted.length };
        try {
          write();
          applyOps(doc, ops);
        } catch (error) {
          votes.clear();
          for (const v of before.votes) votes.add(v);
          accepted.length = before.accepted;
          throw error;
        }
      },
      insertVote: (participant, nodeId) => !votes.has(`${participant}:${nodeId}`) && !!votes.add(`${participant}:${nodeId}`),
      deleteVote: (participant, nodeId) => votes.delete(`${participant}:${nodeId}`),
      inbox: (_boardId, notes) => ({
        ops: notes.map((n, i) => ({ type: 'node.add', node: noteNode({ id: `inbox${i}`, data: { text: n.text } }) })),
        nodeIds: notes.map((_, i) => `inbox${i}`),
      }),
      markAccepted: (notes) => accepted.push(...notes.map((n) => n.id)),
    };
    const writes = new RoomWrites(writer, () => waiting, () => undefined, () => 0);

    const dot = writes.vote('b', 'bob', 'n7', 1);
    writes.flush();
    await expect(dot).resolves.toBeUndefined();
    expect(doc.nodes.get('n7')).toMatchObject({ data: { votes: 1 } });
    expect(doc.nodes.size).toBe(LIMITS.nodesPerBoard);
    expect(accepted).toEqual([]);
  });
});

describe('RoomWrites in a burst', () => {
  /** A writer whose transactions are recorded: what each committed, and when replies could go out. */
  function recordingWriter() {
    const commits: string[][] = [];
    let open: string[] | null = null;
    const writer: BoardWriter = {
      together: (work) => {
        open = [];
        work();
        commits.push(open);
        open = null;
      },
      insertNotes: (notes) => open!.push(...notes.map((n) => `note ${n.clientKey}`)),
      votesOf: () => new Map([['n1', 0]]),
      apply: (_boardId, _ops, write) => write(),
      insertVote: (participant, nodeId) => !!open!.push(`dot ${participant} ${nodeId}`),
      deleteVote: () => false,
      inbox: () => ({ ops: [], nodeIds: [] }),
      markAccepted: () => undefined,
    };
    return { writer, commits };
  }
  const ann = { id: 'ann', name: 'Ann' };
  const note = (clientKey: string) => ({ participant: ann, clientKey, boardId: 'b', text: clientKey, category: 'idea', named: false });

  it('commits the notes and dots sent together in one transaction, and answers each phone only after it', async () => {
    const { writer, commits } = recordingWriter();
    const writes = new RoomWrites(writer, () => [], () => undefined, () => 0);
    const answered: string[] = [];
    const sent = [
      writes.note(note('k1')).then(() => answered.push('k1')),
      writes.note(note('k2')).then(() => answered.push('k2')),
      writes.vote('b', 'bob', 'n1', 1).then(() => answered.push('dot')),
    ];
    expect(writes.queuedNotes('ann')).toBe(2);
    expect(writes.hasQueuedNote('ann', 'k2')).toBe(true);
    await Promise.resolve();
    expect(answered).toEqual([]);
    writes.flush();
    await Promise.all(sent);
    expect(commits).toEqual([['note k1', 'note k2', 'dot bob n1']]);
    expect(answered).toEqual(['k1', 'k2', 'dot']);
    expect(writes.queuedNotes('ann')).toBe(0);
  });

  it('writes a note sent again before its commit once, and answers both sends after that commit', async () => {
    const { writer, commits } = recordingWriter();
    const writes = new RoomWrites(writer, () => [], () => undefined, () => 0);
    const sends = [writes.note(note('k1')), writes.note(note('k1'))];
    expect(writes.queuedNotes('ann')).toBe(1);
    writes.flush();
    await Promise.all(sends);
    expect(commits).toEqual([['note k1']]);
  });

  it('tells phones apart that use the same key: each has its own note queued, and a commit clears both', async () => {
    const { writer, commits } = recordingWriter();
    const writes = new RoomWrites(writer, () => [], () => undefined, () => 0);
    const ben = { id: 'ben', name: 'Ben' };
    const sends = [writes.note(note('k1')), writes.note({ ...note('k1'), participant: ben }), writes.note(note('k2'))];
    expect([writes.queuedNotes('ann'), writes.queuedNotes('ben'), writes.queuedNotes('cy')]).toEqual([2, 1, 0]);
    expect([writes.hasQueuedNote('ben', 'k1'), writes.hasQueuedNote('ben', 'k2')]).toEqual([true, false]);
    writes.flush();
    await Promise.all(sends);
    expect(commits).toEqual([['note k1', 'note k1', 'note k2']]);
    expect([writes.queuedNotes('ann'), writes.queuedNotes('ben'), writes.hasQueuedNote('ann', 'k1')]).toEqual([0, 0, false]);
  });

  it('puts no more notes in the room’s queue than it holds, counted once a commit: the notes past it are refused, and only those', async () => {
    const { writer, commits } = recordingWriter();
    let counted = 0;
    const writes = new RoomWrites(writer, () => [], () => undefined, () => (counted++, ROOM_LIMITS.pendingNotes - 2));
    const sent = ['k1', 'k2', 'k3', 'k4'].map((key) => writes.note(note(key)).then(() => 'saved', (error: Error) => error.message));
    writes.flush();
    expect(await Promise.all(sent)).toEqual(['saved', 'saved', 'The facilitator has many notes waiting: try again in a minute', 'The facilitator has many notes waiting: try again in a minute']);
    expect(commits).toEqual([['note k1', 'note k2']]);
    expect(counted).toBe(1);
  });

  it('tells every phone of a failed commit that nothing was saved', async () => {
    const { writer } = recordingWriter();
    writer.together = () => {
      throw new Error('disk I/O error');
    };
    const writes = new RoomWrites(writer, () => [], () => undefined, () => 0);
    const sent = [writes.note(note('k1')), writes.vote('b', 'bob', 'n1', 1)];
    writes.flush();
    for (const reply of sent) await expect(reply).rejects.toThrow('disk I/O error');
  });
});
