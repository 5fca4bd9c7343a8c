import type { ParticipantOutput, ParticipantParsedInput } from '../../shared/api/participant-contract';
import { GroundworkError } from '../../shared/errors';
import { ROOM_LIMITS, type ParticipantState, type ParticipantStep } from '../../shared/model/room';
import type { Store } from '../store/store';
import type { BoardFeed } from './board-feed';
import { hashToken, newToken, sameCode } from './codes';
import type { OpenRoom, Participant, RoomStore } from './room-store';
import type { RoomWrites } from './room-writes';
import type { Voting } from './voting';

/** What participants' actions need of the room. */
interface ParticipantRoom {
  readonly boards: Pick<Store, 'getSession'>;
  readonly feed: Pick<BoardFeed, 'current'>;
  readonly roomStore: RoomStore;
  readonly writes: Pick<RoomWrites, 'queuedOf' | 'vote' | 'note' | 'queuedNotes' | 'hasQueuedNote'>;
  readonly voting: Pick<Voting, 'forParticipant' | 'placeDot' | 'answer' | 'running'>;
  readonly steps: { current(): ParticipantStep | null };
  current(): OpenRoom | null;
  roomIsFull(room: OpenRoom): boolean;
  statusChanged(): void;
}

const gone = () => new GroundworkError('forbidden', 'The room is closed: ask the facilitator for the new code', []);

/**
 * What a participant may do, and nothing else: join with the code, read the boards opened for
 * input, add notes to them and place their dots. Each call runs as one participant, found by the
 * token the transport checked; every rule of the room (budget, boards open, queue size) is here.
 */
export class ParticipantActions {
  constructor(private readonly room: ParticipantRoom) {}

  private openRoom(): OpenRoom {
    const room = this.room.current();
    if (!room) throw gone();
    return room;
  }

  /** The participant a token belongs to, in the open room; null for a revoked or unknown token. */
  participantOf(token: string): Participant | null {
    if (!this.room.current()) return null;
    return this.room.roomStore.participantByTokenHash(hashToken(token));
  }

  join({ code, name }: ParticipantParsedInput<'room.join'>): ParticipantOutput<'room.join'> {
    const room = this.openRoom();
    if (!sameCode(code, room.code)) throw new GroundworkError('forbidden', 'That code does not open this room: check the code on the screen', ['code']);
    if (this.room.roomIsFull(room)) throw new GroundworkError('too_large', `The room is full (${ROOM_LIMITS.participants} participants)`, []);
    const token = newToken();
    this.room.roomStore.insertParticipant(room.id, hashToken(token), name);
    this.room.statusChanged();
    return { token, name };
  }

  welcome(): ParticipantOutput<'room.welcome'> {
    const { settings } = this.openRoom();
    return { names: settings.names, privateMode: settings.privateMode };
  }

  state(participant: Participant): ParticipantState {
    const room = this.openRoom();
    const session = this.room.boards.getSession(room.sessionId);
    const open = new Set(room.settings.inputBoardIds);
    const myVotes = this.liveVotes(participant.id);
    return {
      name: participant.name,
      sessionTitle: session.title,
      boards: session.boards.filter((b) => open.has(b.id)).map((b) => ({ id: b.id, title: b.title })),
      voteBudget: room.settings.voteBudget,
      votesLeft: Math.max(0, room.settings.voteBudget - myVotes.length),
      myVotes,
      myNotes: this.room.roomStore.notesOf(participant.id).map((n) => ({
        id: n.client_key,
        boardId: n.board_id,
        text: n.text,
        category: n.category as ParticipantState['myNotes'][number]['category'],
        status: n.status,
        hidden: n.node_id !== null && this.room.roomStore.isHidden(n.node_id),
      })),
      allowPdf: room.settings.allowPdf,
      privateMode: room.settings.privateMode,
      names: room.settings.names,
    };
  }

  /** The participant's votes on notes still on a board; a note removed gives its dot back. */
  private liveVotes(participantId: string): string[] {
    return this.room.roomStore.votesOf(participantId).filter((nodeId) => this.room.roomStore.noteBoard(nodeId) !== null);
  }

  private checkInputBoard(room: OpenRoom, boardId: string, path: string[]): void {
    if (!room.settings.inputBoardIds.includes(boardId)) throw new GroundworkError('forbidden', 'That board is not open for input', path);
  }

  step(): ParticipantOutput<'room.step'> {
    this.openRoom();
    return { step: this.room.steps.current() };
  }

