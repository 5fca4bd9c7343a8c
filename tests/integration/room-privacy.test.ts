import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput, Reply } from '../../shared/api';
import type { NodeOfKind } from '../../shared/model';
import type { ParticipantBoard, ParticipantState, ParticipantStep } from '../../shared/model/room';
import { connectPhone, type Phone } from '../helpers/participant-client';
import { openRoomOnFreshBackend, type RoomBackend } from '../helpers/room';
import { sampleNode } from '../helpers/sample';

let app: RoomBackend;
let sessionId: string;
let boardId: string;
let status: MethodOutput<'room.status'>;
let closeRoom: () => Promise<void>;
const phones: Phone[] = [];

beforeEach(async () => {
  ({ app, sessionId, boardId, status, close: closeRoom } = await openRoomOnFreshBackend('room-privacy', 'Signals workshop'));
});

afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.close()));
  await closeRoom();
});

/** A joined phone, and every frame its socket received, as text: what went over the wire. */
async function phone(name: string, from: string): Promise<Phone & { wire: string[] }> {
  const p = await connectPhone(status.url!, {}, from);
  phones.push(p);
  const wire: string[] = [];
  p.socket.on('message', (data) => wire.push(data.toString()));
  await p.join(status.code!, name);
  return Object.assign(p, { wire });
}

const result = <T>(reply: Reply): T => {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.result as T;
};

async function sendAndAccept(p: Phone, key: string, text: string) {
  expect(await p.call('note.add', { id: key, boardId, text, category: 'idea' })).toMatchObject({ ok: true });
  const waiting = (await app.call('room.status', {})).pending.filter((n) => n.text === text);
  await app.call('room.moderate', { moderation: { action: 'accept', noteIds: waiting.map((n) => n.id) } });
}

const notesOn = async () => (await app.call('board.get', { id: boardId })).nodes.filter((n): n is NodeOfKind<'note'> => n.kind === 'note');

