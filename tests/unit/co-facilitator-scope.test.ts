import { describe, expect, it } from 'vitest';
import { coFacilitatorClaims, eventWithinSession, withinSession, type Owned } from '../../shared/api/co-facilitator-scope';
import { CoFacilitators } from '../../main/room/co-facilitators';
import { GroundworkError } from '../../shared/errors';
import { thrownBy } from '../helpers/thrown';

const thrown = (run: () => unknown) => thrownBy(GroundworkError, run);

const owners: Record<Owned, Record<string, string>> = {
  board: { b1: 's1', b2: 's1', other: 's2' },
  vote: { v1: 's1', v2: 's2' },
  poll: { p1: 's1', p2: 's2' },
};
const sessionOf = (kind: Owned, id: string) => owners[kind][id] ?? null;
const allowed = (method: string, input: unknown) => withinSession(coFacilitatorClaims(method, input), 's1', sessionOf);

describe('what a co-facilitator of one session may call', () => {
  it('allows the editor of that session, with every id it names in the session', () => {
    expect(allowed('board.apply', { boardId: 'b1', ops: [] })).toBe(true);
    expect(allowed('session.get', { id: 's1' })).toBe(true);
    expect(allowed('presentation.go', { sessionId: 's1', direction: 1 })).toBe(true);
    expect(allowed('board.reorder', { sessionId: 's1', boardIds: ['b2', 'b1'] })).toBe(true);
  });

  it('runs the votes and polls of that session and of no other', () => {
    expect(allowed('vote.start', { sessionId: 's1', rules: {} })).toBe(true);
    expect(allowed('vote.end', { voteId: 'v1' })).toBe(true);
    expect(allowed('vote.placeFor', { voteId: 'v1', voter: 'Ana', nodeId: 'n', delta: 1 })).toBe(true);
    expect(allowed('poll.close', { pollId: 'p1' })).toBe(true);
    expect(allowed('vote.end', { voteId: 'v2' })).toBe(false);
    expect(allowed('vote.end', { voteId: 'p1' })).toBe(false);
    expect(allowed('poll.close', { pollId: 'p2' })).toBe(false);
    expect(allowed('vote.status', { sessionId: 's2' })).toBe(false);
  });

  it('refuses ids of another session, of no board, or missing, and every method outside the editor', () => {
    expect(allowed('board.apply', { boardId: 'other' })).toBe(false);
    expect(allowed('board.get', { id: 'nowhere' })).toBe(false);
    expect(allowed('board.get', {})).toBe(false);
    expect(allowed('session.get', { id: 's2' })).toBe(false);
    expect(allowed('board.reorder', { sessionId: 's1', boardIds: ['b1', 'other'] })).toBe(false);
    expect(allowed('board.reorder', { sessionId: 's1', boardIds: 'b1' })).toBe(false);
    for (const method of ['session.list', 'session.delete', 'backup.restore', 'library.sync', 'template.list', 'room.close', 'coFacilitator.invite', 'toString', '__proto__']) {
      expect({ method, allowed: allowed(method, { id: 's1', sessionId: 's1' }) }).toEqual({ method, allowed: false });
    }
  });

  it('lets through the events of its session only', () => {
    expect(eventWithinSession('board.changed', { boardId: 'b1' }, 's1', sessionOf)).toBe(true);
    expect(eventWithinSession('board.changed', { boardId: 'other' }, 's1', sessionOf)).toBe(false);
    expect(eventWithinSession('session.changed', { sessionId: 's2' }, 's1', sessionOf)).toBe(false);
    expect(eventWithinSession('templates.changed', {}, 's1', sessionOf)).toBe(false);
    expect(eventWithinSession('presentation.changed', { sessionId: 's1' }, 's1', sessionOf)).toBe(true);
  });
});

describe('pairing codes', () => {
  it('says why a code is refused: wrong, used, or expired', () => {
    let now = 1_000;
    const people = new CoFacilitators(() => now);
    const first = people.invite('s1', 'http://10.0.0.2:5418/co-facilitator');
    expect(people.pair(first.code, 'Priya', 'a').holder).toMatchObject({ name: 'Priya', sessionId: 's1' });
    expect(thrown(() => people.pair(first.code, 'Eve', 'a'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/used already/) });
    const second = people.invite('s1', 'http://10.0.0.2:5418/co-facilitator');
    now += 5 * 60_000 + 1;
    expect(thrown(() => people.pair(second.code, 'Sam', 'a'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/expired/) });
    expect(thrown(() => people.pair('AAAAAAAA', 'Sam', 'a'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/not one the host made/) });
  });

  it('stops an address that keeps guessing, and forgets every token when the room closes', () => {
    const people = new CoFacilitators();
    const { token } = people.pair(people.invite('s1', 'http://x/co-facilitator').code, 'Priya', 'a');
    for (let i = 0; i < 5; i++) expect(thrown(() => people.pair('AAAAAAAA', 'Eve', 'guesser')).code).toBe('forbidden');
    expect(thrown(() => people.pair('AAAAAAAA', 'Eve', 'guesser'))).toMatchObject({ code: 'rate_limited' });
    expect(people.holderOf(token)).not.toBeNull();
    people.revokeAll();
    expect(people.holderOf(token)).toBeNull();
  });
});
