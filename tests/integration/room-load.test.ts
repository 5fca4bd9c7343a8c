import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api';
import type { BoardNode } from '../../shared/model';
import type { ParticipantState } from '../../shared/model/room';
import { connectPhone, phoneAddress, type Phone } from '../helpers/participant-client';
import { roomFoldersForAll, startRoomBackend, type RoomBackend } from '../helpers/room';
import { noteNode } from '../helpers/sample';
import { connectSocket, isEvent, type SocketClient } from '../helpers/ws-client';

const PARTICIPANTS = 60;
const NOTES_EACH = 10;
const VOTES_EACH = 3;
const SEEDED = 30;

let app: RoomBackend;
let boardId: string;
let seeded: BoardNode[];
const phones: Phone[] = [];

const folders = roomFoldersForAll('room-load', async () => {
  await Promise.all(phones.map((p) => p.close()));
  await app?.stop();
});

const noteText = (phone: number, note: number) => `phone ${phone} note ${note}`;
/** Each phone's three dots, on three different seeded notes, spread so every seeded note gets some. */
const votesOf = (phone: number) => Array.from({ length: VOTES_EACH }, (_, v) => (phone * VOTES_EACH + v) % SEEDED);

const participantNotes = (nodes: readonly BoardNode[]) =>
  nodes.filter((n): n is Extract<BoardNode, { kind: 'note' }> => n.kind === 'note' && n.data.text.startsWith('phone '));

describe(`${PARTICIPANTS} phones each add ${NOTES_EACH} notes and cast ${VOTES_EACH} votes at the same moment`, () => {
  it('every note and vote arrives exactly once, and nothing is lost across a restart', async () => {
    app = await startRoomBackend(folders.dataDir, folders.rendererDir);
    const session = await app.call('session.create', { title: 'Load' });
    boardId = session.boards[0].id;
    seeded = Array.from({ length: SEEDED }, (_, i) => noteNode({ data: { text: `seed ${i}` }, position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 } }));
    await app.call('board.apply', { boardId, ops: seeded.map((node) => ({ type: 'node.add' as const, node })) });
    const status = await app.call('room.open', { sessionId: session.id });
    await app.call('room.updateSettings', { settings: { autoAccept: true, voteBudget: VOTES_EACH } });
    const facilitator: SocketClient = await connectSocket(app.server.url);

    phones.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => connectPhone(status.url!, {}, phoneAddress(i))))));
    await Promise.all(phones.map((p, i) => p.join(status.code!, `Participant ${i}`)));

    // The burst: every message of every phone sent before any reply is awaited. Each phone also
    // sends one note twice (a retry after a lost reply), which must not land twice.
    const started = performance.now();
    const replies: Promise<Reply>[] = [];
    phones.forEach((phone, p) => {
      for (let n = 0; n < NOTES_EACH; n++) replies.push(phone.call('note.add', { id: `p${p}n${n}`, boardId, text: noteText(p, n), category: 'idea' }));
      replies.push(phone.call('note.add', { id: `p${p}n0`, boardId, text: noteText(p, 0), category: 'idea' }));
      for (const v of votesOf(p)) replies.push(phone.call('vote.cast', { nodeId: seeded[v].id }));
    });
    const answered = await Promise.all(replies);
    const burstMs = performance.now() - started;
    expect(answered.filter((r) => !r.ok)).toEqual([]);

    await expect.poll(async () => participantNotes((await app.call('board.get', { id: boardId })).nodes).length, { timeout: 10_000 }).toBe(PARTICIPANTS * NOTES_EACH);
    const landedMs = performance.now() - started;
    const board = await app.call('board.get', { id: boardId });
    const texts = participantNotes(board.nodes).map((n) => n.data.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.sort()).toEqual(phones.flatMap((_, p) => Array.from({ length: NOTES_EACH }, (_, n) => noteText(p, n))).sort());

    const expectedVotes = new Array(SEEDED).fill(0);
    phones.forEach((_, p) => votesOf(p).forEach((v) => expectedVotes[v]++));
    const votesNow = (nodes: readonly BoardNode[]) => seeded.map((s) => (nodes.find((n) => n.id === s.id) as Extract<BoardNode, { kind: 'note' }>).data.votes);
    expect(votesNow(board.nodes)).toEqual(expectedVotes);
    expect(expectedVotes.reduce((a, b) => a + b, 0)).toBe(PARTICIPANTS * VOTES_EACH);

    // The facilitator's canvas heard every revision, in order, without a gap to reload.
    await facilitator.waitFor((f) => isEvent(f) && f.name === 'board.changed' && (f.payload as { revision: number }).revision === board.revision);
    const revisions = facilitator.frames.filter(isEvent).filter((f) => f.name === 'board.changed').map((f) => (f.payload as { revision: number }).revision);
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => revisions[0] + i));
    await facilitator.close();

    // A restart on the same data dir: the room listens again with the same code, address and tokens.
    const tokens = phones.map((p) => p.token!);
    await Promise.all(phones.splice(0).map((p) => p.close()));
    await app.stop();
    app = await startRoomBackend(folders.dataDir, folders.rendererDir);
    const resumed = await app.call('room.status', {});
    expect(resumed).toMatchObject({ open: true, code: status.code, url: status.url, participants: PARTICIPANTS, votesCast: PARTICIPANTS * VOTES_EACH, pending: [] });
    const after = await app.call('board.get', { id: boardId });
    expect(after.nodes).toEqual(board.nodes);
    expect(after.revision).toBe(board.revision);

    const back = await connectPhone(resumed.url!);
    phones.push(back);
    back.token = tokens[7];
    const state = (await back.call('room.state', {})) as { ok: true; result: ParticipantState };
    expect(state.result).toMatchObject({ name: 'Participant 7', votesLeft: 0, myVotes: votesOf(7).map((v) => seeded[v].id) });
    expect(state.result.myNotes.map((n) => [n.id, n.status])).toEqual(Array.from({ length: NOTES_EACH }, (_, n) => [`p7n${n}`, 'accepted']));
    expect(await back.call('vote.cast', { nodeId: seeded[29].id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    console.log(`room load: ${PARTICIPANTS} phones, ${PARTICIPANTS * (NOTES_EACH + 1)} note messages and ${PARTICIPANTS * VOTES_EACH} votes answered in ${burstMs.toFixed(0)} ms; all notes on the board after ${landedMs.toFixed(0)} ms`);
  }, 30_000);
});
