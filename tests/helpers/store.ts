import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../../main/store/database';
import type { Db } from '../../main/store/db';
import { Store } from '../../main/store/store';

export interface OpenStore {
  db: Db;
  store: Store;
  file: string;
  close(): void;
}

/** A Store over a real groundwork.db in `dir`, opened the way the backend opens it. */
export function openStoreIn(dir: string): OpenStore {
  const file = path.join(dir, DATABASE_FILE);
  const db = openDatabase(file);
  return { db, store: new Store(db), file, close: () => db.close() };
}

export function countRows(db: Db, table: 'sessions' | 'boards' | 'nodes' | 'edges' | 'migrations', where = '1 = 1', ...params: unknown[]): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
}

/** Returns once Date.now() has moved past `after`, so the next timestamp is strictly later. */
export function waitForClockPast(after: number): void {
  while (Date.now() <= after) {
    // Spins at most about a millisecond.
  }
}
