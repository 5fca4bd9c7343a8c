import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DatabaseRefusedError, openDatabase } from '../../main/store/database';
import { MIGRATIONS, type Migration } from '../../main/store/migrations';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';

let dir: string;
let file: string;

beforeEach(() => {
  dir = makeTempDir('migrations');
  file = path.join(dir, DATABASE_FILE);
});

afterEach(() => removeDir(dir));

/** Reads the database with a plain connection, outside openDatabase. */
function inspect<T>(read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const appliedRows = () => inspect((db) => db.prepare('SELECT seq, name, applied_at FROM migrations ORDER BY seq').all() as { seq: number; name: string; applied_at: number }[]);
const tables = () => inspect((db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);

/** Every file of the database (main, -wal, -shm) that exists, with the sha256 of its bytes. */
function fingerprint(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const f = file + suffix;
    if (fs.existsSync(f)) result[path.basename(f)] = crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  }
  return result;
}

const refusal = (run: () => unknown) => thrownBy(DatabaseRefusedError, run);

const steps: Migration[] = [
  { name: '0001_a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
  { name: '0002_b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY); CREATE INDEX b_id ON b (id);' },
  { name: '0003_c', sql: 'CREATE TABLE c (id INTEGER PRIMARY KEY);' },
];

describe('openDatabase migrations', () => {
  it('gives a fresh database every known migration, in order', () => {
    openDatabase(file).close();
    expect(appliedRows().map((r) => [r.seq, r.name])).toEqual(MIGRATIONS.map((m, i) => [i + 1, m.name]));
    expect(tables()).toEqual(expect.arrayContaining(['sessions', 'boards', 'nodes', 'edges', 'migrations']));
  });

  it('runs none again when the database is reopened', () => {
    openDatabase(file).close();
    const first = appliedRows();
    openDatabase(file).close();
    openDatabase(file).close();
    expect(appliedRows()).toEqual(first);
  });

  it('runs only the missing steps on a database from an older version', () => {
    openDatabase(file, steps.slice(0, 1)).close();
    const [firstStep] = appliedRows();
    openDatabase(file, steps).close();
    const rows = appliedRows();
    expect(rows.map((r) => r.name)).toEqual(['0001_a', '0002_b', '0003_c']);
    expect(rows[0]).toEqual(firstStep);
    expect(tables()).toEqual(['a', 'b', 'c', 'migrations']);
  });

  it('refuses a database written by a newer version, leaving its file untouched', () => {
    openDatabase(file).close();
    const future = `${String(MIGRATIONS.length + 1).padStart(4, '0')}_from_a_newer_groundwork`;
    const writer = new Database(file);
    writer.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, future, Date.now());
    writer.close();
    const before = fingerprint();
    expect(Object.keys(before)).toEqual([DATABASE_FILE]);

    const error = refusal(() => openDatabase(file));
    expect(error.message).toMatch(/newer/);
    expect(error.message).toMatch(/version/);
    expect(error.message).toContain(future);
    expect(error.message).toContain('untouched');

    expect(fingerprint()).toEqual(before);
    expect(appliedRows()).toHaveLength(MIGRATIONS.length + 1);
  });

  it('refuses a database whose steps differ from the known ones, even when there are fewer', () => {
    openDatabase(file, [{ name: '0001_something_else', sql: 'CREATE TABLE x (id INTEGER);' }]).close();
    const before = fingerprint();
    expect(refusal(() => openDatabase(file, steps)).message).toContain('0001_something_else');
    expect(fingerprint()).toEqual(before);
  });

  it('a migration that fails midway leaves the database at the previous step', () => {
    const broken: Migration[] = [steps[0], { name: '0002_broken', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY,);' }];
    expect(() => openDatabase(file, broken)).toThrow(/syntax error/);
    expect(appliedRows().map((r) => r.name)).toEqual(['0001_a']);
    expect(tables()).toEqual(['a', 'migrations']);

    openDatabase(file, steps).close();
    expect(appliedRows().map((r) => r.name)).toEqual(['0001_a', '0002_b', '0003_c']);
  });
});
