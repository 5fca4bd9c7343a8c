import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, type MethodOutput, type Reply } from '../../shared/api';
import { CO_FACILITATOR_ENDED_CODE, CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';
import { connectCoFacilitator, pair, roomRequest } from '../helpers/co-facilitator-client';
import { openRoomOnFreshBackend, type RoomBackend } from '../helpers/room';
import { noteNode } from '../helpers/sample';
import { connectSocket, isEvent, type SocketClient } from '../helpers/ws-client';

let app: RoomBackend;
let sessionId: string;
let boardId: string;
let status: MethodOutput<'room.status'>;
let closeRoom: () => Promise<void>;
const sockets: SocketClient[] = [];

/** What the editor of one session needs, and nothing more: the host's own list, written out here. */
const SESSION_METHODS = [
  'session.get',
  'session.update',
  'session.setAgenda',
  'presentation.get',
  'presentation.update',
  'presentation.go',
  'presentation.measured',
  'presentation.timer',
  'board.create',
  'board.rename',
  'board.reorder',
  'board.updateSettings',
  'board.delete',
  'board.get',
  'board.apply',
  'board.setViewport',
  'presence.set',
  'app.status',
  'app.takeCommands',
  'room.status',
  'room.updateSettings',
  'room.moderate',
  'room.settings',
  'room.reveal',
  'vote.status',
  'vote.start',
  'vote.end',
  'vote.placeFor',
  'vote.show',
  'poll.start',
  'poll.close',
];

beforeEach(async () => {
  ({ app, sessionId, boardId, status, close: closeRoom } = await openRoomOnFreshBackend('co-facilitator', 'Account plan'));
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
  await closeRoom();
});

async function coFacilitator(name = 'Priya') {
  const invitation = await app.call('coFacilitator.invite', {});
  const { answer, cookie } = await pair(status.url!, invitation.code, name);
  expect(answer.status).toBe(200);
  const socket = await connectCoFacilitator(status.url!, cookie!);
  sockets.push(socket);
  return { socket, cookie: cookie!, invitation };
}

const refused = (reply: Reply) => !reply.ok && reply.error.code === 'forbidden';

describe('pairing a co-facilitator', () => {
  it('exchanges a code once for a token that opens the editor of that session on the room address', async () => {
    const invitation = await app.call('coFacilitator.invite', {});
    expect(invitation.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(invitation.url).toBe(`${status.url}co-facilitator#code=${invitation.code}`);

    expect((await roomRequest(status.url!, CO_FACILITATOR_PATHS.editor)).status).toBe(303);
    expect((await roomRequest(status.url!, '/co-facilitator/assets/index-3.js')).status).toBe(404);
    expect((await roomRequest(status.url!, CO_FACILITATOR_PATHS.pairing)).text).toContain('<title>Pair</title>');

    const { answer, cookie } = await pair(status.url!, invitation.code.toLowerCase(), 'Priya');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ ok: true, result: { name: 'Priya', editor: `/co-facilitator/editor#/session/${sessionId}` } });
    expect(answer.headers['set-cookie']![0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await roomRequest(status.url!, CO_FACILITATOR_PATHS.editor, { cookie: cookie! })).text).toContain('<title>Groundwork</title>');
    expect((await roomRequest(status.url!, '/co-facilitator/assets/index-3.js', { cookie: cookie! })).status).toBe(200);
    // The facilitator's files stay off the room's own paths, paired or not.
    expect((await roomRequest(status.url!, '/assets/index-3.js', { cookie: cookie! })).status).toBe(404);

    const again = await pair(status.url!, invitation.code, 'Mallory');
    expect(again.cookie).toBeNull();
    expect(JSON.parse(again.answer.text).error.message).toMatch(/used already/);
    const wrong = await pair(status.url!, invitation.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA', 'Eve');
    expect(JSON.parse(wrong.answer.text).error.message).toMatch(/not one the host made/);

    expect((await app.call('room.status', {})).coFacilitators).toEqual([{ id: expect.any(String), name: 'Priya', connected: false }]);
  });

  it('lets a co-facilitator call every method the session needs and refuses every other', async () => {
    const { socket } = await coFacilitator();
    await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node: noteNode({ data: { text: 'Pricing is unclear' } }) }] });
    const voting = await app.call('vote.start', { sessionId, rules: { boardId, frameId: null, dotsPerPerson: 3, maxPerNote: 1, seconds: null } });
    const { polls } = await app.call('poll.start', { sessionId, poll: { question: 'Which stratum is the buyer?', choices: ['IV', 'V'] } });
    const before = await app.call('session.list', {});
    for (const method of methodNames) {
      // The extra field makes every input invalid: an allowed method answers invalid_input and changes nothing.
      const ids = { sessionId, boardId, boardIds: [boardId], voteId: voting.votes[0].id, pollId: polls[0].id };
      const input = { ...ids, id: method.startsWith('board.') ? boardId : sessionId, extra: 1 };
      const reply = await socket.call(method, input as never);
      expect({ method, refused: refused(reply) }).toEqual({ method, refused: !SESSION_METHODS.includes(method) });
    }
    expect(await app.call('session.list', {})).toEqual(before);

    const applied = await socket.call('board.apply', { boardId, batchId: 'batch_cofac1', ops: [{ type: 'node.add', node: noteNode({ id: 'n1', data: { text: 'From the second laptop' } }) }] });
    expect(applied).toEqual({ ok: true, result: { revision: 2 } });
    expect((await app.call('board.get', { id: boardId })).nodes.map((n) => n.id)).toContain('n1');
    expect(await socket.call('presentation.go', { sessionId, direction: 1 })).toMatchObject({ ok: true });
  });

  it('refuses a token for one session on another session and its boards, and hears only its own session', async () => {
    const other = await app.call('session.create', { title: 'Another client' });
    const { socket } = await coFacilitator();
    const host = await connectSocket(app.server.url);
    sockets.push(host);
    for (const [method, input] of [
      ['session.get', { id: other.id }],
      ['board.get', { id: other.boards[0].id }],
      ['board.apply', { boardId: other.boards[0].id, ops: [{ type: 'node.add', node: noteNode({ id: 'x', data: { text: 'Leak' } }) }] }],
      ['presentation.go', { sessionId: other.id, direction: 1 }],
      ['board.reorder', { sessionId, boardIds: [boardId, other.boards[0].id] }],
      ['board.get', { id: 'board_nonexistent' }],
    ] as const) {
      expect({ method, refused: refused(await socket.call(method, input as never)) }).toEqual({ method, refused: true });
    }
    expect((await app.call('board.get', { id: other.boards[0].id })).nodes).toEqual([]);

    await host.call('board.apply', { boardId: other.boards[0].id, ops: [{ type: 'node.add', node: noteNode({ id: 'o1', data: { text: 'Elsewhere' } }) }] });
    await host.call('board.apply', { boardId, ops: [{ type: 'node.add', node: noteNode({ id: 'h1', data: { text: 'Here' } }) }] });
    const mine = await socket.waitFor((f) => isEvent(f) && f.name === 'board.changed');
    expect(mine).toMatchObject({ payload: { boardId } });
    expect(socket.frames.filter(isEvent).filter((f) => f.name === 'board.changed' && (f.payload as { boardId: string }).boardId !== boardId)).toEqual([]);
  });
});