describe('private mode', () => {
  it('a phone’s note reaches only its author and the facilitator until the reveal, then every phone at once', async () => {
    await app.call('room.updateSettings', { settings: { privateMode: true } });
    const ana = await phone('Ana', '127.0.0.11');
    const ben = await phone('Ben', '127.0.0.12');
    // Ben's phone follows the board, so its feed sends him every change.
    expect(result<ParticipantBoard>(await ben.call('room.board', { boardId })).notes).toEqual([]);

    await sendAndAccept(ana, 'k1', 'Our buyers fear the audit');
    const [hidden] = await notesOn();
    expect(hidden.data).toMatchObject({ text: 'Our buyers fear the audit', hidden: true, author: 'Ana' });
    const { revision } = await app.call('board.get', { id: boardId });
    // The feed tells Ben the board moved on, and carries nothing of the note.
    const diff = (await ben.waitForEvent('board.notes', (p) => (p as { revision: number }).revision === revision)) as { notes: unknown[] };
    expect(diff.notes).toEqual([]);
    expect(result<ParticipantBoard>(await ben.call('room.board', { boardId })).notes).toEqual([]);
    expect(await ben.call('vote.cast', { nodeId: hidden.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Ana sees hers among her own notes, and knows private mode is on.
    const anas = result<ParticipantState>(await ana.call('room.state', {}));
    expect(anas).toMatchObject({ privateMode: true, myNotes: [{ id: 'k1', text: 'Our buyers fear the audit', status: 'accepted', hidden: true }] });
    expect(ben.wire.join('\n')).not.toContain('audit');
    expect(result<ParticipantBoard>(await ana.call('room.board', { boardId })).notes).toEqual([]);

    const statesBefore = ben.events.filter((e) => e.name === 'room.state').length;
    expect(await app.call('room.reveal', { sessionId })).toEqual({ revealed: 1 });
    // Private mode ended with the reveal: phones hear the room changed and fetch the board again.
    await ben.waitForEvent('room.state', () => ben.events.filter((e) => e.name === 'room.state').length > statesBefore);
    expect(result<ParticipantBoard>(await ben.call('room.board', { boardId })).notes).toEqual([expect.objectContaining({ id: hidden.id, text: 'Our buyers fear the audit' })]);
    expect((await notesOn())[0].data.hidden).toBe(false);
    expect(result<ParticipantState>(await ana.call('room.state', {})).myNotes).toMatchObject([{ id: 'k1', status: 'accepted', hidden: false }]);
    expect((await app.call('room.status', {})).settings.privateMode).toBe(false);
    expect(await ben.call('vote.cast', { nodeId: hidden.id })).toMatchObject({ ok: true });
  });

  it('turning private mode off reveals the notes it hid; the reveal works on a closed room’s session too', async () => {
    await app.call('room.updateSettings', { settings: { privateMode: true } });
    const ana = await phone('Ana', '127.0.0.11');
    await sendAndAccept(ana, 'k1', 'first');
    await app.call('room.updateSettings', { settings: { privateMode: false } });
    expect((await notesOn()).map((n) => n.data.hidden)).toEqual([false]);

    await app.call('room.updateSettings', { settings: { privateMode: true } });
    await sendAndAccept(ana, 'k2', 'second');
    await app.call('room.close', {});
    expect((await notesOn()).filter((n) => n.data.hidden).map((n) => n.data.text)).toEqual(['second']);
    expect((await app.call('room.settings', { sessionId })).privateMode).toBe(true);
    expect(await app.call('room.reveal', { sessionId })).toEqual({ revealed: 1 });
    expect((await notesOn()).some((n) => n.data.hidden)).toBe(false);
  });
});

describe('names beside notes', () => {
  it('a note sent while names are shown carries its author; one sent anonymously never does, even once names are shown again', async () => {
    const ana = await phone('Ana', '127.0.0.11');
    const ben = await phone('Ben', '127.0.0.12');
    expect(result<ParticipantState>(await ben.call('room.state', {})).names).toBe('shown');
    await app.call('room.updateSettings', { settings: { names: 'anonymous' } });
    expect(result<ParticipantState>(await ben.call('room.state', {})).names).toBe('anonymous');
    expect(await ben.call('note.add', { id: 'b1', boardId, text: 'from Ben', category: 'idea' })).toMatchObject({ ok: true });
    await app.call('room.updateSettings', { settings: { names: 'shown' } });
    await sendAndAccept(ana, 'a1', 'from Ana');
    await sendAndAccept(ben, 'b1', 'from Ben');

    const byText = Object.fromEntries((await notesOn()).map((n) => [n.data.text, n.data.author]));
    expect(byText).toEqual({ 'from Ana': 'Ana', 'from Ben': undefined });
    expect((await app.call('room.settings', { sessionId })).names).toBe('shown');
    // Phones never see an author, named or not.
    const board = result<ParticipantBoard>(await ben.call('room.board', { boardId }));
    expect(board.notes.map((n) => n.text).sort()).toEqual(['from Ana', 'from Ben']);
    expect(JSON.stringify(board)).not.toContain('author');
  });
});

describe('the join page', () => {
  it('learns without a token whether names are shown and private mode is on, as the facilitator sets them', async () => {
    const stranger = await connectPhone(status.url!, {}, '127.0.0.13');
    phones.push(stranger);
    expect(await stranger.raw('room.welcome', {}, null)).toEqual({ ok: true, result: { names: 'shown', privateMode: false } });
    await app.call('room.updateSettings', { settings: { names: 'anonymous', privateMode: true } });
    expect(await stranger.raw('room.welcome', {}, null)).toEqual({ ok: true, result: { names: 'anonymous', privateMode: true } });
  });
});

describe('following the facilitator', () => {
  it('phones hear the step on screen as the presenter moves: its board, frame title and step title, nothing else', async () => {
    const frame = (title: string, y: number) => sampleNode('frame', { position: { x: 0, y }, size: { width: 600, height: 400 }, data: { title } });
    await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node: frame('Signals', 0) }, { type: 'node.add', node: frame('Patterns', 800) }] });
    const ana = await phone('Ana', '127.0.0.11');
    expect(result<{ step: ParticipantStep | null }>(await ana.call('room.step', {}))).toEqual({ step: null });

    await app.call('presentation.update', { sessionId, patch: { ended: false, timerVisible: true } });
    const first = { boardId, frame: 'Signals', title: 'Signals' };
    expect(await ana.waitForEvent('room.step')).toEqual({ step: first });
    expect(result(await ana.call('room.step', {}))).toEqual({ step: first });

    await app.call('presentation.go', { sessionId, direction: 1 });
    const second = await ana.waitForEvent('room.step', (p) => (p as { step: ParticipantStep | null }).step?.frame === 'Patterns');
    expect(second).toEqual({ step: { boardId, frame: 'Patterns', title: 'Patterns' } });

    // A change of anything but the step (the timer on the projector) tells phones nothing.
    await app.call('presentation.update', { sessionId, patch: { timerVisible: false } });
    await app.call('presentation.update', { sessionId, patch: { ended: true } });
    await ana.waitForEvent('room.step', (p) => (p as { step: unknown }).step === null);
    expect(ana.events.filter((e) => e.name === 'room.step').map((e) => e.payload)).toEqual([{ step: first }, second, { step: null }]);
  });
});
