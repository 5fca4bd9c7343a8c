import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import { newId, type BoardNode } from '../../shared/model';
import type { Op } from '../../shared/ops';
import { startBackend, type Backend } from '../../main/service/backend';
import type { Batch } from '../../renderer/state/sync/batch';
import { BoardSync, type LoadedBoard } from '../../renderer/state/sync/board-sync';
import { memoryOutboxStore, Outbox } from '../../renderer/state/sync/outbox';
import { roleNode } from '../helpers/sample';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * The sync protocol against the real service on a real SQLite file: several windows (the
 * renderer's own BoardSync, Outbox and replica), each on a link that keeps order as a WebSocket
 * does, under random interleavings, dropped connections (a reply or events lost with them),
 * requests delivered twice, and server restarts. After every window is back and the links are
 * quiet, every window shows exactly main's board, and every batch was applied once, or dropped
 * with a message.
 */

type Frame = { kind: 'reply'; callId: number; reply: Reply } | { kind: 'event'; name: string; payload: unknown };

interface Call {
  id: number;
  method: string;
  input: unknown;
  resolve(reply: Reply): void;
}

const UNAVAILABLE: Reply = { ok: false, error: { code: 'unavailable', path: [], message: 'Lost the connection' } };

class Server {
  backend: Backend;
  /** How often each batch id was applied, across restarts. */
  readonly applied = new Map<string, number>();

  constructor(readonly dataDir: string) {
    this.backend = this.start();
  }

  private start(): Backend {
    const backend = startBackend(this.dataDir);
    const store = backend.store;
    const apply = store.applyOps.bind(store);
    store.applyOps = (boardId, ops, batchId) => {
      const revision = apply(boardId, ops, batchId);
      if (batchId) this.applied.set(batchId, (this.applied.get(batchId) ?? 0) + 1);
      return revision;
    };
    return backend;
  }

  restart() {
    this.backend.close();
    this.backend = this.start();
  }
}

/** One window's socket: requests go up in order, replies and events come down in order. */
class Link {
  connected = true;
  up: Call[] = [];
  down: Frame[] = [];
  private waiting: Call[] = [];
  private sent = new Map<number, Call>();
  private nextId = 1;
  private clientId = '';
  private unsubscribe: (() => void) | null = null;
  readonly eventListeners = new Set<(name: string, payload: unknown) => void>();
  readonly reconnectListeners = new Set<() => void>();

  constructor(private readonly server: Server) {
    this.subscribe();
  }

  private subscribe() {
    this.clientId = newId('client');
    this.unsubscribe = this.server.backend.hub.subscribe(this.clientId, (name, payload) => {
      if (this.connected) this.down.push({ kind: 'event', name, payload });
    });
  }

  call(method: string, input: unknown): Promise<Reply> {
    return new Promise((resolve) => {
      const call = { id: this.nextId++, method, input, resolve };
      if (this.connected) this.up.push(call);
      else this.waiting.push(call);
    });
  }

  /** The server takes the next request; `twice` delivers it again, as a resend after a lost reply would. */
  async deliverUp(twice: boolean) {
    const call = this.up.shift();
    if (!call) return;
    this.sent.set(call.id, call);
    const ctx = { clientId: this.clientId };
    const reply = await this.server.backend.dispatch(call.method, call.input, ctx);
    if (twice) await this.server.backend.dispatch(call.method, call.input, ctx);
    if (this.connected && this.sent.has(call.id)) this.down.push({ kind: 'reply', callId: call.id, reply });
  }

  deliverDown() {
    const frame = this.down.shift();
    if (!frame) return;
    if (frame.kind === 'event') this.eventListeners.forEach((l) => l(frame.name, frame.payload));
    else {
      const call = this.sent.get(frame.callId);
      this.sent.delete(frame.callId);
      call?.resolve(frame.reply);
    }
  }

  /** The socket drops: what was on its way either way is lost, and calls sent on it get no reply. */
  drop() {
    if (!this.connected) return;
    this.connected = false;
    this.unsubscribe?.();
    const lost = [...this.sent.values(), ...this.up];
    this.sent.clear();
    this.up = [];
    this.down = [];
    lost.forEach((call) => call.resolve(UNAVAILABLE));
  }

  reconnect() {
    if (this.connected) return;
    this.connected = true;
    this.subscribe();
    this.up.push(...this.waiting);
    this.waiting = [];
    this.reconnectListeners.forEach((l) => l());
  }

  get busy() {
    return this.up.length > 0 || this.down.length > 0 || this.sent.size > 0 || this.waiting.length > 0;
  }
}

async function call<T>(link: Link, method: string, input: unknown): Promise<T> {
  const reply = await link.call(method, input);
  if (!reply.ok) throw GroundworkError.from(reply.error);
  return reply.result as T;
}

class Window {
  readonly link: Link;
  readonly outbox: Outbox;
  readonly sync: BoardSync;
  readonly made: Batch[] = [];
  readonly acknowledged = new Set<string>();
  readonly dropped = new Map<string, string>();
  /** A `board.get` asked for ahead of opening the board, taken by the next reopen. */
  prefetched: Promise<LoadedBoard> | null = null;

  constructor(server: Server) {
    this.link = new Link(server);
    this.outbox = new Outbox({
      send: async (batch) => (await call<{ revision: number }>(this.link, 'board.apply', { boardId: batch.boardId, batchId: batch.id, ops: batch.ops })).revision,
      store: memoryOutboxStore(),
      retryDelay: () => 0,
    });
    this.outbox.on({ acknowledged: (batch) => this.acknowledged.add(batch.id) });
    this.sync = new BoardSync(
      {
        getBoard: (id, batchIds) => call<LoadedBoard>(this.link, 'board.get', { id, batchIds }),
        onBoardChanged: (listener) => {
          const l = (name: string, payload: unknown) => name === 'board.changed' && listener(payload as Parameters<typeof listener>[0]);
          this.link.eventListeners.add(l);
          return () => this.link.eventListeners.delete(l);
        },
        onReconnect: (listener) => {
          this.link.reconnectListeners.add(listener);
          return () => this.link.reconnectListeners.delete(listener);
        },
      },
      this.outbox,
      { viewChanged: () => undefined, dropped: (batch, message) => this.dropped.set(batch.id, message) },
    );
  }

  /** An edit as the facilitator would make it on what this window shows; nothing when it does not fit. */
  edit(kind: EditKind, pick: number, text: string) {
    const replica = this.sync.replica;
    if (!replica) return;
    const nodes = [...replica.view.nodes.values()];
    const node = nodes.length ? nodes[pick % nodes.length] : undefined;
    const other = nodes.length ? nodes[(pick * 7 + 3) % nodes.length] : undefined;
    let ops: Op[];
    if (!node && kind !== 'add') return;
    if (kind === 'add' || !node) ops = [{ type: 'node.add', node: roleNode({ position: { x: pick, y: text.length } }) }];
    else if (kind === 'move') ops = [{ type: 'node.move', id: node.id, position: { x: pick * 16, y: text.length * 16 } }];
    else if (kind === 'rename') ops = [{ type: 'node.update', id: node.id, data: { person: text } }];
    else if (kind === 'connect' && other && other !== node) ops = [{ type: 'edge.add', edge: { id: newId('e'), kind: 'relates', source: node.id, target: other.id, data: { label: '', strength: 3 } } }];
    else {
      const edges = [...replica.view.edges.values()].filter((e) => e.source === node.id || e.target === node.id);
      ops = [...edges.map((e): Op => ({ type: 'edge.remove', id: e.id })), { type: 'node.remove', id: node.id }];
    }
    const before = new Set(this.outbox.pendingFor(currentBoardId).map((b) => b.id));
    try {
      this.sync.edit(ops);
    } catch {
      return;
    }
    this.made.push(...this.outbox.pendingFor(currentBoardId).filter((b) => !before.has(b.id)));
  }
}

/** The board every window works on, made anew for each run. */
let currentBoardId = '';

type EditKind = 'add' | 'move' | 'rename' | 'connect' | 'remove';

type Step =
  | { type: 'edit'; window: number; kind: EditKind; pick: number; text: string }
  | { type: 'deliver'; window: number; up: boolean; twice: boolean }
  | { type: 'drop'; window: number }
  | { type: 'reconnect'; window: number }
  | { type: 'reopen'; window: number }
  /** The page asks for the board before the editor opens it (at its start, or while the session loads). */
  | { type: 'prefetch'; window: number }
  | { type: 'restart' }
  /** One window deletes a node while another renames it, before either hears of the other. */
  | { type: 'clash'; window: number; other: number; pick: number };

const WINDOWS = 3;
const windowIndex = fc.nat({ max: WINDOWS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('edit' as const), window: windowIndex, kind: fc.constantFrom<EditKind>('add', 'add', 'move', 'rename', 'rename', 'connect', 'remove'), pick: fc.nat({ max: 3 }), text: fc.string({ minLength: 1, maxLength: 8 }) }) },
  { weight: 8, arbitrary: fc.record({ type: fc.constant('deliver' as const), window: windowIndex, up: fc.boolean(), twice: fc.nat({ max: 6 }).map((n) => n === 0) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('drop' as const), window: windowIndex }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reconnect' as const), window: windowIndex }) },
  // The editor opens the board again (the session changed, the board was switched back to) while answers are on their way.
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reopen' as const), window: windowIndex }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('prefetch' as const), window: windowIndex }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('restart' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clash' as const), window: windowIndex, other: windowIndex, pick: fc.nat({ max: 3 }) }) },
);

