import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput, Reply } from '../../shared/api';
import type { NodeOfKind } from '../../shared/model';
import type { ParticipantVoting, VoteRules } from '../../shared/model/voting';
import { connectPhone, type Phone } from '../helpers/participant-client';
import { fakeRendererDir, startRoomBackend, type RoomBackend } from '../helpers/room';
import { noteNode, sampleNode } from '../helpers/sample';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let dataDir: string;
let rendererDir: string;
let app: RoomBackend;
let sessionId: string;
let boardId: string;
let room: MethodOutput<'room.status'>;
let notes: NodeOfKind<'note'>[];
const phones: Phone[] = [];

const frame = sampleNode('frame', { position: { x: 0, y: 0 }, size: { width: 1000, height: 1000 }, data: { title: 'Pains' } });

beforeEach(async () => {
  dataDir = makeTempDir('voting');
  rendererDir = fakeRendererDir();
  app = await startRoomBackend(dataDir, rendererDir);
  const session = await app.call('session.create', { title: 'Voting workshop' });
  sessionId = session.id;
  boardId = session.boards[0].id;
  // Counts from free voting before the vote: they must not leak while it runs either.
  notes = [
    noteNode({ position: { x: 10, y: 10 }, data: { text: 'Pricing is unclear', votes: 4 } }),
    noteNode({ position: { x: 300, y: 10 }, data: { text: 'Approvals take weeks' } }),
    noteNode({ position: { x: 600, y: 10 }, data: { text: 'Buyers change often' } }),
    noteNode({ position: { x: 2000, y: 10 }, data: { text: 'Outside the frame' } }),
  ];
  await app.call('board.apply', { boardId, ops: [frame, ...notes].map((node) => ({ type: 'node.add' as const, node })) });
  room = await app.call('room.open', { sessionId });
});

afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.close()));
  await app.stop();
  removeDir(dataDir);
  removeDir(rendererDir);
});

async function phone(name: string): Promise<Phone> {
  const p = await connectPhone(room.url!);
  phones.push(p);
  await p.join(room.code!, name);
  // As a phone's page does: its first call with the token lets the socket hear the room's events.
  await p.call('room.state', {});
  return p;
}

const rules = (over: Partial<VoteRules> = {}): VoteRules => ({ boardId, frameId: frame.id, dotsPerPerson: 2, maxPerNote: 2, seconds: null, ...over });

async function startVote(over: Partial<VoteRules> = {}) {
  const status = await app.call('vote.start', { sessionId, rules: rules(over) });
  return status.votes[0].id;
}

const current = async (p: Phone) => ((await p.call('vote.current', {})) as Extract<Reply, { ok: true }>).result as ParticipantVoting;
const dot = (p: Phone, voteId: string, nodeId: string, delta: 1 | -1 = 1) => p.call('vote.dot', { voteId, nodeId, delta });
const boardVotes = async () => (await app.call('board.get', { id: boardId })).nodes.flatMap((n) => (n.kind === 'note' ? [[n.data.text, n.data.votes] as const] : []));

