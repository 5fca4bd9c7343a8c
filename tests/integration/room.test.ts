import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodOutput } from '../../shared/api';
import { ROOM_LIMITS, type ParticipantBoard, type ParticipantState } from '../../shared/model/room';
import { JOINS_PER_ADDRESS, RATES } from '../../main/room/participant-dispatch';
import { ROOM_PDF_PATH, ROOM_TOKEN_HEADER } from '../../shared/api/room-paths';
import { participantMethodNames, TOKENLESS_METHODS } from '../../shared/api/participant-contract';
import { connectPhone, type Phone } from '../helpers/participant-client';
import { configureRoom } from '../../main/room/config';
import { fakeRendererDir, ROOM_HOST, startRoomBackend, type RoomBackend } from '../helpers/room';
import { noteNode } from '../helpers/sample';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { connectSocket, isEvent } from '../helpers/ws-client';

let dataDir: string;
let rendererDir: string;
let app: RoomBackend;
let sessionId: string;
let boardId: string;
let status: MethodOutput<'room.status'>;
const phones: Phone[] = [];
let prints: string[] = [];

beforeEach(async () => {
  dataDir = makeTempDir('room');
  rendererDir = fakeRendererDir();
  prints = [];
  app = await startRoomBackend(dataDir, rendererDir, {
    print: async (route) => {
      prints.push(route);
      return new TextEncoder().encode('%PDF-1.7 handout');
    },
  });
  const session = await app.call('session.create', { title: 'Signals workshop' });
  sessionId = session.id;
  boardId = session.boards[0].id;
});

afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.close()));
  await app.stop();
  removeDir(dataDir);
  removeDir(rendererDir);
});

async function openRoom() {
  status = await app.call('room.open', { sessionId });
  return status;
}

async function phone(name = 'Ana', from?: string): Promise<Phone> {
  const p = await connectPhone(status.url!, {}, from);
  phones.push(p);
  if (name) await p.join(status.code!, name);
  return p;
}

