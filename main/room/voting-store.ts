import { newId } from '../../shared/model';
import type { PollSummary, VoteNote, VoteResult, VoteSummary } from '../../shared/model/voting';
import type { Db } from '../store/db';

interface VoteRow {
  id: string;
  session_id: string;
  board_id: string;
  frame_id: string | null;
  scope: string;
  notes: string;
  dots_per_person: number;
  max_per_note: number;
  started_at: number;
  ends_at: number | null;
  ended_at: number | null;
  results: string | null;
}

interface PollRow {
  id: string;
  session_id: string;
  question: string;
  choices: string;
  started_at: number;
  closed_at: number | null;
  results: string | null;
}

/** A vote as main keeps it: its summary, the session it belongs to and the notes it is on. */
export interface StoredVote extends VoteSummary {
  sessionId: string;
  notes: VoteNote[];
}

export interface StoredPoll extends PollSummary {
  sessionId: string;
}

type NewVote = Omit<StoredVote, 'id' | 'endedAt' | 'voted' | 'results'>;

/** The voter key of a person voting from the facilitator's laptop. */
export const laptopVoter = (name: string) => `laptop:${name}`;
const LAPTOP_PREFIX = 'laptop:';

/** The rows of votes and polls (migration 0009). */
export class VotingStore {
  private readonly sql;

  constructor(readonly db: Db) {
    this.sql = {
      insertVote: db.prepare(
        `INSERT INTO vote_sessions (id, session_id, board_id, frame_id, scope, notes, dots_per_person, max_per_note, started_at, ends_at)
         VALUES (@id, @sessionId, @boardId, @frameId, @scope, @notes, @dotsPerPerson, @maxPerNote, @startedAt, @endsAt)`,
      ),
      vote: db.prepare('SELECT * FROM vote_sessions WHERE id = ?'),
      votes: db.prepare('SELECT * FROM vote_sessions WHERE session_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?'),
      running: db.prepare('SELECT * FROM vote_sessions WHERE ended_at IS NULL ORDER BY started_at'),
      endVote: db.prepare('UPDATE vote_sessions SET ended_at = ?, results = ? WHERE id = ? AND ended_at IS NULL'),
      voters: db.prepare('SELECT count(DISTINCT voter) FROM vote_dots WHERE vote_id = ?').pluck(),
      dotsOf: db.prepare('SELECT node_id, dots FROM vote_dots WHERE vote_id = ? AND voter = ?'),
      setDots: db.prepare('INSERT INTO vote_dots (vote_id, voter, node_id, dots) VALUES (?, ?, ?, ?) ON CONFLICT (vote_id, voter, node_id) DO UPDATE SET dots = excluded.dots'),
      clearDots: db.prepare('DELETE FROM vote_dots WHERE vote_id = ? AND voter = ? AND node_id = ?'),
      tally: db.prepare('SELECT node_id, sum(dots) AS dots FROM vote_dots WHERE vote_id = ? GROUP BY node_id'),
      laptopDots: db.prepare("SELECT voter, node_id, dots FROM vote_dots WHERE vote_id = ? AND voter LIKE 'laptop:%' ORDER BY voter, node_id"),
      insertPoll: db.prepare('INSERT INTO polls (id, session_id, question, choices, started_at) VALUES (?, ?, ?, ?, ?)'),
      poll: db.prepare('SELECT * FROM polls WHERE id = ?'),
      polls: db.prepare('SELECT * FROM polls WHERE session_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?'),
      closePoll: db.prepare('UPDATE polls SET closed_at = ?, results = ? WHERE id = ? AND closed_at IS NULL'),
      answered: db.prepare('SELECT count(*) FROM poll_answers WHERE poll_id = ?').pluck(),
      answerOf: db.prepare('SELECT choice FROM poll_answers WHERE poll_id = ? AND voter = ?').pluck(),
      answer: db.prepare('INSERT INTO poll_answers (poll_id, voter, choice) VALUES (?, ?, ?) ON CONFLICT (poll_id, voter) DO UPDATE SET choice = excluded.choice'),
      answerCounts: db.prepare('SELECT choice, count(*) AS answers FROM poll_answers WHERE poll_id = ? GROUP BY choice'),
    };
  }

