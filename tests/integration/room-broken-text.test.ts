import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/api';
import { ROOM_LIMITS } from '../../shared/model/room';
import { connectPhone, type Phone } from '../helpers/participant-client';
import { fakeRendererDir, startRoomBackend, type RoomBackend } from '../helpers/room';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/** Issue 14 in the room: a phone's lone surrogate is refused; names and notes an older version kept are listed repaired. */

const BROKEN = 'contains a broken character (a lone UTF-16 surrogate)';

let dataDir: string;
let rendererDir: string;
let app: RoomBackend;
let boardId: string;
let status: MethodOutput<'room.status'>;
const phones: Phone[] = [];

beforeEach(async () => {
  dataDir = makeTempDir('room-text');
  rendererDir = fakeRendererDir();
  app = await startRoomBackend(dataDir, rendererDir);
  const session = await app.call('session.create', { title: 'Signals workshop' });
  boardId = session.boards[0].id;
  status = await app.call('room.open', { sessionId: session.id });
});

afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.close()));
  await app.stop();
  removeDir(dataDir);
  removeDir(rendererDir);
});

async function phone(): Promise<Phone> {
  const p = await connectPhone(status.url!);
  phones.push(p);
  return p;
}

describe('the participant API', () => {
  it('refuses a display name with a lone surrogate, naming the field, and lets no one in', async () => {
    const ana = await phone();
    expect(await ana.raw('room.join', { code: status.code, name: 'Ana\uD800' }, null)).toEqual({
      ok: false,
      error: { code: 'invalid_input', path: ['name'], message: `name: ${BROKEN}` },
    });
    expect((await app.call('room.status', {})).participants).toBe(0);
  });

  it('refuses a note with a lone surrogate, and nothing waits in the queue', async () => {
    const ana = await phone();
    await ana.join(status.code!, 'Ana');
    expect(await ana.call('note.add', { id: 'k1', boardId, text: 'Pricing\uDC00', category: 'idea' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', path: ['text'], message: `text: ${BROKEN}` },
    });
    expect((await app.call('room.status', {})).pending).toEqual([]);
  });
});

describe('names and notes an older version stored with a lone surrogate', () => {
  it('are listed repaired by room.status and room.moderate, and reach the board repaired', async () => {
    const ana = await phone();
    await ana.join(status.code!, 'Ana');
    await ana.call('note.add', { id: 'k1', boardId, text: 'Pricing', category: 'idea' });
    const db = app.backend.store.db;
    // As the older version wrote them: a name and a note at their limits, ending in a lone surrogate.
    db.prepare('UPDATE room_participants SET name = ?').run(`${'a'.repeat(ROOM_LIMITS.name - 1)}\uD800`);
    db.prepare('UPDATE room_notes SET text = ?').run(`${'n'.repeat(ROOM_LIMITS.noteText - 1)}\uD800`);

    const listed = await app.call('room.status', {});
    expect(listed.pending).toMatchObject([{ author: `${'a'.repeat(ROOM_LIMITS.name - 1)}\uFFFD`, text: `${'n'.repeat(ROOM_LIMITS.noteText - 1)}\uFFFD` }]);
    expect(await ana.call('room.state', {})).toMatchObject({ ok: true, result: { myNotes: [{ text: `${'n'.repeat(ROOM_LIMITS.noteText - 1)}\uFFFD` }] } });

    const moderated = await app.call('room.moderate', { moderation: { action: 'accept', noteIds: [listed.pending[0].id] } });
    expect(moderated.pending).toEqual([]);
    const board = await app.call('board.get', { id: boardId });
    expect(board.nodes.filter((n) => n.kind === 'note').map((n) => (n.data as { text: string }).text)).toEqual([`${'n'.repeat(ROOM_LIMITS.noteText - 1)}\uFFFD`]);
  });
});
