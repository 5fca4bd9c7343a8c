import type { Owned } from '../../shared/api/co-facilitator-scope';
import { GroundworkError } from '../../shared/errors';
import { newId, type PresentationState } from '../../shared/model';
import { RoomSettings, ROOM_LIMITS, type ModerateAction, type RoomStatus } from '../../shared/model/room';
import type { EventHub } from '../service/events';
import type { Db } from '../store/db';
import type { Store } from '../store/store';
import { boardWriter } from './board-writer';
import { newJoinCode } from './codes';
import { roomAddresses, roomConfig } from './config';
import { inboxOps, landingOf } from './inbox';
import { applyModeration } from './moderation';
import { startLanListener, type LanListener } from './lan-server';
import { ParticipantActions } from './participant-actions';
import { BoardFeed } from './board-feed';
import { RoomStore, type NoteRow, type OpenRoom } from './room-store';
import { roomPdf } from './room-pdf';
import { revealNotes } from './reveal';
import { StepFeed } from './room-step';
import { roomStatus } from './room-status';
import { RoomWrites } from './room-writes';
import { CoFacilitators } from './co-facilitators';
import type { Dispatcher } from '../transport/dispatch';
import type { Invitation } from '../../shared/model/co-facilitator';
import { CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';
import type { PdfPrinter } from '../export/printer';
import { Voting } from './voting';

const STATUS_EVERY_MS = 150;
const AUTO_ACCEPT_BATCH = 20;

/**
 * The room of one backend: at most one open, for one session. It owns the listener on the
 * room's network while open; its rows (room, participants, queue, votes) are in SQLite, so a
 * restart resumes it with the same code, address and tokens.
 */
export class Room {
  private store!: Store;
  private rooms!: RoomStore;
  private room: OpenRoom | null = null;
  private listener: LanListener | null = null;
  private resumed: Promise<void> | null = null;
  /** The last database's listener closing: the room resumes on its port once that is free. */
  private stopped: Promise<void> = Promise.resolve();
  private statusTimer: NodeJS.Timeout | null = null;
  private stateTimer: NodeJS.Timeout | null = null;
  /** The participants the next participantStateSoon tells. */
  private stateFor = new Set<string>();
  private unfollow: (() => void) | null = null;
  /** The session's PDF, for participants the facilitator allowed. */
  pdf: (sessionId: string) => Promise<Uint8Array> = () => Promise.reject(new Error('no printer'));
  readonly feed: BoardFeed;
  readonly participants: ParticipantActions;
  readonly writes: RoomWrites;
  readonly voting: Voting;
  readonly coFacilitators = new CoFacilitators();
  /** The backend's dispatcher, through which co-facilitators' calls go (main/service/backend.ts sets it). */
  dispatch: Dispatcher = () => Promise.resolve({ ok: false, error: { code: 'unavailable', path: [], message: 'Groundwork is still starting' } });
  readonly steps: StepFeed;

  constructor(readonly hub: EventHub) {
    this.feed = new BoardFeed(
      () => this.store,
      (text) => this.listener?.broadcast(text),
      (boardId) => this.voting.countsHidden(boardId),
    );
    this.voting = new Voting(hub, {
      joined: () => (this.room ? { sessionId: this.room.sessionId, participants: this.rooms.participantCount(this.room.id) } : null),
      votingChanged: () => {
        this.feed.reset();
        this.listener?.broadcastEvent('voting.changed', {});
      },
    });
    this.participants = new ParticipantActions(this);
    const settings = () => this.openRoom().settings;
    this.writes = new RoomWrites(
      boardWriter(() => this.store, () => this.rooms, settings, hub),
      () => this.autoAccepted(),
      (accepted) => {
        this.participantStateSoon(accepted.map((note) => note.participant_id));
        this.statusChanged();
      },
      () => (this.room ? this.rooms.pendingCount(this.room.id) : 0),
    );
    this.steps = new StepFeed(() => this.store, () => this.room?.sessionId ?? null, (step) => this.listener?.broadcastEvent('room.step', { step }));
    // Heard whether or not the room is open: a room opened mid-presentation follows at once.
    hub.subscribe(newId('room-step'), (name, payload) => {
      if (name === 'presentation.changed') this.steps.presented(payload as PresentationState);
    });
  }

  /** Hears the boards change while the room listens (and only then: a closed room costs nothing). */
  private follow(listener: LanListener): LanListener {
    this.unfollow?.();
    this.unfollow = this.hub.subscribe(newId('room'), (name, payload) => {
      if (name === 'board.changed') this.feed.changed((payload as { boardId: string }).boardId);
      if (name === 'session.changed' && this.room) {
        this.participantStateChanged();
        this.steps.changed();
      }
    });
    return listener;
  }

  /** The database in use; a restore from backup gives another, and the room resumes from it. */
  bind(store: Store, printer: PdfPrinter): void {
    this.pdf = roomPdf(printer);
    this.voting.bind(store);
    if (this.store === store) return;
    this.stopped = this.stopListener();
    this.coFacilitators.revokeAll();
    this.room = null;
    this.resumed = null;
    this.store = store;
    this.rooms = new RoomStore(store.db);
    this.feed.reset();
  }

  get db(): Db {
    return this.store.db;
  }

  get boards() {
    return this.store;
  }

  get roomStore(): RoomStore {
    return this.rooms;
  }

  current(): OpenRoom | null {
    return this.room;
  }

  /** Opens the listener again for a room left open by the last run (a crash or a restart). */
  ready(): Promise<void> {
    this.resumed ??= this.resume();
    return this.resumed;
  }

  private async resume(): Promise<void> {
    await this.stopped;
    const room = this.rooms.openRoom();
    if (!room) return;
    try {
      this.room = room;
      this.listener = this.follow(await startLanListener(this, { host: room.host, port: room.port, rendererDir: roomConfig().rendererDir }));
      this.feed.reset();
      this.steps.reset();
      if (room.settings.autoAccept) this.writes.schedule();
    } catch (error) {
      // The address is gone (another network) or the port taken: the room cannot go on as it was.
      console.warn(`The room could not be reopened on ${room.host}:${room.port}; it is closed: ${(error as Error).message}`);
      this.rooms.close(room.id);
      this.room = null;
    }
  }

  status(): RoomStatus {
    return roomStatus(this.room, this.listener, this.rooms, this.coFacilitators.list());
  }

  /** The session a board, vote or poll belongs to, or null when there is none with that id. */
  sessionOf(kind: Owned, id: string): string | null {
    if (kind !== 'board') return this.voting.sessionOf(kind, id);
    try {
      return this.store.sessionOfBoard(id);
    } catch {
      return null;
    }
  }

  /** A pairing code for a co-facilitator's laptop, on the open room's address. */
  invite(): Invitation {
    const room = this.openRoom();
    const status = this.status();
    return this.coFacilitators.invite(room.sessionId, new URL(CO_FACILITATOR_PATHS.pairing, status.url!).href);
  }

  revokeCoFacilitator(id: string): RoomStatus {
    this.coFacilitators.revoke(id);
    this.statusChanged(true);
    return this.status();
  }

  async open(sessionId: string, host: string | undefined, onScreen?: string): Promise<RoomStatus> {
    await this.ready();
    this.store.getSession(sessionId);
    const addresses = roomAddresses();
    if (addresses.length === 0) {
      throw new GroundworkError('unavailable', 'This computer is on no network: join the room’s Wi-Fi (or start a hotspot), then open the room.', ['host']);
    }
    const chosen = host ?? addresses[0];
    if (!addresses.includes(chosen)) throw new GroundworkError('invalid_input', `host: choose one of this computer’s addresses: ${addresses.join(', ')}`, ['host']);
    if (this.room) {
      if (this.room.sessionId !== sessionId) throw new GroundworkError('conflict', 'The room is open for another session: close it there first', ['sessionId']);
      if (this.room.host === chosen) return this.status();
      await this.close();
    }
    const settings = this.rooms.lastSettings(sessionId);
    const boards = new Set(this.store.listBoards(sessionId).map((b) => b.id));
    settings.inputBoardIds = settings.inputBoardIds.filter((id) => boards.has(id));
    if (settings.inputBoardIds.length === 0) settings.inputBoardIds = onScreen && boards.has(onScreen) ? [onScreen] : [...boards].slice(0, 1);
    const lastPort = this.rooms.lastPort(sessionId, chosen);
    const room = this.rooms.insertRoom({ sessionId, code: newJoinCode(), host: chosen, port: 0, settings });
    try {
      this.listener = this.follow(await this.listen(chosen, lastPort));
    } catch (error) {
      this.rooms.close(room.id);
      throw new GroundworkError('unavailable', `The room could not listen on ${chosen}: ${(error as Error).message}`, ['host']);
    }
    room.port = this.listener.port;
    this.rooms.setPort(room.id, room.port);
    this.room = room;
    this.feed.reset();
    this.steps.reset();
    this.statusChanged(true);
    return this.status();
  }

  /**
   * On the port the session's last room had, so the address phones kept still leads here; else
   * on the preferred port; else on any free one.
   */
  private async listen(host: string, lastPort: number | undefined): Promise<LanListener> {
    const { preferredPort, rendererDir } = roomConfig();
    for (const port of new Set([lastPort, preferredPort])) {
      if (!port) continue;
      try {
        return await startLanListener(this, { host, port, rendererDir });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
    }
    return startLanListener(this, { host, port: 0, rendererDir });
  }

  /** The session's room settings: the open room's, else its last room's. */
  async settingsOf(sessionId: string): Promise<RoomSettings> {
    await this.ready();
    this.store.getSession(sessionId);
    return this.room?.sessionId === sessionId ? this.room.settings : this.rooms.lastSettings(sessionId);
  }

  /** Shows every note private mode hid on the session's boards, and ends private mode in its open room. */
  async reveal(sessionId: string): Promise<{ revealed: number }> {
    await this.ready();
    this.store.getSession(sessionId);
    const revealed = revealNotes(this.store, this.hub, sessionId);
    if (this.room?.sessionId === sessionId && this.room.settings.privateMode) await this.updateSettings({ privateMode: false });
    return { revealed };
  }

  /** Stops the listener and revokes every token: the code and the tokens die with the room. */
  async close(): Promise<RoomStatus> {
    await this.ready();
    const room = this.room;
    if (room) {
      this.writes.flush();
      this.rooms.close(room.id);
      this.coFacilitators.revokeAll();
      this.room = null;
      await this.stopListener();
      this.statusChanged(true);
    }
    return this.status();
  }

  /** Stops listening without closing the room (the backend shuts down; the next start resumes it). */
  async stopListener(): Promise<void> {
    // What the phones sent before this moment is committed; only then does the listener go.
    if (this.store?.db.open) this.writes.flush();
    this.writes.cancel();
    const listener = this.listener;
    this.listener = null;
    this.unfollow?.();
    this.unfollow = null;
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.stateTimer) clearTimeout(this.stateTimer);
    this.writes.cancel();
    this.statusTimer = null;
    this.stateTimer = null;
    this.stateFor.clear();
    this.feed.reset();
    await listener?.close();
  }

  private openRoom(): OpenRoom {
    if (!this.room) throw new GroundworkError('conflict', 'The room is not open', []);
    return this.room;
  }

  async updateSettings(patch: Partial<RoomSettings>): Promise<RoomStatus> {
    await this.ready();
    const room = this.openRoom();
    if (patch.inputBoardIds) {
      const boards = new Set(this.store.listBoards(room.sessionId).map((b) => b.id));
      patch.inputBoardIds.forEach((id, index) => {
        if (!boards.has(id)) throw new GroundworkError('not_found', `No board with id ${id} in this session`, ['settings', 'inputBoardIds', index]);
      });
    }
    const ending = patch.privateMode === false && room.settings.privateMode;
    room.settings = RoomSettings.parse({ ...room.settings, ...patch, inputBoardIds: [...new Set(patch.inputBoardIds ?? room.settings.inputBoardIds)] });
    this.rooms.setSettings(room.id, room.settings);
    if (ending) revealNotes(this.store, this.hub, room.sessionId);
    if (room.settings.autoAccept) this.writes.schedule();
    // The feed goes on: what phones see of a board depends on no setting, and a phone keeps its
    // copy of the board by the feed's diffs (a feed started afresh would send none it could use).
    this.participantStateChanged();
    this.statusChanged(true);
    return this.status();
  }

  async moderate(action: ModerateAction): Promise<RoomStatus> {
    await this.ready();
    const room = this.openRoom();
    applyModeration(this, room, action);
    this.participantStateChanged();
    this.statusChanged();
    return this.status();
  }

  /**
   * Puts notes on their boards' Inbox frames through the ops path: one transaction per board that
   * adds the nodes and marks the notes accepted, a revision bump and `board.changed` for every
   * open canvas and the audience view.
   */
  accept(notes: readonly NoteRow[]): void {
    const byBoard = new Map<string, NoteRow[]>();
    for (const note of notes) byBoard.set(note.board_id, [...(byBoard.get(note.board_id) ?? []), note]);
    for (const [boardId, group] of byBoard) {
      const board = this.store.getBoard(boardId);
      const { ops, nodeIds } = inboxOps(board.nodes, group.map((n) => landingOf(n, this.openRoom().settings)));
      const revision = this.db.transaction(() => {
        group.forEach((n, i) => this.rooms.setStatus(n.id, 'accepted', nodeIds[i]));
        return this.store.applyOps(boardId, ops);
      })();
      this.hub.publish('board.changed', { boardId, revision, ops });
    }
  }

  private autoAccepted(): NoteRow[] {
    const room = this.room;
    if (!room || !room.settings.autoAccept || !this.listener) return [];
    // Twenty a commit, one commit every few dozen ms while notes wait: about what the editor and
    // the projector, sharing a laptop, can show as it comes. Forty at once left both windows
    // behind, so that a phone's note or dot waited for the work before it to be drawn: in the
    // bench's 60-phone burst a dot took 437-476 ms to the projector (p95) against 244-318 at
    // twenty; at twelve a quiet phone's note waited longer for its turn (753-756 ms).
    const waiting = this.rooms.nextPending(room.id, AUTO_ACCEPT_BATCH);
    if (this.rooms.pendingCount(room.id) > waiting.length) this.writes.schedule();
    return waiting;
  }

  participantStateChanged(): void {
    this.listener?.broadcastEvent('room.state', {});
  }

  /**
   * After a group commit, to the authors of the notes it put on a board, at most every
   * STATUS_EVERY_MS: in a burst a phone would otherwise hear (and fetch its state) once per
   * commit. Nobody else's state changed: what a phone sent itself, its reply has told it. Told
   * every phone, a 60-phone burst had the phones ask for their state some 500 times.
   */
  private participantStateSoon(participantIds: readonly string[]): void {
    if (participantIds.length === 0) return;
    for (const id of participantIds) this.stateFor.add(id);
    this.stateTimer ??= setTimeout(() => {
      this.stateTimer = null;
      const told = this.stateFor;
      this.stateFor = new Set();
      this.listener?.sendEvent(told, 'room.state', {});
    }, STATUS_EVERY_MS);
  }

  /** Tells the facilitator's windows, at most every STATUS_EVERY_MS during a burst. */
  statusChanged(now = false): void {
    if (now) {
      if (this.statusTimer) clearTimeout(this.statusTimer);
      this.statusTimer = null;
      this.hub.publish('room.changed', this.status());
      return;
    }
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.hub.publish('room.changed', this.status());
    }, STATUS_EVERY_MS);
  }

  /** At most ROOM_LIMITS.participants join one room. */
  roomIsFull(room: OpenRoom): boolean {
    return this.rooms.participantCount(room.id) >= ROOM_LIMITS.participants;
  }
}