  board({ boardId }: ParticipantParsedInput<'room.board'>): ParticipantOutput<'room.board'> {
    const room = this.openRoom();
    this.checkInputBoard(room, boardId, ['boardId']);
    return this.room.feed.current(boardId);
  }

  async addNote(participant: Participant, input: ParticipantParsedInput<'note.add'>): Promise<ParticipantOutput<'note.add'>> {
    const room = this.openRoom();
    const { roomStore: rooms, writes } = this.room;
    // The same key again is the same note: a phone that lost the reply sends it again.
    const existing = rooms.noteByKey(participant.id, input.id);
    if (existing) return { id: existing.client_key, status: existing.status };
    this.checkInputBoard(room, input.boardId, ['boardId']);
    // A note sent again while the first is on its way waits for the same commit.
    if (!writes.hasQueuedNote(participant.id, input.id)) {
      if (rooms.pendingCountOf(participant.id) + writes.queuedNotes(participant.id) >= ROOM_LIMITS.pendingNotesPerParticipant) {
        throw new GroundworkError('too_large', `You have ${ROOM_LIMITS.pendingNotesPerParticipant} notes waiting for the facilitator: send more once they are on the board`, []);
      }
    }
    // The reply waits for the commit, which with auto-accept also puts the note on its board.
    await writes.note({ participant, clientKey: input.id, boardId: input.boardId, text: input.text, category: input.category, named: room.settings.names === 'shown' });
    return { id: input.id, status: rooms.noteByKey(participant.id, input.id)?.status ?? 'pending' };
  }

  /** The participant's dots: committed, with the ones queued for the next group commit applied. */
  private effectiveVotes(participantId: string): string[] {
    const votes = new Set(this.liveVotes(participantId));
    for (const [nodeId, delta] of this.room.writes.queuedOf(participantId)) {
      if (delta > 0) votes.add(nodeId);
      else votes.delete(nodeId);
    }
    return [...votes];
  }

  async castVote(participant: Participant, { nodeId }: ParticipantParsedInput<'vote.cast'>): Promise<ParticipantOutput<'vote.cast'>> {
    const room = this.openRoom();
    if (this.room.voting.running(room.sessionId)) throw new GroundworkError('conflict', 'A vote is running: place your dots in it', ['nodeId']);
    const budget = room.settings.voteBudget;
    const votes = this.effectiveVotes(participant.id);
    if (votes.includes(nodeId)) return { votesLeft: Math.max(0, budget - votes.length) };
    const boardId = this.room.roomStore.noteBoard(nodeId);
    if (boardId === null) throw new GroundworkError('not_found', 'That note is no longer on the board', ['nodeId']);
    this.checkInputBoard(room, boardId, ['nodeId']);
    if (votes.length >= budget) throw new GroundworkError('conflict', `You have placed all ${budget} of your dots; take one back to move it`, ['nodeId']);
    // The reply waits for the commit: a dot the phone was told about is on disk and on the note.
    await this.room.writes.vote(boardId, participant.id, nodeId, +1);
    return { votesLeft: Math.max(0, budget - this.effectiveVotes(participant.id).length) };
  }

  async retractVote(participant: Participant, { nodeId }: ParticipantParsedInput<'vote.retract'>): Promise<ParticipantOutput<'vote.retract'>> {
    const room = this.openRoom();
    const boardId = this.room.roomStore.noteBoard(nodeId);
    if (boardId !== null && this.effectiveVotes(participant.id).includes(nodeId)) await this.room.writes.vote(boardId, participant.id, nodeId, -1);
    return { votesLeft: Math.max(0, room.settings.voteBudget - this.effectiveVotes(participant.id).length) };
  }

  /** The running vote with this participant's own dots, and the open poll. */
  voting(participant: Participant): ParticipantOutput<'vote.current'> {
    return this.room.voting.forParticipant(participant.id, this.openRoom().sessionId);
  }

  dot(participant: Participant, { voteId, nodeId, delta }: ParticipantParsedInput<'vote.dot'>): ParticipantOutput<'vote.dot'> {
    return this.room.voting.placeDot(participant.id, voteId, nodeId, delta, this.openRoom().sessionId);
  }

  answer(participant: Participant, { pollId, choice }: ParticipantParsedInput<'poll.answer'>): ParticipantOutput<'poll.answer'> {
    return this.room.voting.answer(participant.id, this.openRoom().sessionId, pollId, choice);
  }
}