  private toVote(row: VoteRow): StoredVote {
    return {
      id: row.id,
      sessionId: row.session_id,
      boardId: row.board_id,
      frameId: row.frame_id,
      scope: row.scope,
      notes: JSON.parse(row.notes) as VoteNote[],
      dotsPerPerson: row.dots_per_person,
      maxPerNote: row.max_per_note,
      startedAt: row.started_at,
      endsAt: row.ends_at,
      endedAt: row.ended_at,
      voted: this.sql.voters.get(row.id) as number,
      results: row.results === null ? null : (JSON.parse(row.results) as VoteResult[]),
    };
  }

  private toPoll(row: PollRow): StoredPoll {
    return {
      id: row.id,
      sessionId: row.session_id,
      question: row.question,
      choices: JSON.parse(row.choices) as string[],
      startedAt: row.started_at,
      closedAt: row.closed_at,
      answered: this.sql.answered.get(row.id) as number,
      results: row.results === null ? null : (JSON.parse(row.results) as number[]),
    };
  }

  insertVote(vote: NewVote): StoredVote {
    const id = newId('vote');
    this.sql.insertVote.run({ ...vote, id, notes: JSON.stringify(vote.notes) });
    return this.vote(id)!;
  }

  vote(id: string): StoredVote | null {
    const row = this.sql.vote.get(id) as VoteRow | undefined;
    return row ? this.toVote(row) : null;
  }

  votes(sessionId: string, limit: number): StoredVote[] {
    return (this.sql.votes.all(sessionId, limit) as VoteRow[]).map((row) => this.toVote(row));
  }

  /** Every vote still running, in every session (the timers to set after a restart). */
  running(): StoredVote[] {
    return (this.sql.running.all() as VoteRow[]).map((row) => this.toVote(row));
  }

  /** False when it had ended already (a timer and the facilitator at once). */
  endVote(id: string, at: number, results: VoteResult[]): boolean {
    return this.sql.endVote.run(at, JSON.stringify(results), id).changes === 1;
  }

  dotsOf(voteId: string, voter: string): Map<string, number> {
    const rows = this.sql.dotsOf.all(voteId, voter) as { node_id: string; dots: number }[];
    return new Map(rows.map((r) => [r.node_id, r.dots]));
  }

  setDots(voteId: string, voter: string, nodeId: string, dots: number): void {
    if (dots > 0) this.sql.setDots.run(voteId, voter, nodeId, dots);
    else this.sql.clearDots.run(voteId, voter, nodeId);
  }

  /** Dots per note, every voter counted. */
  tally(voteId: string): Map<string, number> {
    const rows = this.sql.tally.all(voteId) as { node_id: string; dots: number }[];
    return new Map(rows.map((r) => [r.node_id, r.dots]));
  }

  laptopVoters(voteId: string): { name: string; dots: { nodeId: string; dots: number }[] }[] {
    const byName = new Map<string, { nodeId: string; dots: number }[]>();
    for (const row of this.sql.laptopDots.all(voteId) as { voter: string; node_id: string; dots: number }[]) {
      const name = row.voter.slice(LAPTOP_PREFIX.length);
      byName.set(name, [...(byName.get(name) ?? []), { nodeId: row.node_id, dots: row.dots }]);
    }
    return [...byName].map(([name, dots]) => ({ name, dots }));
  }

  insertPoll(sessionId: string, question: string, choices: string[], at: number): StoredPoll {
    const id = newId('poll');
    this.sql.insertPoll.run(id, sessionId, question, JSON.stringify(choices), at);
    return this.poll(id)!;
  }

  poll(id: string): StoredPoll | null {
    const row = this.sql.poll.get(id) as PollRow | undefined;
    return row ? this.toPoll(row) : null;
  }

  polls(sessionId: string, limit: number): StoredPoll[] {
    return (this.sql.polls.all(sessionId, limit) as PollRow[]).map((row) => this.toPoll(row));
  }

  closePoll(id: string, at: number, results: number[]): boolean {
    return this.sql.closePoll.run(at, JSON.stringify(results), id).changes === 1;
  }

  answerOf(pollId: string, voter: string): number | null {
    return (this.sql.answerOf.get(pollId, voter) as number | undefined) ?? null;
  }

  answer(pollId: string, voter: string, choice: number): void {
    this.sql.answer.run(pollId, voter, choice);
  }

  /** Answers per choice, in the choices' order. */
  answerCounts(pollId: string, choices: number): number[] {
    const counts = new Array<number>(choices).fill(0);
    for (const row of this.sql.answerCounts.all(pollId) as { choice: number; answers: number }[]) counts[row.choice] = row.answers;
    return counts;
  }
}
