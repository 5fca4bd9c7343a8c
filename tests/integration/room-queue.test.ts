import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DEFAULT_ROOM_SETTINGS } from '../../shared/model/room';
import { RoomStore } from '../../main/room/room-store';
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

function roomWith(names: string[]) {
  open = openStoreIn(dir);
  const session = open.store.createSession({ title: 'Queue', client: '', workshopDate: null });
  const rooms = new RoomStore(open.db);
  const room = rooms.insertRoom({ sessionId: session.id, code: 'ABCDEF', host: '127.0.0.2', port: 0, settings: DEFAULT_ROOM_SETTINGS });
  return { rooms, room, boardId: session.boards[0].id, people: names.map((name) => rooms.insertParticipant(room.id, `hash-${name}`, name)) };
}

describe('the room queue, taken for auto-accept', () => {
  it('takes every participant’s first waiting note before anyone’s second: one phone’s ten do not hold back another’s one', () => {
    const { rooms, room, boardId, people: [ann, ben] } = roomWith(['Ann', 'Ben']);
    for (const key of ['a1', 'a2', 'a3']) rooms.insertNote(ann, key, boardId, `Ann ${key}`, 'idea', true);
    rooms.insertNote(ben, 'b1', boardId, 'Ben b1', 'idea', true);
    rooms.insertNote(ben, 'b2', boardId, 'Ben b2', 'idea', true);

    expect(rooms.nextPending(room.id, 3).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2']);
    expect(rooms.nextPending(room.id, 10).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2', 'Ben b2', 'Ann a3']);
    expect(rooms.nextPending(room.id, 1)[0]).toMatchObject({ author: 'Ann', board_id: boardId, status: 'pending' });
  });

  it('serves a note sent while others wait in the next batch, not after every note sent before it', () => {
    const { rooms, room, boardId, people: [ann, ben, cal] } = roomWith(['Ann', 'Ben', 'Cal']);
    // Cal's first notes went up alone, before the others sent theirs.
    for (const key of ['c1', 'c2']) rooms.insertNote(cal, key, boardId, `Cal ${key}`, 'idea', true);
    const accept = (limit: number) => rooms.nextPending(room.id, limit).map((n) => (rooms.setStatus(n.id, 'accepted', null), n.text));
    expect(accept(2)).toEqual(['Cal c1', 'Cal c2']);
    for (const key of ['a1', 'a2', 'a3']) rooms.insertNote(ann, key, boardId, `Ann ${key}`, 'idea', true);
    for (const key of ['b1', 'b2', 'b3']) rooms.insertNote(ben, key, boardId, `Ben ${key}`, 'idea', true);
    rooms.insertNote(cal, 'c3', boardId, 'Cal c3', 'idea', true);
    expect(accept(2)).toEqual(['Ann a1', 'Ben b1']);
    // Ann and Ben still have notes sent before Cal's: Cal's is served in this turn all the same.
    expect(accept(2)).toEqual(['Cal c3', 'Ann a2']);
    expect(accept(10)).toEqual(['Ben b2', 'Ann a3', 'Ben b3']);
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