describe('presence', () => {
  it('tells the host where the co-facilitator’s selection is, with their name, and clears it when they leave', async () => {
    const host = await connectSocket(app.server.url);
    sockets.push(host);
    expect(await host.call('presence.set', { sessionId, boardId, nodeIds: ['h1'] })).toEqual({ ok: true, result: [] });
    const { socket } = await coFacilitator();
    const answer = await socket.call('presence.set', { sessionId, boardId, nodeIds: ['n1', 'n2'] });
    expect(answer).toMatchObject({ ok: true, result: [{ name: 'Host', nodeIds: ['h1'] }] });
    expect(await host.waitFor((f) => isEvent(f) && f.name === 'presence.changed')).toMatchObject({ payload: { name: 'Priya', boardId, nodeIds: ['n1', 'n2'] } });
    await socket.close();
    expect(await host.waitFor((f) => isEvent(f) && f.name === 'presence.changed' && (f.payload as { nodeIds: string[] }).nodeIds.length === 0)).toMatchObject({
      payload: { name: 'Priya' },
    });
  });
});

describe('ending a co-facilitator', () => {
  it('revoking closes their socket at once and refuses the token from then on', async () => {
    const { socket, cookie } = await coFacilitator();
    const [{ id }] = (await app.call('room.status', {})).coFacilitators;
    const closed = new Promise<number>((resolve) => socket.socket.once('close', resolve));
    const after = await app.call('coFacilitator.revoke', { id });
    expect(after.coFacilitators).toEqual([]);
    expect(await closed).toBe(CO_FACILITATOR_ENDED_CODE);
    await expect(connectCoFacilitator(status.url!, cookie)).rejects.toThrow(/403/);
    expect((await roomRequest(status.url!, CO_FACILITATOR_PATHS.editor, { cookie })).status).toBe(303);
  });

  it('closing the room ends every co-facilitator, and reopening it does not bring them back', async () => {
    const { socket, cookie } = await coFacilitator();
    const closed = new Promise<number>((resolve) => socket.socket.once('close', resolve));
    await app.call('room.close', {});
    expect(await closed).toBe(CO_FACILITATOR_ENDED_CODE);
    status = await app.call('room.open', { sessionId });
    expect(status.coFacilitators).toEqual([]);
    await expect(connectCoFacilitator(status.url!, cookie)).rejects.toThrow(/403/);
  });
});
