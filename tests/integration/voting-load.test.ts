import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api';
import type { BoardNode } from '../../shared/model';
import { connectPhone, phoneAddress, type Phone } from '../helpers/participant-client';
import { roomFoldersForAll, startRoomBackend, type RoomBackend } from '../helpers/room';
import { noteNode } from '../helpers/sample';

const PARTICIPANTS = 60;
const NOTES = 12;
const DOTS_EACH = 3;
const CHOICES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

let app: RoomBackend;
const phones: Phone[] = [];

const folders = roomFoldersForAll('voting-load', async () => {
  await Promise.all(phones.map((p) => p.close()));
  await app?.stop();
});

/** Phone p's dots: two on one note, one on the next; and a third on the first, which the rule of 2 a note refuses. */
const dotsOf = (p: number) => [p % NOTES, p % NOTES, (p + 1) % NOTES, p % NOTES];

describe(`${PARTICIPANTS} phones vote in one timed session and answer one poll, all at once`, () => {
  it('counts every dot and every answer once, keeps the rules under the burst, and the clock ends the vote', async () => {
    app = await startRoomBackend(folders.dataDir, folders.rendererDir);
    const session = await app.call('session.create', { title: 'Voting load' });
    const boardId = session.boards[0].id;
    const notes = Array.from({ length: NOTES }, (_, i) => noteNode({ data: { text: `signal ${String(i).padStart(2, '0')}` }, position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 } }));
    await app.call('board.apply', { boardId, ops: notes.map((node) => ({ type: 'node.add' as const, node })) });
    const room = await app.call('room.open', { sessionId: session.id });
    phones.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => connectPhone(room.url!, {}, phoneAddress(i))))));
    await Promise.all(phones.map((p, i) => p.join(room.code!, `Participant ${i}`)));
    await Promise.all(phones.map((p) => p.call('room.state', {})));

    const started = await app.call('vote.start', {
      sessionId: session.id,
      rules: { boardId, frameId: null, dotsPerPerson: DOTS_EACH, maxPerNote: 2, seconds: 15 },
    });
    const voteId = started.votes[0].id;
    await Promise.all(phones.map((p) => p.waitForEvent('voting.changed')));

    const burst = performance.now();
    const replies: Promise<Reply>[] = [];
    phones.forEach((phone, p) => {
      for (const n of dotsOf(p)) replies.push(phone.call('vote.dot', { voteId, nodeId: notes[n].id, delta: 1 }));
    });
    const answered = await Promise.all(replies);
    const dotsMs = performance.now() - burst;
    // Per phone, in order: three dots placed, the fourth (a third on one note) refused.
    phones.forEach((_, p) => {
      const mine = answered.slice(p * 4, p * 4 + 4);
      expect(mine.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(mine[3]).toMatchObject({ error: { code: 'conflict' } });
    });
    // Nothing of the counts reached any phone while it ran.
    expect(JSON.stringify(phones.map((p) => p.events))).not.toMatch(/"dots"|"results"|"votes":[1-9]/);
    expect((await app.call('vote.status', { sessionId: session.id })).votes[0]).toMatchObject({ voted: PARTICIPANTS, results: null });

    const expected = new Map<string, number>();
    phones.forEach((_, p) => dotsOf(p).slice(0, 3).forEach((n) => expected.set(notes[n].id, (expected.get(notes[n].id) ?? 0) + 1)));
    // Main's clock ends it, with every dot counted once.
    await expect.poll(async () => (await app.call('vote.status', { sessionId: session.id })).votes[0].endedAt, { timeout: 30_000, interval: 250 }).not.toBeNull();
    const { votes } = await app.call('vote.status', { sessionId: session.id });
    const results = votes[0].results!;
    expect(results.reduce((sum, r) => sum + r.dots, 0)).toBe(PARTICIPANTS * DOTS_EACH);
    expect(new Map(results.map((r) => [r.nodeId, r.dots]))).toEqual(expected);
    const board = await app.call('board.get', { id: boardId });
    const onBoard = (n: BoardNode) => (n.kind === 'note' ? n.data.votes : 0);
    expect(new Map(board.nodes.map((n) => [n.id, onBoard(n)]))).toEqual(expected);

    // One poll: every phone answers at once, a third of them change their mind.
    const poll = await app.call('poll.start', { sessionId: session.id, poll: { question: 'Which stratum is the buyer you meet most?', choices: CHOICES } });
    const pollId = poll.polls[0].id;
    const answerOf = (p: number) => (p % 3 === 0 ? (p + 1) % CHOICES.length : p % CHOICES.length);
    const answerStart = performance.now();
    const answers = await Promise.all(
      phones.flatMap((phone, p) => [
        phone.call('poll.answer', { pollId, choice: p % CHOICES.length }),
        ...(p % 3 === 0 ? [phone.call('poll.answer', { pollId, choice: answerOf(p) })] : []),
      ]),
    );
    const answersMs = performance.now() - answerStart;
    expect(answers.filter((r) => !r.ok)).toEqual([]);
    const closed = await app.call('poll.close', { pollId });
    const tally = CHOICES.map((_, c) => phones.filter((__, p) => answerOf(p) === c).length);
    expect(closed.polls[0]).toMatchObject({ answered: PARTICIPANTS, results: tally });

    console.log(`voting load: ${PARTICIPANTS} phones, ${replies.length} dot messages answered in ${dotsMs.toFixed(0)} ms, ${answers.length} poll answers in ${answersMs.toFixed(0)} ms`);
  }, 60_000);
});