describe('a voting session', () => {
  it('keeps every count in main while it runs: a phone hears only its own dots, the facilitator how many voted', async () => {
    const ana = await phone('Ana');
    const ben = await phone('Ben');
    const voteId = await startVote();
    await ben.waitForEvent('voting.changed');

    expect(await dot(ana, voteId, notes[0].id)).toEqual({ ok: true, result: { myDots: { [notes[0].id]: 1 }, dotsLeft: 1 } });
    expect(await dot(ana, voteId, notes[0].id)).toMatchObject({ ok: true, result: { dotsLeft: 0 } });
    const seen: unknown[] = [await current(ben), await ben.call('room.board', { boardId }), await ben.call('room.state', {}), ben.events];
    expect((await current(ben)).vote).toMatchObject({ id: voteId, scope: 'Pains', myDots: {}, dotsLeft: 2, notes: notes.slice(0, 3).map((n) => ({ id: n.id, text: n.data.text })) });
    // Nothing Ben's phone received carries a count: not Ana's dots, not the votes from before.
    const wire = JSON.stringify(seen);
    expect(wire).not.toMatch(/"votes":[1-9]/);
    expect(wire).not.toMatch(/"dots":/);

    const status = await app.call('vote.status', { sessionId });
    expect(status.votes[0]).toMatchObject({ id: voteId, voted: 1, results: null, endedAt: null });
    expect(status.people).toBe(2);
    expect(await boardVotes()).toContainEqual(['Pricing is unclear', 4]);
  });

  it('enforces the dots per person and per note, and only on the notes it is on', async () => {
    const ana = await phone('Ana');
    const voteId = await startVote({ dotsPerPerson: 3, maxPerNote: 2 });
    expect(await dot(ana, voteId, notes[0].id)).toMatchObject({ ok: true });
    expect(await dot(ana, voteId, notes[0].id)).toMatchObject({ ok: true });
    expect(await dot(ana, voteId, notes[0].id)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'At most 2 dots on one note' } });
    expect(await dot(ana, voteId, notes[3].id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dot(ana, voteId, notes[1].id)).toMatchObject({ ok: true, result: { dotsLeft: 0 } });
    expect(await dot(ana, voteId, notes[2].id)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'All 3 dots are placed: take one back to move it' } });
    expect(await dot(ana, voteId, notes[0].id, -1)).toMatchObject({ ok: true, result: { dotsLeft: 1 } });
    expect(await dot(ana, voteId, notes[2].id)).toMatchObject({ ok: true, result: { myDots: { [notes[0].id]: 1, [notes[1].id]: 1, [notes[2].id]: 1 }, dotsLeft: 0 } });
    // The dots from free voting wait while a vote runs.
    expect(await ana.call('vote.cast', { nodeId: notes[0].id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('dots sent all at once each count once, within the budget', async () => {
    const ana = await phone('Ana');
    const voteId = await startVote({ dotsPerPerson: 2, maxPerNote: 2 });
    const replies = await Promise.all(Array.from({ length: 6 }, () => dot(ana, voteId, notes[1].id)));
    expect(replies.filter((r) => r.ok)).toHaveLength(2);
    await app.call('vote.end', { voteId });
    expect((await app.call('vote.status', { sessionId })).votes[0].results![0]).toEqual({ nodeId: notes[1].id, text: 'Approvals take weeks', dots: 2 });
  });

  it('ends and reveals: ranked results (ties by text) are kept and become the notes’ counts; a rerun keeps the first', async () => {
    const [ana, ben] = [await phone('Ana'), await phone('Ben')];
    const first = await startVote();
    await dot(ana, first, notes[2].id);
    await dot(ana, first, notes[1].id);
    await dot(ben, first, notes[2].id);
    const ended = await app.call('vote.end', { voteId: first });
    expect(ended.votes[0].results).toEqual([
      { nodeId: notes[2].id, text: 'Buyers change often', dots: 2 },
      { nodeId: notes[1].id, text: 'Approvals take weeks', dots: 1 },
      { nodeId: notes[0].id, text: 'Pricing is unclear', dots: 0 },
    ]);
    expect(ended.screen).toEqual({ kind: 'vote', id: first });
    expect(await boardVotes()).toEqual([
      ['Pricing is unclear', 0],
      ['Approvals take weeks', 1],
      ['Buyers change often', 2],
      ['Outside the frame', 0],
    ]);
    // Once revealed, the phones see the counts again.
    expect(JSON.stringify(await ben.call('room.board', { boardId }))).toMatch(/"votes":2/);
    expect(await dot(ana, first, notes[0].id)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The vote has ended' } });

    const second = await startVote({ dotsPerPerson: 1, maxPerNote: 1 });
    await dot(ana, second, notes[0].id);
    await dot(ben, second, notes[1].id);
    const both = await app.call('vote.end', { voteId: second });
    expect(both.votes.map((v) => v.results!.map((r) => [r.text, r.dots]))).toEqual([
      [
        ['Approvals take weeks', 1],
        ['Pricing is unclear', 1],
        ['Buyers change often', 0],
      ],
      [
        ['Buyers change often', 2],
        ['Approvals take weeks', 1],
        ['Pricing is unclear', 0],
      ],
    ]);
  });

  it('ends by itself on main’s clock, and a restart in the middle still ends it', async () => {
    const ana = await phone('Ana');
    const voteId = await startVote({ seconds: 2 });
    expect((await current(ana)).vote!.msLeft).toBeGreaterThan(1000);
    await dot(ana, voteId, notes[1].id);
    await ana.close();
    await app.stop();
    app = await startRoomBackend(dataDir, rendererDir);
    await expect.poll(async () => (await app.call('vote.status', { sessionId })).votes[0].results, { timeout: 10_000 }).toEqual([
      { nodeId: notes[1].id, text: 'Approvals take weeks', dots: 1 },
      { nodeId: notes[2].id, text: 'Buyers change often', dots: 0 },
      { nodeId: notes[0].id, text: 'Pricing is unclear', dots: 0 },
    ]);
    expect(await boardVotes()).toContainEqual(['Approvals take weeks', 1]);
  });

  it('takes dots for people without a phone from the laptop, by name, with the same rules', async () => {
    const voteId = await startVote({ dotsPerPerson: 2, maxPerNote: 1 });
    await app.call('vote.placeFor', { voteId, voter: 'Carla', nodeId: notes[0].id, delta: 1 });
    const status = await app.call('vote.placeFor', { voteId, voter: 'Carla', nodeId: notes[2].id, delta: 1 });
    expect(status.laptopVoters).toEqual([{ name: 'Carla', dots: expect.arrayContaining([{ nodeId: notes[0].id, dots: 1 }, { nodeId: notes[2].id, dots: 1 }]) }]);
    expect(status.votes[0].voted).toBe(1);
    const third = await app.backend.dispatch('vote.placeFor', { voteId, voter: 'Carla', nodeId: notes[1].id, delta: 1 }, { clientId: 't' });
    expect(third).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const ended = await app.call('vote.end', { voteId });
    expect(ended.votes[0].results!.filter((r) => r.dots > 0).map((r) => r.text)).toEqual(['Buyers change often', 'Pricing is unclear']);
  });

  it('refuses a second running vote, a frame with no notes and a participant calling the facilitator’s vote methods', async () => {
    const ana = await phone('Ana');
    const voteId = await startVote();
    expect(await app.backend.dispatch('vote.start', { sessionId, rules: rules() }, { clientId: 't' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    for (const method of ['vote.start', 'vote.end', 'vote.placeFor', 'vote.status', 'vote.show', 'poll.start', 'poll.close']) {
      const reply = await ana.raw(method, { sessionId, voteId, rules: rules(), voter: 'Ana', nodeId: notes[0].id, delta: 1 });
      expect({ method, reply }).toMatchObject({ method, reply: { ok: false, error: { code: 'unknown_method' } } });
    }
    expect((await app.call('vote.status', { sessionId })).votes[0]).toMatchObject({ id: voteId, endedAt: null, voted: 0 });
    await app.call('vote.end', { voteId });
    const empty = sampleNode('frame', { position: { x: 5000, y: 5000 }, data: { title: 'Empty' } });
    await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node: empty }] });
    expect(await app.backend.dispatch('vote.start', { sessionId, rules: rules({ frameId: empty.id }) }, { clientId: 't' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'That frame holds no notes to vote on' },
    });
  });
});

describe('a poll', () => {
  const question = { question: 'Which stratum is the buyer you meet most?', choices: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] };

  it('takes one answer per participant, changeable until closed, and keeps the results', async () => {
    const [ana, ben, cem] = [await phone('Ana'), await phone('Ben'), await phone('Cem')];
    const started = await app.call('poll.start', { sessionId, poll: question });
    const pollId = started.polls[0].id;
    await cem.waitForEvent('voting.changed');
    expect((await current(cem)).poll).toEqual({ id: pollId, ...question, myChoice: null });

    expect(await ana.call('poll.answer', { pollId, choice: 2 })).toEqual({ ok: true, result: { myChoice: 2 } });
    await ana.call('poll.answer', { pollId, choice: 3 });
    await ben.call('poll.answer', { pollId, choice: 3 });
    await cem.call('poll.answer', { pollId, choice: 5 });
    expect(await cem.call('poll.answer', { pollId, choice: 8 })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['choice'] } });
    const open = await app.call('vote.status', { sessionId });
    expect(open.polls[0]).toMatchObject({ answered: 3, results: null });
    expect(JSON.stringify(ben.events)).not.toMatch(/answers|results/);

    const closed = await app.call('poll.close', { pollId });
    expect(closed.polls[0]).toMatchObject({ answered: 3, results: [0, 0, 0, 2, 0, 1, 0, 0] });
    expect(await ana.call('poll.answer', { pollId, choice: 0 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await current(ana)).poll).toBeNull();
  });
});