/**
 * Found by hand: a reply asked for early arrives, then another window's edit reaches this one,
 * then the board is opened with the early reply, older than the edit this window has heard of.
 */
/** Found by CI: a request asked for early fails in an outage; the board is opened after the connection is back. */
const FAILED_EARLY_REPLY: Step[] = [
  { type: 'prefetch', window: 0 },
  { type: 'drop', window: 0 },
  { type: 'reconnect', window: 0 },
  { type: 'reopen', window: 0 },
];

const STALE_EARLY_REPLY: Step[] = [
  { type: 'prefetch', window: 0 },
  { type: 'edit', window: 1, kind: 'add', pick: 0, text: 'x' },
  { type: 'deliver', window: 0, up: true, twice: false },
  { type: 'deliver', window: 1, up: true, twice: false },
  { type: 'deliver', window: 0, up: false, twice: false },
  { type: 'deliver', window: 0, up: false, twice: false },
  { type: 'reopen', window: 0 },
];

/** Lets promise chains and zero-delay timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function quiesce(windows: Window[]) {
  windows.forEach((w) => w.link.reconnect());
  for (let round = 0; round < 5_000; round++) {
    await settle();
    const busy = windows.filter((w) => w.link.busy || w.outbox.size > 0);
    if (busy.length === 0) {
      await settle();
      if (windows.every((w) => !w.link.busy && w.outbox.size === 0)) return;
      continue;
    }
    for (const w of busy) {
      await w.link.deliverUp(false);
      w.link.deliverDown();
      w.link.deliverDown();
    }
  }
  throw new Error(`not quiet: ${windows.map((w) => `${w.link.up.length}/${w.link.down.length}/${w.outbox.size}`).join(' ')}`);
}

const shape = (nodes: Iterable<BoardNode>) => [...nodes].map((n) => ({ id: n.id, position: n.position, data: n.data }));

describe('the sync protocol, modelled against the real service', () => {
  it('brings every window to main’s board, and applies every batch once or drops it with a message', async () => {
    // Across the runs, each of these must have happened, or the property proved little.
    const seen = { acknowledged: 0, dropped: 0, repeated: 0, restarts: 0, lostConnections: 0, reopened: 0, openedEarly: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 80 }), async (steps) => {
        const dataDir = makeTempDir('sync-model');
        const server = new Server(dataDir);
        try {
          const session = await server.backend.dispatch('session.create', { title: 'Model' }, { clientId: 'setup' });
          if (!session.ok) throw new Error('no session');
          currentBoardId = (session.result as { boards: { id: string }[] }).boards[0].id;
          // The room starts with a few roles on the board, so that windows have something to clash over.
          const seed = Array.from({ length: 3 }, (_, i): Op => ({ type: 'node.add', node: roleNode({ position: { x: i * 240, y: 0 } }) }));
          await server.backend.dispatch('board.apply', { boardId: currentBoardId, ops: seed }, { clientId: 'setup' });
          const windows = Array.from({ length: WINDOWS }, () => new Window(server));
          const loading = windows.map((w) => w.sync.load(currentBoardId));
          await quiesce(windows);
          await Promise.all(loading);

          for (const s of steps) {
            if (s.type === 'edit') windows[s.window].edit(s.kind, s.pick, s.text);
            else if (s.type === 'deliver') {
              const link = windows[s.window].link;
              if (s.up) await link.deliverUp(s.twice);
              else link.deliverDown();
              if (s.up && s.twice) seen.repeated++;
            } else if (s.type === 'drop') {
              seen.lostConnections += windows[s.window].link.connected ? 1 : 0;
              windows[s.window].link.drop();
            } else if (s.type === 'reconnect') windows[s.window].link.reconnect();
            else if (s.type === 'prefetch') {
              const reply = windows[s.window].sync.fetch(currentBoardId);
              reply.catch(() => undefined);
              windows[s.window].prefetched = reply;
            } else if (s.type === 'reopen') {
              const w = windows[s.window];
              seen.reopened++;
              seen.openedEarly += w.prefetched ? 1 : 0;
              loading.push(w.sync.load(currentBoardId, w.prefetched ?? undefined));
              w.prefetched = null;
            }
            else if (s.type === 'clash') {
              windows[s.window].edit('remove', s.pick, 'gone');
              windows[s.other].edit('rename', s.pick, 'renamed');
            } else {
              windows.forEach((w) => w.link.drop());
              server.restart();
              seen.restarts++;
            }
            await settle();
          }
          await quiesce(windows);
          await Promise.all(loading);

          const board = server.backend.store.getBoard(currentBoardId);
          for (const w of windows) {
            const replica = w.sync.replica!;
            expect(replica.revision, `window ${windows.indexOf(w)}`).toBe(board.revision);
            expect(shape(replica.view.nodes.values())).toEqual(shape(board.nodes));
            expect([...replica.view.edges.values()]).toEqual(board.edges);
            seen.acknowledged += w.acknowledged.size;
            seen.dropped += w.dropped.size;
            for (const batch of w.made) {
              const times = server.applied.get(batch.id) ?? 0;
              if (w.acknowledged.has(batch.id)) expect(times, `acknowledged batch ${batch.id}`).toBe(1);
              else {
                expect(times, `unacknowledged batch ${batch.id}`).toBe(0);
                expect(w.dropped.get(batch.id), `batch ${batch.id} neither saved nor dropped with a message`).toMatch(/^Not saved: /);
              }
            }
          }
        } finally {
          server.backend.close();
          removeDir(dataDir);
        }
      }),
      { numRuns: 100, examples: [[STALE_EARLY_REPLY], [FAILED_EARLY_REPLY]] },
    );
    for (const [what, times] of Object.entries(seen)) expect(times, what).toBeGreaterThan(0);
  }, 240_000);
});
