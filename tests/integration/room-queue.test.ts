import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DEFAULT_ROOM_SETTINGS } from '../../shared/model/room';
import { RoomStore, type NewNote, type Participant } from '../../main/room/room-store';
import { DATABASE_FILE, openDatabase } from '../../main/store/database';
import { MIGRATIONS } from '../../main/store/migrations';
import { Store } from '../../main/store/store';
import { openStoreIn, type OpenStore } from '../helpers/store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let dir: string;
let open: OpenStore | null;

beforeEach(() => {
  dir = makeTempDir('room-queue');
  open = null;
});

afterEach(() => {
  open?.close();
  removeDir(dir);
});

function roomWith(names: string[], at = dir) {
  open = openStoreIn(at);
  const session = open.store.createSession({ title: 'Queue', client: '', workshopDate: null });
  const rooms = new RoomStore(open.db);
  const room = rooms.insertRoom({ sessionId: session.id, code: 'ABCDEF', host: '127.0.0.2', port: 0, settings: DEFAULT_ROOM_SETTINGS });
  return { rooms, room, boardId: session.boards[0].id, people: names.map((name) => rooms.insertParticipant(room.id, `hash-${name}`, name)) };
}

/** A note as a group commit of its own puts it in the queue. */
const sendNote = (rooms: RoomStore, participant: Participant, clientKey: string, boardId: string, text: string) => rooms.insertNotes([{ participant, clientKey, boardId, text, category: 'idea', named: true }]);

