import { GroundworkError } from '../../shared/errors';
import type { Board, BoardNode } from '../../shared/model';
import {
  rankResults,
  VOTING_LIMITS,
  type ParticipantVoting,
  type PollQuestion,
  type VoteNote,
  type VoteRules,
  type VotingScreen,
  type VotingStatus,
} from '../../shared/model/voting';
import type { Op } from '../../shared/ops';
import type { EventHub } from '../service/events';
import type { Store } from '../store/store';
import { laptopVoter, VotingStore, type StoredPoll, type StoredVote } from './voting-store';

/** How often the facilitator's windows hear "N have voted" during a burst of dots. */
const STATUS_EVERY_MS = 200;

type Frame = Extract<BoardNode, { kind: 'frame' }>;

/** The notes a vote is on: a board's, or those whose corner lies inside one of its frames. */
function notesInScope(board: Board, frameId: string | null): VoteNote[] {
  const frame = frameId === null ? null : board.nodes.find((n): n is Frame => n.id === frameId && n.kind === 'frame');
  if (frameId !== null && !frame) throw new GroundworkError('not_found', 'That frame is not on the board', ['rules', 'frameId']);
  const inside = (node: BoardNode) => {
    if (!frame) return true;
    const { width, height } = frame.size ?? { width: 0, height: 0 };
    const { x, y } = node.position;
    return x >= frame.position.x && y >= frame.position.y && x < frame.position.x + width && y < frame.position.y + height;
  };
  const notes: VoteNote[] = [];
  for (const node of board.nodes) if (node.kind === 'note' && inside(node)) notes.push({ id: node.id, text: node.data.text, category: node.data.category });
  return notes;
}

/** What voting needs of the room: who may vote, and a way to tell the phones. */
interface VotingRoom {
  /** The open room's session and how many have joined it, or null while closed. */
  joined(): { sessionId: string; participants: number } | null;
  /** A vote or poll started or ended: phones fetch `vote.current` again and hide or show counts. */
  votingChanged(): void;
}

/**
 * Voting sessions and polls, with main as the source of truth: the dots are rows of their own and
 * reach no one while the vote runs (a phone hears only its own); the end, by the facilitator or by
 * main's clock, keeps the ranked results with the vote and writes them onto the notes.
 */
