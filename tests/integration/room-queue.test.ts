import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROOM_SETTINGS } from '../../shared/model/room';
import { RoomStore } from '../../main/room/room-store';
import { openStoreIn, type OpenStore } from '../helpers/store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let dir: string;
let open: OpenStore;

beforeEach(() => {
  dir = makeTempDir('room-queue');
  open = openStoreIn(dir);
});

afterEach(() => {
  open.close();
  removeDir(dir);
});

describe('the room queue, taken for auto-accept', () => {
  it('takes every participant’s first waiting note before anyone’s second: one phone’s ten do not hold back another’s one', () => {
    const session = open.store.createSession({ title: 'Queue', client: '', workshopDate: null });
    const boardId = session.boards[0].id;
    const rooms = new RoomStore(open.db);
    const room = rooms.insertRoom({ sessionId: session.id, code: 'ABCDEF', host: '127.0.0.2', port: 0, settings: DEFAULT_ROOM_SETTINGS });
    const ann = rooms.insertParticipant(room.id, 'hash-ann', 'Ann');
    const ben = rooms.insertParticipant(room.id, 'hash-ben', 'Ben');
    for (const key of ['a1', 'a2', 'a3']) rooms.insertNote(ann, key, boardId, `Ann ${key}`, 'idea', true);
    rooms.insertNote(ben, 'b1', boardId, 'Ben b1', 'idea', true);
    rooms.insertNote(ben, 'b2', boardId, 'Ben b2', 'idea', true);

    expect(rooms.nextPending(room.id, 3).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2']);
    expect(rooms.nextPending(room.id, 10).map((n) => n.text)).toEqual(['Ann a1', 'Ben b1', 'Ann a2', 'Ben b2', 'Ann a3']);
    expect(rooms.nextPending(room.id, 1)[0]).toMatchObject({ author: 'Ann', board_id: boardId, status: 'pending' });
  });
});
