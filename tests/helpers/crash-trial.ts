import Database from 'better-sqlite3';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import type { BoardNode, Position } from '../../shared/model';
import type { Op } from '../../shared/ops';
import { DATABASE_FILE } from '../../main/store/database';
import { noteNode, roleNode, textNode } from './sample';
import { startServe } from './serve-process';
import { makeTempDir, removeDir } from './temp-dir';

/**
 * One crash trial: `groundwork serve` on a fresh data dir, a driver sending board.apply edits
 * (node.add, node.move) from several sequential workers at once, SIGKILL at a random moment,
 * then the file checked with integrity_check and the server started again to read it back.
 */

interface TrialOptions {
  seed: number;
  /** Parallel workers; each sends its requests one after another. */
  workers?: number;
  /** Kill this many ms after the driver starts. */
  killAfterMs?: number;
  /** Or kill once this many edits were sent. */
  killAfterEdits?: number;
  /** No edit is sent past this many (the kill comes first when killAfterEdits is lower). */
  maxEdits?: number;
}

interface TrialResult {
  seed: number;
  /** Edits (ops) the server acknowledged before the kill. */
  acked: number;
  sent: number;
  integrity: string;
  /** Every way the state read back after the restart differs from what was acknowledged; empty when durable. */
  problems: string[];
}

/** A small seeded generator (mulberry32), so a failing trial can be run again from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const reply = (await response.json()) as Reply<MethodOutput<M>>;
  if (!reply.ok) throw new Error(`${method} was refused: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

/** What the driver knows about a node: where it last was when the server said ok, and any move still in flight. */
interface Tracked {
  acked: Position;
  inFlight: Position[];
}

export async function runCrashTrial(options: TrialOptions): Promise<TrialResult> {
  const { seed, workers = 3, maxEdits = Infinity } = options;
  const next = random(seed);
  const dataDir = makeTempDir('crash');
  try {
    const first = await startServe(['--port', '0', '--data-dir', dataDir]);
    const session = await call(first.url, 'session.create', { title: `Crash trial ${seed}` });
    const boardId = session.boards[0].id;

    const nodes = new Map<string, Tracked>();
    const addsInFlight = new Set<string>();
    let sent = 0;
    let acked = 0;
    let killed = false;
    let killing: Promise<void> | null = null;
    const kill = () => {
      killed = true;
      killing ??= first.kill();
      return killing;
    };
    const coordinate = () => Math.round((next() - 0.5) * 200_000) / 10;
    const kinds = [noteNode, roleNode, textNode];

    const worker = async (index: number) => {
      const own: string[] = [];
      let counter = 0;
      while (!killed && sent < maxEdits) {
        const ops: Op[] = [];
        const count = 1 + Math.floor(next() * 4);
        for (let i = 0; i < count && sent + ops.length < maxEdits; i++) {
          if (own.length === 0 || next() < 0.35) {
            const node: BoardNode = kinds[Math.floor(next() * kinds.length)]({ id: `w${index}_${counter++}`, position: { x: coordinate(), y: coordinate() } });
            ops.push({ type: 'node.add', node });
          } else {
            ops.push({ type: 'node.move', id: own[Math.floor(next() * own.length)], position: { x: coordinate(), y: coordinate() } });
          }
        }
        for (const op of ops) {
          if (op.type === 'node.add') addsInFlight.add(op.node.id);
          else if (op.type === 'node.move') nodes.get(op.id)!.inFlight.push(op.position);
        }
        sent += ops.length;
        if (options.killAfterEdits !== undefined && sent >= options.killAfterEdits) void kill();
        try {
          await call(first.url, 'board.apply', { boardId, ops });
        } catch (error) {
          if (killed) return;
          throw error;
        }
        acked += ops.length;
        for (const op of ops) {
          if (op.type === 'node.add') {
            addsInFlight.delete(op.node.id);
            nodes.set(op.node.id, { acked: op.node.position, inFlight: [] });
            own.push(op.node.id);
          } else if (op.type === 'node.move') {
            nodes.set(op.id, { acked: op.position, inFlight: [] });
          }
        }
      }
    };

    const timer = options.killAfterMs === undefined ? null : setTimeout(() => void kill(), options.killAfterMs);
    const driving = Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
    try {
      await driving;
    } finally {
      if (timer) clearTimeout(timer);
      await kill();
    }

    // The file as the killed process left it, read by a connection of our own before anything else opens it.
    const file = path.join(dataDir, DATABASE_FILE);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    db.close();

    const second = await startServe(['--port', '0', '--data-dir', dataDir]);
    const board = await call(second.url, 'board.get', { id: boardId });
    await second.kill();

    const problems: string[] = [];
    const found = new Map(board.nodes.map((n) => [n.id, n.position]));
    for (const [id, tracked] of nodes) {
      const position = found.get(id);
      const same = (p: Position) => position !== undefined && p.x === position.x && p.y === position.y;
      if (!position) problems.push(`${id}: acknowledged but missing`);
      else if (!same(tracked.acked) && !tracked.inFlight.some(same)) {
        problems.push(`${id}: at ${JSON.stringify(position)}, last acknowledged at ${JSON.stringify(tracked.acked)}`);
      }
    }
    for (const id of found.keys()) {
      if (!nodes.has(id) && !addsInFlight.has(id)) problems.push(`${id}: on the board but never sent`);
    }
    return { seed, acked, sent, integrity, problems };
  } finally {
    removeDir(dataDir);
  }
}
