import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toBoardSummary, toEdge, toNode, toSession, type BoardRow, type EdgeRow, type NodeRow, type SessionRow } from './rows';
import type { Db } from './db';
import { openSqlite } from './sqlite';

/**
 * Salvage: what can still be read from a database that was set aside as damaged, copied into the
 * database in use. SQLite stores a table as a b-tree keyed by rowid; a damaged page loses the
 * rows on it (SQLITE_CORRUPT when a read reaches it), not the rows on the pages around it. So
 * rows are read in rowid order, and a read that fails is stepped over rowid by rowid until one
 * succeeds again.
 */

/** How many rows of one table came back; `found` is how many the damaged file says it held, null when it cannot say. */
interface SalvagedKind {
  kind: string;
  salvaged: number;
  found: number | null;
}

export interface SalvageResult {
  /** In plain words: "Salvaged 3 sessions, 7 boards, 412 of 430 nodes, …". */
  message: string;
  kinds: SalvagedKind[];
}

/** The words for a table's rows, singular and plural; a table not named here reads as its name. */
const KIND_WORDS: Record<string, [string, string]> = {
  sessions: ['session', 'sessions'],
  boards: ['board', 'boards'],
  nodes: ['node', 'nodes'],
  edges: ['edge', 'edges'],
  agenda_items: ['agenda item', 'agenda items'],
  templates: ['template', 'templates'],
  snapshots: ['restore point', 'restore points'],
  rooms: ['room', 'rooms'],
  room_participants: ['participant', 'participants'],
  room_notes: ["participant's note", "participants' notes"],
  room_votes: ['vote', 'votes'],
};

/** Always named in the message, even at 0: what a facilitator looks for first. */
const CORE_KINDS = ['sessions', 'boards', 'nodes', 'edges'];

/** Rows that pass SQLite's constraints but would make the app fail on reading them (garbled bytes that still parse). */
const ROW_CHECKS: Record<string, (row: Record<string, unknown>) => unknown> = {
  sessions: (row) => toSession(row as unknown as SessionRow),
  boards: (row) => toBoardSummary(row as unknown as BoardRow),
  nodes: (row) => toNode(row as unknown as NodeRow),
  edges: (row) => toEdge(row as unknown as EdgeRow),
};

/**
 * A salvaged room comes back closed: one left open would hold the one open room's place (a new
 * room could not open) and would start listening on the next start, with tokens nobody expects.
 */
const ROW_FIXES: Record<string, (row: Record<string, unknown>, now: number) => void> = {
  rooms: (row, now) => {
    row.closed_at ??= now;
  },
};

/** After this many rowids in a row that cannot be read, with no end known, the rest of the table is given up. */
const MAX_BLIND_PROBES = 10_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A value, or null when reading it failed (the page it is on is damaged). */
function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The tables of the database in use, parents before children (by their foreign keys), migrations' own table left out. */
function tablesInInsertOrder(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY rowid").all() as { name: string }[]).map((r) => r.name);
  const parents = new Map(names.map((name) => [name, (db.pragma(`foreign_key_list(${quote(name)})`) as { table: string }[]).map((fk) => fk.table).filter((t) => t !== name && names.includes(t))]));
  const ordered: string[] = [];
  while (ordered.length < names.length) {
    const next = names.find((name) => !ordered.includes(name) && parents.get(name)!.every((p) => ordered.includes(p)));
    // A cycle of foreign keys (none today): the rest goes in creation order, and orphans are dropped.
    if (!next) return [...ordered, ...names.filter((name) => !ordered.includes(name))];
    ordered.push(next);
  }
  return ordered;
}