/** A GET or POST with the headers exactly as given (fetch would set Host and Origin itself). */
function request(url: string, options: { method?: string; path: string; headers?: Record<string, string> }): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('opening and closing the room', () => {
  it('listens on the room address only once opened, with a join code and a URL carrying it', async () => {
    const closed = await app.call('room.status', {});
    expect(closed).toMatchObject({ open: false, code: null, url: null, addresses: [ROOM_HOST] });

    await openRoom();
    expect(status).toMatchObject({ open: true, sessionId, host: ROOM_HOST, participants: 0, settings: { voteBudget: 3, inputBoardIds: [boardId] } });
    expect(status.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(status.url).toMatch(new RegExp(`^http://${ROOM_HOST.replace(/\./g, '\\.')}:\\d+/$`));
    expect(status.joinUrl).toBe(`${status.url}#code=${status.code}`);
    expect((await fetch(status.url!)).status).toBe(200);

    await app.call('room.close', {});
    await expect(fetch(status.url!)).rejects.toThrow();
  });

  it('a restart resumes the room: same code and address, the queue, the settings and the tokens', async () => {
    await openRoom();
    await app.call('room.updateSettings', { settings: { voteBudget: 5, allowPdf: true } });
    const ana = await phone('Ana');
    await ana.call('note.add', { id: 'k1', boardId, text: 'waiting through a restart', category: 'question' });
    const token = ana.token!;
    await ana.close();
    await app.stop();

    app = await startRoomBackend(dataDir, rendererDir);
    const resumed = await app.call('room.status', {});
    expect(resumed).toMatchObject({ open: true, code: status.code, url: status.url, participants: 1, settings: { voteBudget: 5, allowPdf: true } });
    expect(resumed.pending.map((p) => p.text)).toEqual(['waiting through a restart']);
    const back = await phone('');
    back.token = token;
    expect(await back.call('room.state', {})).toMatchObject({ ok: true, result: { name: 'Ana', votesLeft: 5, myNotes: [{ id: 'k1', status: 'pending' }] } });
  });

  it('opens the board on screen for input, and keeps the facilitator’s choice for the next room of the session', async () => {
    const second = await app.call('board.create', { sessionId, title: 'Signals' });
    status = await app.call('room.open', { sessionId, boardId: second.id });
    expect(status.settings.inputBoardIds).toEqual([second.id]);
    await app.call('room.updateSettings', { settings: { inputBoardIds: [boardId, second.id] } });
    await app.call('room.close', {});
    status = await app.call('room.open', { sessionId, boardId: second.id });
    expect(status.settings.inputBoardIds).toEqual([boardId, second.id]);
  });

  it('reopens on the port its last room had, so the address phones kept still leads to it, even when the preferred port was taken then', async () => {
    // The preferred port is held by something else when the room first opens.
    const squatter = http.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, ROOM_HOST, resolve));
    const preferred = (squatter.address() as { port: number }).port;
    configureRoom({ preferredPort: preferred });
    await openRoom();
    const first = status.url!;
    expect(first).not.toContain(`:${preferred}/`);
    await app.call('room.close', {});
    await new Promise((resolve) => squatter.close(resolve));

    await openRoom();
    expect(status.url).toBe(first);
    expect((await fetch(status.url!)).status).toBe(200);
  });

  it('refuses an address that is not one of the room addresses', async () => {
    const reply = await app.backend.dispatch('room.open', { sessionId, host: '0.0.0.0' }, { clientId: 't' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['host'] } });
  });

  it('closing revokes every token and the code dies with the room', async () => {
    await openRoom();
    const ana = await phone('Ana');
    const oldCode = status.code!;
    const oldToken = ana.token!;
    expect((await ana.call('room.state', {})).ok).toBe(true);

    await app.call('room.close', {});
    expect(await ana.closed).toBe(4001);
    expect(ana.events.map((e) => e.name)).toContain('room.closed');

    await openRoom();
    expect(status.code).not.toBe(oldCode);
    const again = await phone('');
    expect(await again.raw('room.state', {}, oldToken)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await again.raw('room.join', { code: oldCode, name: 'Ana' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: ['code'] } });
  });

  it('resumed from a restored backup, knows only the participants the backup had', async () => {
    await openRoom();
    const ana = await phone('Ana');
    const backup = await app.backend.backups.create(app.backend.store.db, 'manual');
    const ben = await phone('Ben');
    // Both have been seen since they joined: the room knows their tokens.
    for (const p of [ana, ben]) expect((await p.call('room.state', {})).ok).toBe(true);

    await app.call('backup.restore', { file: backup.file });
    status = await app.call('room.status', {});
    expect(status).toMatchObject({ open: true, code: status.code });
    const again = await phone('');
    expect(await again.raw('room.state', {}, ana.token!)).toMatchObject({ ok: true, result: { name: 'Ana' } });
    expect(await again.raw('room.state', {}, ben.token!)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the room listener serves only the participant page and its API', () => {
  beforeEach(openRoom);

  it('serves participant.html and the assets it loads, transitively, and nothing else', async () => {
    const page = await request(status.url!, { path: '/' });
    expect(page).toMatchObject({ status: 200, text: expect.stringContaining('<title>Join</title>') });
    expect((await request(status.url!, { path: '/assets/participant-1.js' })).status).toBe(200);
    expect((await request(status.url!, { path: '/assets/chunk-2.js' })).status).toBe(200);
    for (const path of ['/index.html', '/assets/index-3.js', '/sessions/x', '/participant.html/../index.html', '/%2e%2e/index.html', '/assets/../index.html']) {
      expect({ path, status: (await request(status.url!, { path })).status }).toEqual({ path, status: 404 });
    }
  });

  it('answers none of the facilitator API, over HTTP or its WebSocket', async () => {
    for (const method of ['session.list', 'room.status', 'room.close']) {
      const reply = await request(status.url!, { method: 'POST', path: `/api/${method}` });
      expect(reply.status).toBe(405);
      expect((await request(status.url!, { path: `/api/${method}` })).status).toBe(404);
    }
    await expect(connectSocket(status.url!)).rejects.toThrow();
  });

  it('refuses a participant token on every facilitator method', async () => {
    const before = await app.call('session.list', {});
    // A phone may send RATES.messages.capacity messages at once (its join among them): the contract is tried in turns, one phone each.
    const turn = RATES.messages.capacity / 2;
    for (let from = 0; from < methodNames.length; from += turn) {
      const caller = await phone(`Ana ${from}`);
      for (const method of methodNames.slice(from, from + turn)) {
        const reply = await caller.raw(method, { sessionId, id: sessionId, boardId }, caller.token);
        expect({ method, reply }).toMatchObject({ method, reply: { ok: false, error: { code: 'unknown_method' } } });
      }
    }
    expect(await app.call('session.list', {})).toEqual(before);
    expect((await app.call('room.status', {})).open).toBe(true);
  });

  it('refuses a request whose Host or Origin is not the room address', async () => {
    const host = new URL(status.url!).host;
    expect((await request(status.url!, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await request(status.url!, { path: '/', headers: { Host: host, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(status.url!, { path: '/', headers: { Host: host, Origin: `http://${host}` } })).status).toBe(200);
    await expect(connectPhone(status.url!, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connectPhone(status.url!, { Host: 'rebound.example' })).rejects.toThrow(/403/);
  });

  it('refuses every participant method without a valid token, and the join without the code', async () => {
    const stranger = await phone('');
    for (const method of participantMethodNames.filter((m) => !TOKENLESS_METHODS.includes(m))) {
      expect(await stranger.raw(method, {}, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await stranger.raw(method, {}, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const wrong = status.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    expect(await stranger.raw('room.join', { code: wrong, name: 'Eve' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: ['code'] } });
  });

  it('limits names, note texts and message sizes', async () => {
    const ana = await phone('');
    expect(await ana.raw('room.join', { code: status.code, name: 'x'.repeat(ROOM_LIMITS.name + 1) })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['name'] } });
    expect(await ana.raw('room.join', { code: status.code, name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['name'] } });
    await ana.join(status.code!.toLowerCase(), 'Ana');
    const long = await ana.call('note.add', { id: 'k1', boardId, text: 'x'.repeat(ROOM_LIMITS.noteText + 1), category: 'idea' });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['text'] } });
    const valueNote = await ana.raw('note.add', { id: 'k2', boardId, text: 'hi', category: 'value' });
    expect(valueNote).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['category'] } });
    ana.socket.send(JSON.stringify({ id: 9, method: 'note.add', input: { text: 'x'.repeat(20_000) } }));
    expect(await ana.closed).toBe(1009);
    expect((await app.call('room.status', {})).pending).toEqual([]);
  });

  it('stops a flood of notes but lets a burst of ten through', async () => {
    const ana = await phone('Ana');
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => ana.call('note.add', { id: `k${i}`, boardId, text: `note ${i}`, category: 'idea' })));
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(RATES.notes.capacity + 1);
    expect(replies.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await app.call('room.status', {})).pending).toHaveLength(accepted);
  });

  it('stops guessing codes from one address, even with the right code after', async () => {
    const eve = await phone('');
    for (let i = 0; i < RATES.failedJoinsPerAddress.capacity; i++) {
      expect(await eve.raw('room.join', { code: 'ZZZZZ2', name: 'Eve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await eve.raw('room.join', { code: status.code, name: 'Eve' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});

describe('the session PDF for participants', () => {
  beforeEach(openRoom);

  it('is refused until the facilitator allows it, then printed once for phones asking together', async () => {
    const ana = await phone('Ana');
    const ben = await phone('Ben');
    const get = (token?: string) => fetch(new URL(ROOM_PDF_PATH, status.url!), { headers: token ? { [ROOM_TOKEN_HEADER]: token } : {} });
    expect((await get()).status).toBe(403);
    expect((await get('forged')).status).toBe(403);
    const refused = await get(ana.token!);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/not shared/);

    await app.call('room.updateSettings', { settings: { allowPdf: true } });
    expect(await ana.call('room.state', {})).toMatchObject({ ok: true, result: { allowPdf: true } });
    const [a, b] = await Promise.all([get(ana.token!), get(ben.token!)]);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/pdf');
    expect(await a.text()).toBe('%PDF-1.7 handout');
    expect(await b.text()).toBe('%PDF-1.7 handout');
    expect(prints).toEqual([expect.stringMatching(new RegExp(`^#/session/${sessionId}/print\\?`))]);
  });
});

describe('notes, moderation and votes', () => {
  beforeEach(openRoom);

  it('a note waits in the queue; accepted, it lands once in the board’s Inbox frame through the ops path', async () => {
    const facilitator = await connectSocket(app.server.url);
    const ana = await phone('Ana');
    const note = { id: 'k1', boardId, text: 'Buyers ask about carbon reporting', category: 'weak-signal' } as const;
    expect(await ana.call('note.add', note)).toEqual({ ok: true, result: { id: 'k1', status: 'pending' } });
    expect(await ana.call('note.add', note)).toEqual({ ok: true, result: { id: 'k1', status: 'pending' } });
    status = await app.call('room.status', {});
    expect(status.pending).toEqual([{ id: expect.any(String), boardId, author: 'Ana', text: note.text, category: 'weak-signal', createdAt: expect.any(Number) }]);
    const before = await app.call('board.get', { id: boardId });

    status = await app.call('room.moderate', { moderation: { action: 'accept', noteIds: [status.pending[0].id] } });
    expect(status.pending).toEqual([]);
    const board = await app.call('board.get', { id: boardId });
    expect(board.revision).toBe(before.revision + 1);
    const inbox = board.nodes.find((n) => n.kind === 'frame' && n.data.title === 'Inbox')!;
    const notes = board.nodes.filter((n) => n.kind === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ data: { text: note.text, category: 'weak-signal', votes: 0 } });
    expect(notes[0].position.x).toBeGreaterThan(inbox.position.x);
    expect(notes[0].position.y).toBeGreaterThan(inbox.position.y);
    await facilitator.waitFor((f) => isEvent(f) && f.name === 'board.changed' && (f.payload as { revision: number }).revision === board.revision);
    await ana.waitForEvent('room.state');
    const state = (await ana.call('room.state', {})) as { result: ParticipantState };
    expect(state.result.myNotes).toEqual([{ id: 'k1', boardId, text: note.text, category: 'weak-signal', status: 'accepted', hidden: false }]);
    await facilitator.close();
  });

  it('edits, merges and rejects notes in the queue, and accepts more without overlap', async () => {
    const ana = await phone('Ana');
    for (let i = 0; i < 4; i++) await ana.call('note.add', { id: `k${i}`, boardId, text: `idea ${i}`, category: 'idea' });
    const queued = (await app.call('room.status', {})).pending;
    const [c, d] = queued.slice(2);
    let [a, b] = queued;
    await app.call('room.moderate', { moderation: { action: 'edit', noteId: a.id, text: 'idea zero, edited', category: 'strong-attractor' } });
    await app.call('room.moderate', { moderation: { action: 'merge', noteIds: [b.id, c.id] } });
    status = await app.call('room.moderate', { moderation: { action: 'reject', noteIds: [d.id] } });
    [a, b] = status.pending;
    expect(status.pending.map((p) => [p.text, p.category])).toEqual([
      ['idea zero, edited', 'strong-attractor'],
      ['idea 1\nidea 2', 'idea'],
    ]);
    expect(await app.backend.dispatch('room.moderate', { moderation: { action: 'accept', noteIds: [d.id] } }, { clientId: 't' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', path: ['moderation', 'noteIds', 0] },
    });
    expect(await app.backend.dispatch('room.moderate', { moderation: { action: 'accept', noteIds: [a.id, a.id] } }, { clientId: 't' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: ['moderation', 'noteIds'] },
    });
    await app.call('room.moderate', { moderation: { action: 'accept', noteIds: [a.id, b.id] } });
    const state = (await ana.call('room.state', {})) as { result: ParticipantState };
    expect(state.result.myNotes.map((n) => n.status)).toEqual(['accepted', 'accepted', 'merged', 'rejected']);
    const notes = (await app.call('board.get', { id: boardId })).nodes.filter((n) => n.kind === 'note');
    expect(notes).toHaveLength(2);
    expect(new Set(notes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(2);
  });

  it('auto-accept puts incoming notes on the board without the queue, before the phone is answered', async () => {
    await app.call('room.updateSettings', { settings: { autoAccept: true } });
    const ana = await phone('Ana');
    const sent = ['straight in', 'and another'].map((text, i) => ana.call('note.add', { id: `k${i}`, boardId, text, category: 'story' }));
    // Queued and accepted in the same commit: the reply already says the note is on the board.
    expect(await Promise.all(sent)).toEqual([
      { ok: true, result: { id: 'k0', status: 'accepted' } },
      { ok: true, result: { id: 'k1', status: 'accepted' } },
    ]);
    const notes = (await app.call('board.get', { id: boardId })).nodes.filter((n) => n.kind === 'note');
    expect(notes.map((n) => n.kind === 'note' && n.data.text).sort()).toEqual(['and another', 'straight in']);
    expect((await app.call('room.status', {})).pending).toEqual([]);
  });

  it('after a commit, tells the authors of the notes it put on the board to look again, and no other phone', async () => {
    const seeded = noteNode({ data: { text: 'seed' } });
    await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node: seeded }] });
    await app.call('room.updateSettings', { settings: { autoAccept: true } });
    const ana = await phone('Ana');
    const ben = await phone('Ben');
    // A dot alone changes nothing another phone shows; the voter's reply told it what it needs.
    expect(await ben.call('vote.cast', { nodeId: seeded.id })).toEqual({ ok: true, result: { votesLeft: 2 } });
    expect(await ana.call('note.add', { id: 'k1', boardId, text: 'straight in', category: 'idea' })).toEqual({ ok: true, result: { id: 'k1', status: 'accepted' } });
    await ana.waitForEvent('room.state');
    // Ben's socket would have had the same event before this reply.
    expect(await ben.call('room.welcome', {})).toMatchObject({ ok: true });
    expect(ben.events.map((e) => e.name)).not.toContain('room.state');
  });

  it('only boards opened for input take notes and votes; a second board is refused until opened', async () => {
    const other = await app.call('board.create', { sessionId, title: 'Closed board' });
    const ana = await phone('Ana');
    expect(await ana.call('room.board', { boardId: other.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ana.call('note.add', { id: 'k1', boardId: other.id, text: 'x', category: 'idea' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await app.call('room.updateSettings', { settings: { inputBoardIds: [boardId, other.id] } });
    expect(await ana.call('room.board', { boardId: other.id })).toMatchObject({ ok: true });
  });

  it('dots sent all at once still keep to the budget, and each lands once', async () => {
    const seeded = Array.from({ length: 6 }, (_, i) => noteNode({ data: { text: `n${i}` } }));
    await app.call('board.apply', { boardId, ops: seeded.map((node) => ({ type: 'node.add' as const, node })) });
    await app.call('room.updateSettings', { settings: { voteBudget: 2 } });
    const ana = await phone('Ana');
    const replies = await Promise.all([...seeded, seeded[0]].map((n) => ana.call('vote.cast', { nodeId: n.id })));
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    expect(replies.filter((r) => !r.ok)).toEqual(Array.from({ length: 4 }, () => expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) })));
    const votes = (await app.call('board.get', { id: boardId })).nodes.map((n) => (n.kind === 'note' ? n.data.votes : 0));
    expect(votes).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('dots land live on notes within the budget, once each, anonymously; taking one back frees it', async () => {
    const seeded = [noteNode({ data: { text: 'one' } }), noteNode({ data: { text: 'two' } }), noteNode({ data: { text: 'three' } }), noteNode({ data: { text: 'four' } })];
    await app.call('board.apply', { boardId, ops: seeded.map((node) => ({ type: 'node.add' as const, node })) });
    await app.call('room.updateSettings', { settings: { voteBudget: 2 } });
    const ana = await phone('Ana');
    const ben = await phone('Ben');
    const view = (await ben.call('room.board', { boardId })) as { result: ParticipantBoard };
    expect(view.result.notes.map((n) => n.text)).toEqual(['one', 'two', 'three', 'four']);

    expect(await ana.call('vote.cast', { nodeId: seeded[0].id })).toEqual({ ok: true, result: { votesLeft: 1 } });
    expect(await ana.call('vote.cast', { nodeId: seeded[0].id })).toEqual({ ok: true, result: { votesLeft: 1 } });
    expect(await ana.call('vote.cast', { nodeId: seeded[1].id })).toEqual({ ok: true, result: { votesLeft: 0 } });
    expect(await ana.call('vote.cast', { nodeId: seeded[2].id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ben.call('vote.cast', { nodeId: seeded[0].id })).toEqual({ ok: true, result: { votesLeft: 1 } });

    const votes = async () => (await app.call('board.get', { id: boardId })).nodes.map((n) => (n.kind === 'note' ? n.data.votes : null));
    expect(await votes()).toEqual([2, 1, 0, 0]);
    const update = (await ben.waitForEvent('board.notes', (p) => (p as { notes: { votes: number }[] }).notes.some((n) => n.votes === 2))) as { notes: object[] };
    expect(JSON.stringify(update)).not.toMatch(/Ana|Ben/);

    expect(await ana.call('vote.retract', { nodeId: seeded[1].id })).toEqual({ ok: true, result: { votesLeft: 1 } });
    expect(await ana.call('vote.cast', { nodeId: seeded[3].id })).toEqual({ ok: true, result: { votesLeft: 0 } });
    expect(await votes()).toEqual([2, 0, 0, 1]);
    expect((await app.call('room.status', {})).votesCast).toBe(3);
  });
});

describe('a room that holds up against one device', () => {
  beforeEach(openRoom);
  afterEach(() => vi.useRealTimers());
  /** Moves the rate limiters' clock on (Date only: sockets and timers keep running for real). */
  const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

  it('wrong codes from other addresses never turn away a phone with the right code', async () => {
    for (let device = 11; device <= 17; device++) {
      const guesser = await phone('', `127.0.0.${device}`);
      for (let i = 0; i < RATES.failedJoinsPerAddress.capacity; i++) await guesser.raw('room.join', { code: 'ZZZZZ2', name: 'Eve' });
      expect(await guesser.raw('room.join', { code: status.code, name: 'Eve' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    }
    const ana = await phone('', '127.0.0.18');
    expect(await ana.raw('room.join', { code: status.code, name: 'Ana' })).toMatchObject({ ok: true, result: { name: 'Ana' } });
  });

  it(`one address makes at most ${JOINS_PER_ADDRESS} participants, a few at a time; other devices still join`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const script = await phone('', '127.0.0.21');
    const replies = [];
    for (let i = 0; i < RATES.joinsPerAddress.capacity + 1; i++) replies.push(await script.raw('room.join', { code: status.code, name: `Bot ${i}` }));
    expect(replies.filter((r) => r.ok)).toHaveLength(RATES.joinsPerAddress.capacity);
    expect(replies.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringContaining('wait a few seconds') } });

    let joined = RATES.joinsPerAddress.capacity;
    for (let i = 0; i < 3 * JOINS_PER_ADDRESS; i++) {
      later(60);
      const reply = await script.raw('room.join', { code: status.code, name: `Bot ${i}` });
      if (!reply.ok) {
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(`${JOINS_PER_ADDRESS} people have already joined from this device`) } });
        break;
      }
      joined++;
    }
    expect(joined).toBe(JOINS_PER_ADDRESS);
    expect((await app.call('room.status', {})).participants).toBe(JOINS_PER_ADDRESS);
    const ana = await phone('', '127.0.0.22');
    expect(await ana.raw('room.join', { code: status.code, name: 'Ana' })).toMatchObject({ ok: true });
  });

  it(`one participant has at most ${ROOM_LIMITS.pendingNotesPerParticipant} notes waiting; once one is on the board, another fits`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const ana = await phone('Ana');
    const add = (i: number) => ana.call('note.add', { id: `k${i}`, boardId, text: `note ${i}`, category: 'idea' });
    for (let i = 0; i < ROOM_LIMITS.pendingNotesPerParticipant; i++) {
      later(10);
      expect(await add(i)).toMatchObject({ ok: true });
    }
    later(10);
    expect(await add(999)).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('notes waiting for the facilitator') } });
    // Another participant is not held up by Ana's queue.
    const ben = await phone('Ben', '127.0.0.31');
    expect(await ben.call('note.add', { id: 'b1', boardId, text: 'mine', category: 'idea' })).toMatchObject({ ok: true });

    const pending = (await app.call('room.status', {})).pending.filter((n) => n.author === 'Ana');
    await app.call('room.moderate', { moderation: { action: 'accept', noteIds: [pending[0].id] } });
    later(10);
    expect(await add(999)).toMatchObject({ ok: true });
  });
});