export class Voting {
  private store!: Store;
  private rows!: VotingStore;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly screens = new Map<string, VotingScreen>();
  private readonly statusTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly hub: EventHub,
    private readonly room: VotingRoom,
    private readonly now: () => number = Date.now,
  ) {}

  /** The database in use: the running votes' time limits are set again from it (a restart or a restore). */
  bind(store: Store): void {
    if (this.store === store) return;
    this.stop();
    this.store = store;
    this.rows = new VotingStore(store.db);
    for (const vote of this.rows.running()) this.scheduleEnd(vote);
  }

  /** Clears the timers (the backend closes); the votes stay running in the database. */
  stop(): void {
    for (const timer of [...this.timers.values(), ...this.statusTimers.values()]) clearTimeout(timer);
    this.timers.clear();
    this.statusTimers.clear();
  }

  status(sessionId: string): VotingStatus {
    const votes = this.rows.votes(sessionId, VOTING_LIMITS.kept);
    const running = votes.find((v) => v.endedAt === null);
    const laptopVoters = running ? this.rows.laptopVoters(running.id) : [];
    const joined = this.room.joined();
    return {
      sessionId,
      now: this.now(),
      people: (joined?.sessionId === sessionId ? joined.participants : 0) + laptopVoters.length,
      votes: votes.map(({ sessionId: _, notes: __, ...summary }) => summary),
      notes: running?.notes ?? [],
      laptopVoters,
      polls: this.rows.polls(sessionId, VOTING_LIMITS.kept).map(({ sessionId: _, ...summary }) => summary),
      screen: this.screens.get(sessionId) ?? null,
    };
  }

  /** The session's running vote, if any (one at a time). */
  running(sessionId: string): StoredVote | null {
    return this.rows.votes(sessionId, 1).find((v) => v.endedAt === null) ?? null;
  }

  /** The session a vote or poll belongs to, or null when there is none with that id. */
  sessionOf(kind: 'vote' | 'poll', id: string): string | null {
    return (kind === 'vote' ? this.rows.vote(id) : this.rows.poll(id))?.sessionId ?? null;
  }

  /** Whether the notes' counts of a board are hidden: a vote runs on it. */
  countsHidden(boardId: string): boolean {
    return this.rows.running().some((v) => v.boardId === boardId);
  }

  startVote(sessionId: string, rules: VoteRules): VotingStatus {
    const session = this.store.getSession(sessionId);
    if (!session.boards.some((b) => b.id === rules.boardId)) throw new GroundworkError('not_found', 'That board is not in this session', ['rules', 'boardId']);
    if (this.running(sessionId)) throw new GroundworkError('conflict', 'A vote is running already: end it first', []);
    const board = this.store.getBoard(rules.boardId);
    const notes = notesInScope(board, rules.frameId);
    if (notes.length === 0) throw new GroundworkError('invalid_input', rules.frameId ? 'That frame holds no notes to vote on' : 'That board has no notes to vote on', ['rules']);
    if (notes.length > VOTING_LIMITS.notesPerVote) throw new GroundworkError('too_large', `A vote can be on at most ${VOTING_LIMITS.notesPerVote} notes: vote on one frame`, ['rules']);
    const frame = rules.frameId ? board.nodes.find((n) => n.id === rules.frameId) : null;
    const startedAt = this.now();
    const vote = this.rows.insertVote({
      sessionId,
      boardId: rules.boardId,
      frameId: rules.frameId,
      scope: frame?.kind === 'frame' ? frame.data.title || board.title : board.title,
      notes,
      dotsPerPerson: rules.dotsPerPerson,
      maxPerNote: rules.maxPerNote,
      startedAt,
      endsAt: rules.seconds === null ? null : startedAt + rules.seconds * 1000,
    });
    this.scheduleEnd(vote);
    this.screens.set(sessionId, { kind: 'vote', id: vote.id });
    return this.changed(sessionId);
  }

  /** Ends a vote and reveals it: the ranked results are kept with it and become the notes' counts. */
  endVote(voteId: string): VotingStatus {
    const vote = this.voteOf(voteId);
    if (vote.endedAt === null) this.reveal(vote);
    return this.changed(vote.sessionId);
  }

  private reveal(vote: StoredVote): void {
    clearTimeout(this.timers.get(vote.id));
    this.timers.delete(vote.id);
    const db = this.store.db;
    const published = db.transaction(() => {
      const tally = this.rows.tally(vote.id);
      // The texts as they are now: a note edited during the vote is listed as it reads.
      const board = this.boardIfThere(vote.boardId);
      const onBoard = new Map(board?.nodes.filter((n) => n.kind === 'note').map((n) => [n.id, n]) ?? []);
      const results = rankResults(
        vote.notes.map((note) => {
          const now = onBoard.get(note.id);
          return { nodeId: note.id, text: now?.kind === 'note' ? now.data.text : note.text, dots: tally.get(note.id) ?? 0 };
        }),
      );
      if (!this.rows.endVote(vote.id, this.now(), results)) return null;
      const ops: Op[] = results
        .filter((r) => {
          const node = onBoard.get(r.nodeId);
          return node?.kind === 'note' && node.data.votes !== r.dots;
        })
        .map((r) => ({ type: 'node.update', id: r.nodeId, data: { votes: r.dots } }));
      return ops.length ? { boardId: vote.boardId, ops, revision: this.store.applyOps(vote.boardId, ops) } : null;
    })();
    if (published) this.hub.publish('board.changed', published);
  }

  private boardIfThere(boardId: string): Board | null {
    try {
      return this.store.getBoard(boardId);
    } catch {
      return null;
    }
  }

  private scheduleEnd(vote: StoredVote): void {
    if (vote.endsAt === null) return;
    const end = () => {
      this.timers.delete(vote.id);
      const current = this.rows.vote(vote.id);
      if (current && current.endedAt === null) this.endVote(vote.id);
    };
    const wait = vote.endsAt - this.now();
    if (wait <= 0) return end();
    this.timers.set(vote.id, setTimeout(end, wait));
  }

  private voteOf(voteId: string): StoredVote {
    const vote = this.rows.vote(voteId);
    if (!vote) throw new GroundworkError('not_found', 'No such vote', ['voteId']);
    return vote;
  }

  /** A running vote of the session, ended first when its time is up (a timer late on a busy machine). */
  private liveVote(voteId: string, sessionId?: string): StoredVote {
    const vote = this.voteOf(voteId);
    if (sessionId !== undefined && vote.sessionId !== sessionId) throw new GroundworkError('not_found', 'No such vote', ['voteId']);
    if (vote.endedAt === null && vote.endsAt !== null && vote.endsAt <= this.now()) this.endVote(vote.id);
    else if (vote.endedAt === null) return vote;
    throw new GroundworkError('conflict', 'The vote has ended', ['voteId']);
  }

  /**
   * Adds (delta +1) or takes back (-1) one of `voter`'s dots on a note, within the vote's rules.
   * Answers with the voter's own dots only.
   */
  placeDot(voter: string, voteId: string, nodeId: string, delta: 1 | -1, sessionId?: string): { myDots: Record<string, number>; dotsLeft: number } {
    const vote = this.liveVote(voteId, sessionId);
    if (!vote.notes.some((n) => n.id === nodeId)) throw new GroundworkError('not_found', 'That note is not in this vote', ['nodeId']);
    const mine = this.store.db.transaction(() => {
      const dots = this.rows.dotsOf(vote.id, voter);
      const onNote = dots.get(nodeId) ?? 0;
      const placed = [...dots.values()].reduce((sum, n) => sum + n, 0);
      if (delta > 0 && placed >= vote.dotsPerPerson) throw new GroundworkError('conflict', `All ${vote.dotsPerPerson} dots are placed: take one back to move it`, ['nodeId']);
      if (delta > 0 && onNote >= vote.maxPerNote) throw new GroundworkError('conflict', `At most ${vote.maxPerNote} ${vote.maxPerNote === 1 ? 'dot' : 'dots'} on one note`, ['nodeId']);
      if (delta < 0 && onNote === 0) return dots;
      this.rows.setDots(vote.id, voter, nodeId, onNote + delta);
      return this.rows.dotsOf(vote.id, voter);
    })();
    this.statusChangedSoon(vote.sessionId);
    const placed = [...mine.values()].reduce((sum, n) => sum + n, 0);
    return { myDots: Object.fromEntries(mine), dotsLeft: vote.dotsPerPerson - placed };
  }

  /** A dot for a person voting from the facilitator's laptop, by name, with a phone's rules. */
  placeDotFor(name: string, voteId: string, nodeId: string, delta: 1 | -1): VotingStatus {
    const voters = this.rows.laptopVoters(voteId);
    if (delta > 0 && !voters.some((v) => v.name === name) && voters.length >= VOTING_LIMITS.laptopVoters) {
      throw new GroundworkError('too_large', `At most ${VOTING_LIMITS.laptopVoters} people vote from this laptop`, ['voter']);
    }
    this.placeDot(laptopVoter(name), voteId, nodeId, delta);
    return this.status(this.voteOf(voteId).sessionId);
  }

  startPoll(sessionId: string, { question, choices }: PollQuestion): VotingStatus {
    this.store.getSession(sessionId);
    if (this.openPoll(sessionId)) throw new GroundworkError('conflict', 'A poll is open already: close it first', []);
    const poll = this.rows.insertPoll(sessionId, question, choices, this.now());
    this.screens.set(sessionId, { kind: 'poll', id: poll.id });
    return this.changed(sessionId);
  }

  closePoll(pollId: string): VotingStatus {
    const poll = this.pollOf(pollId);
    if (poll.closedAt === null) this.rows.closePoll(poll.id, this.now(), this.rows.answerCounts(poll.id, poll.choices.length));
    return this.changed(poll.sessionId);
  }

  /** One answer per voter; a second one replaces the first while the poll is open. */
  answer(voter: string, sessionId: string, pollId: string, choice: number): { myChoice: number } {
    const poll = this.pollOf(pollId);
    if (poll.sessionId !== sessionId) throw new GroundworkError('not_found', 'No such poll', ['pollId']);
    if (poll.closedAt !== null) throw new GroundworkError('conflict', 'The poll is closed', ['pollId']);
    if (choice >= poll.choices.length) throw new GroundworkError('invalid_input', `Choose one of the ${poll.choices.length} answers`, ['choice']);
    this.rows.answer(poll.id, voter, choice);
    this.statusChangedSoon(sessionId);
    return { myChoice: choice };
  }

  private pollOf(pollId: string): StoredPoll {
    const poll = this.rows.poll(pollId);
    if (!poll) throw new GroundworkError('not_found', 'No such poll', ['pollId']);
    return poll;
  }

  private openPoll(sessionId: string): StoredPoll | null {
    return this.rows.polls(sessionId, 1).find((p) => p.closedAt === null) ?? null;
  }

  /** What the projector shows; null takes voting off it. */
  show(sessionId: string, screen: VotingScreen): VotingStatus {
    if (screen?.kind === 'vote' && this.rows.vote(screen.id)?.sessionId !== sessionId) throw new GroundworkError('not_found', 'No such vote', ['screen', 'id']);
    if (screen?.kind === 'poll' && this.rows.poll(screen.id)?.sessionId !== sessionId) throw new GroundworkError('not_found', 'No such poll', ['screen', 'id']);
    if (screen) this.screens.set(sessionId, screen);
    else this.screens.delete(sessionId);
    return this.changed(sessionId, false);
  }

  /** A participant's view: the running vote with their own dots, the open poll with their answer. */
  forParticipant(voter: string, sessionId: string): ParticipantVoting {
    let vote = this.running(sessionId);
    if (vote && vote.endsAt !== null && vote.endsAt <= this.now()) {
      this.endVote(vote.id);
      vote = null;
    }
    const poll = this.openPoll(sessionId);
    const myDots = vote ? this.rows.dotsOf(vote.id, voter) : new Map<string, number>();
    const placed = [...myDots.values()].reduce((sum, n) => sum + n, 0);
    return {
      vote: vote && {
        id: vote.id,
        scope: vote.scope,
        dotsPerPerson: vote.dotsPerPerson,
        maxPerNote: vote.maxPerNote,
        msLeft: vote.endsAt === null ? null : Math.max(0, vote.endsAt - this.now()),
        notes: vote.notes,
        myDots: Object.fromEntries(myDots),
        dotsLeft: vote.dotsPerPerson - placed,
      },
      poll: poll && { id: poll.id, question: poll.question, choices: poll.choices, myChoice: this.rows.answerOf(poll.id, voter) },
    };
  }

  /** A vote or poll started, ended or went on or off the screen: every window and phone hears it. */
  private changed(sessionId: string, phones = true): VotingStatus {
    clearTimeout(this.statusTimers.get(sessionId));
    this.statusTimers.delete(sessionId);
    const status = this.status(sessionId);
    this.hub.publish('voting.changed', status);
    if (phones) this.room.votingChanged();
    return status;
  }

  /** "N have voted" changed: told to the facilitator's windows at most every STATUS_EVERY_MS. */
  private statusChangedSoon(sessionId: string): void {
    if (this.statusTimers.has(sessionId)) return;
    this.statusTimers.set(
      sessionId,
      setTimeout(() => {
        this.statusTimers.delete(sessionId);
        if (this.store.db.open) this.hub.publish('voting.changed', this.status(sessionId));
      }, STATUS_EVERY_MS),
    );
  }
}