describe('the room queue, taken for auto-accept', () => {
  it('takes every participant’s first waiting note before anyone’s second: one phone’s ten do not hold back another’s one', () => {
    const { rooms, room, boardId, people: [ann, ben] } = roomWith(['Ann', 'Ben']);
    for (const key of ['a1', 'a2', 'a3']) sendNote(rooms, ann, key, boardId, `Ann ${key}`);
    sendNote(rooms, ben, 'b1', boardId, 'Ben b1');
    sendNote(rooms, ben, 'b2', boardId, 'Ben b2');

    expect(rooms.nextPending(room.id, 3).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2']);
    expect(rooms.nextPending(room.id, 10).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2', 'Ben b2', 'Ann a3']);
    expect(rooms.nextPending(room.id, 1)[0]).toMatchObject({ author: 'Ann', board_id: boardId, status: 'pending' });
  });

  it('serves a note sent while others wait in the next batch, not after every note sent before it', () => {
    const { rooms, room, boardId, people: [ann, ben, cal] } = roomWith(['Ann', 'Ben', 'Cal']);
    // Cal's first notes went up alone, before the others sent theirs.
    for (const key of ['c1', 'c2']) sendNote(rooms, cal, key, boardId, `Cal ${key}`);
    const accept = (limit: number) => rooms.nextPending(room.id, limit).map((n) => (rooms.setStatus(n.id, 'accepted', null), n.text));
    expect(accept(2)).toEqual(['Cal c1', 'Cal c2']);
    for (const key of ['a1', 'a2', 'a3']) sendNote(rooms, ann, key, boardId, `Ann ${key}`);
    for (const key of ['b1', 'b2', 'b3']) sendNote(rooms, ben, key, boardId, `Ben ${key}`);
    sendNote(rooms, cal, 'c3', boardId, 'Cal c3');
    expect(accept(2)).toEqual(['Ann a1', 'Ben b1']);
    // Ann and Ben still have notes sent before Cal's: Cal's is served in this turn all the same.
    expect(accept(2)).toEqual(['Cal c3', 'Ann a2']);
    expect(accept(10)).toEqual(['Ben b2', 'Ann a3', 'Ben b3']);
  });

  it('serves a note from a phone with nothing waiting within the turn under way, not after the rest of that turn and the next', () => {
    const { rooms, room, boardId, people: [ann, ben, cal] } = roomWith(['Ann', 'Ben', 'Cal']);
    for (const key of ['a1', 'a2', 'a3']) sendNote(rooms, ann, key, boardId, `Ann ${key}`);
    for (const key of ['b1', 'b2', 'b3']) sendNote(rooms, ben, key, boardId, `Ben ${key}`);
    const accept = (limit: number) => rooms.nextPending(room.id, limit).map((n) => (rooms.setStatus(n.id, 'accepted', null), n.text));
    // The first turn is half served when Cal sends.
    expect(accept(1)).toEqual(['Ann a1']);
    sendNote(rooms, cal, 'c1', boardId, 'Cal c1');
    expect(accept(2)).toEqual(['Ben b1', 'Cal c1']);
    // Cal's next, sent once the first has landed, joins the second turn.
    sendNote(rooms, cal, 'c2', boardId, 'Cal c2');
    // Two at once: the second waits for a turn of its own.
    for (const key of ['c3', 'c4']) sendNote(rooms, cal, key, boardId, `Cal ${key}`);
    expect(accept(10)).toEqual(['Ann a2', 'Ben b2', 'Cal c2', 'Ann a3', 'Ben b3', 'Cal c3', 'Cal c4']);
  });

  it('keeps the order of notes that waited through the upgrade that gave notes their turns', () => {
    const file = path.join(dir, DATABASE_FILE);
    const before = openDatabase(file, MIGRATIONS.slice(0, -1));
    const session = new Store(before).createSession({ title: 'Queue', client: '', workshopDate: null });
    before.prepare("INSERT INTO rooms (id, session_id, code, host, port, settings, opened_at) VALUES ('r1', ?, 'ABCDEF', '127.0.0.2', 0, '{}', 0)").run(session.id);
    for (const p of ['Ann', 'Ben']) before.prepare("INSERT INTO room_participants (id, room_id, token_hash, name, joined_at) VALUES (?, 'r1', ?, ?, 0)").run(p, p, p);
    const note = before.prepare("INSERT INTO room_notes (id, participant_id, client_key, board_id, text, category, status, created_at) VALUES (?, ?, ?, ?, ?, 'idea', 'pending', ?)");
    [['Ann', 'a1'], ['Ann', 'a2'], ['Ann', 'a3'], ['Ben', 'b1'], ['Ben', 'b2']].forEach(([p, key], i) => note.run(key, p, key, session.boards[0].id, `${p} ${key}`, i));
    before.close();

    open = openStoreIn(dir);
    expect(new RoomStore(open.db).nextPending('r1', 10).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2', 'Ben b2', 'Ann a3']);
  });
});

const queueStep = fc.oneof(
  // One group commit: phones' notes in the order they came in, put in the queue together.
  fc.record({ kind: fc.constant('send' as const), sends: fc.array(fc.record({ phone: fc.nat({ max: 3 }), notes: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('accept' as const), limit: fc.integer({ min: 1, max: 5 }) }),
  fc.constant({ kind: 'restart' as const }),
);

/**
 * The queue's rule in plain code: a note's turn is one after its phone's last, and never before
 * the lowest turn still waiting (with none waiting, the one after the highest); batches are
 * taken turn by turn, in the order sent within a turn.
 */
class QueueModel {
  private readonly waiting: { text: string; turn: number }[] = [];
  private readonly lastTurn = new Map<number, number>();
  private highest = 0;

  send(phone: number, text: string): void {
    const underWay = this.waiting.length ? Math.min(...this.waiting.map((n) => n.turn)) : this.highest + 1;
    const turn = Math.max((this.lastTurn.get(phone) ?? 0) + 1, underWay);
    this.lastTurn.set(phone, turn);
    this.highest = Math.max(this.highest, turn);
    this.waiting.push({ text, turn });
  }

  accept(limit: number): string[] {
    const taken = [...this.waiting].sort((a, b) => a.turn - b.turn).slice(0, limit);
    for (const note of taken) this.waiting.splice(this.waiting.indexOf(note), 1);
    return taken.map((n) => n.text);
  }
}

/**
 * Auto-accept against the model: phones send one note or several at once, batches of any size
 * are taken, and the backend restarts (the queue lives in the database) between any two steps.
 */
describe('the room queue, as a model', () => {
  it('takes the notes the model takes; each phone in the order it sent; a phone new to the room after at most one note of each other phone', () => {
    fc.assert(
      fc.property(fc.array(queueStep, { minLength: 1, maxLength: 40 }), (steps) => {
        const at = makeTempDir('room-queue-model');
        try {
          const setup = roomWith(['P0', 'P1', 'P2', 'P3'], at);
          const { room, boardId, people } = setup;
          let rooms = setup.rooms;
          const model = new QueueModel();
          const waiting: string[][] = people.map(() => []);
          const sent: string[] = [];
          const accepted: string[] = [];
          // For a phone's first note: the note first in each other phone's queue as it was sent, and how many had been taken.
          const firstNotes = new Map<string, { firsts: Set<string>; takenBefore: number }>();
          const phoneOf = (text: string) => Number(text.slice(1, text.indexOf(' ')));
          const accept = (limit: number) => {
            const taken = rooms.nextPending(room.id, limit).map((row) => (rooms.setStatus(row.id, 'accepted', null), row.text));
            expect(taken).toEqual(model.accept(limit));
            for (const text of taken) {
              accepted.push(text);
              expect(waiting[phoneOf(text)].shift(), 'each phone in the order it sent').toBe(text);
              const first = firstNotes.get(text);
              if (first) expect(accepted.slice(first.takenBefore, -1).filter((t) => !first.firsts.has(t)), `taken before ${text}`).toEqual([]);
            }
          };
          for (const step of steps) {
            if (step.kind === 'restart') {
              open!.close();
              open = openStoreIn(at);
              rooms = new RoomStore(open.db);
            } else if (step.kind === 'accept') accept(step.limit);
            else {
              const group: NewNote[] = [];
              for (const { phone, notes } of step.sends) {
                for (let i = 0; i < notes; i++) {
                  const text = `P${phone} n${sent.length}`;
                  if (!sent.some((t) => phoneOf(t) === phone)) firstNotes.set(text, { firsts: new Set(waiting.flatMap((queue) => queue.slice(0, 1))), takenBefore: accepted.length });
                  group.push({ participant: people[phone], clientKey: text, boardId, text, category: 'idea', named: true });
                  model.send(phone, text);
                  waiting[phone].push(text);
                  sent.push(text);
                }
              }
              open!.db.transaction(() => rooms.insertNotes(group))();
            }
          }
          accept(sent.length);
          expect([...accepted].sort()).toEqual([...sent].sort());
        } finally {
          open?.close();
          open = null;
          removeDir(at);
        }
      }),
      { numRuns: 60 },
    );
  });
});