const columnsOf = (db: Db, table: string) => (db.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((c) => c.name);

/**
 * Calls `take` with every row of `table` that can be read, in rowid order. A scan runs until a
 * damaged page stops it; then rowids are looked up one at a time from where it stopped, and the
 * scan resumes after the first lookup that works. An error from `take` is not a read: it stops all.
 */
function readRows(source: Db, table: string, columns: string[], take: (row: unknown[]) => void): void {
  const list = ['rowid', ...columns.map(quote)].join(', ');
  const scan = source.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid`).raw();
  const lookup = source.prepare(`SELECT ${list} FROM ${quote(table)} WHERE rowid = ?`).raw();
  const first = attempt(() => (source.prepare(`SELECT min(rowid) AS r FROM ${quote(table)}`).get() as { r: number | null }).r);
  const last = attempt(() => (source.prepare(`SELECT max(rowid) AS r FROM ${quote(table)}`).get() as { r: number | null }).r);
  let after = (first ?? 1) - 1;
  for (;;) {
    let taking = false;
    try {
      for (const row of scan.iterate(after) as Iterable<unknown[]>) {
        after = row[0] as number;
        taking = true;
        take(row.slice(1));
        taking = false;
      }
      return;
    } catch (error) {
      if (taking) throw error;
      // The page holding the row after `after` is damaged: step over it rowid by rowid.
    }
    for (let misses = 0; ; misses++) {
      after += 1;
      if (last !== null ? after > last : misses >= MAX_BLIND_PROBES) return;
      const row = attempt(() => (lookup.get(after) as unknown[] | undefined) ?? 'none');
      if (row === null) continue;
      if (row !== 'none') take(row.slice(1));
      break;
    }
  }
}

/**
 * Copies the damaged file (and its -wal) to a private temp folder and opens the copy: the file
 * set aside is never opened, so not even SQLite's -shm or a checkpoint on close can change it.
 */
function openCopy(damagedFile: string): { source: Db; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-salvage-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, 'damaged.db');
    fs.copyFileSync(damagedFile, copy);
    if (fs.existsSync(`${damagedFile}-wal`)) fs.copyFileSync(`${damagedFile}-wal`, `${copy}-wal`);
    const source = openSqlite(copy, { fileMustExist: true });
    source.pragma('query_only = ON');
    return { source, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

function words(table: string, count: number): string {
  const [one, many] = KIND_WORDS[table] ?? [`${table.replace(/_/g, ' ')} row`, `${table.replace(/_/g, ' ')} rows`];
  return count === 1 ? one : many;
}

/** "412 of 430 nodes", "3 sessions", "12 votes (the file no longer says how many there were)". */
function describeKind({ kind, salvaged, found }: SalvagedKind): string {
  if (found === null) return `${salvaged} ${words(kind, salvaged)} (the file no longer says how many there were)`;
  if (found !== salvaged) return `${salvaged} of ${found} ${words(kind, found)}`;
  return `${salvaged} ${words(kind, salvaged)}`;
}

/** The result's sentence: every core kind, and any other kind the file had rows of. */
function salvageMessage(kinds: SalvagedKind[], unreadable: string | null): string {
  if (unreadable !== null) return `Nothing could be salvaged: the damaged file cannot be read at all (${unreadable}).`;
  if (kinds.every((k) => k.salvaged === 0)) return 'Nothing could be salvaged: none of the damaged file\'s rows could be read and kept.';
  const named = kinds.filter((k) => CORE_KINDS.includes(k.kind) || k.salvaged > 0 || k.found !== 0).map(describeKind);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
  return `Salvaged ${list} from the damaged file.`;
}

/** The sqlite_master of the copy, read at all? Its message when not (a destroyed header: "file is not a database"). */
function schemaProblem(source: Db): string | null {
  try {
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * Reads what it can of `damagedFile`, table by table and row by row, and inserts it into `db` in
 * one transaction, parents first. A row the database in use refuses (an orphan whose parent was
 * lost, a row already there, garbled data) is dropped. The damaged file is not changed.
 */
export function salvageInto(db: Db, damagedFile: string): SalvageResult {
  const { source, remove } = openCopy(damagedFile);
  try {
    const problem = schemaProblem(source);
    if (problem !== null) return { message: salvageMessage([], problem), kinds: [] };
    const kinds = db.transaction(() => tablesInInsertOrder(db).map((table) => salvageTable(db, source, table)))();
    return { message: salvageMessage(kinds, null), kinds };
  } finally {
    source.close();
    remove();
  }
}

function salvageTable(db: Db, source: Db, table: string): SalvagedKind {
  const sourceColumns = attempt(() => columnsOf(source, table));
  if (sourceColumns === null) return { kind: table, salvaged: 0, found: null };
  // Columns both have: a file from an older version lacks the newer ones, which take their defaults.
  const columns = columnsOf(db, table).filter((c) => sourceColumns.includes(c));
  if (columns.length === 0) return { kind: table, salvaged: 0, found: 0 };
  // count(*) reads the smallest index, often intact when a page of the table is not.
  const found = attempt(() => (source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
  const insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const check = ROW_CHECKS[table];
  const fix = ROW_FIXES[table];
  const now = Date.now();
  let salvaged = 0;
  readRows(source, table, columns, (values) => {
    const row = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    try {
      check?.(row);
      fix?.(row, now);
      insert.run(columns.map((c) => row[c]));
      salvaged += 1;
    } catch (error) {
      if (error instanceof Database.SqliteError && !error.code.startsWith('SQLITE_CONSTRAINT')) throw error;
    }
  });
  return { kind: table, salvaged, found: found === null ? null : Math.max(found, salvaged) };
}
