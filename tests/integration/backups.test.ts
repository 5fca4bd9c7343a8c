import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/api';
import { parseArgs } from '../../main/cli/args';
import type { Backend } from '../../main/service/backend';
import { Backups, BACKUPS_DIR, DAY_MS, KEEP_BACKUPS, listBackups } from '../../main/store/backups';
import { DATABASE_FILE, DatabaseDamagedError, DatabaseRefusedError, MigrationFailedError, openDatabase } from '../../main/store/database';
import type { Migration } from '../../main/store/migrations';
import { roleNode } from '../helpers/sample';
import { buildCliIfStale, cleanEnv, killAllServes, runCli } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';
import { backendForTest } from '../helpers/backend';

const start = (dataDir: string): Backend => backendForTest(dataDir);
const stop = (backend: Backend): void => backend.close();

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const reply = await backend.dispatch(method, input, { clientId: 'test' });
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

const titles = async (backend: Backend) => (await call<{ title: string }[]>(backend, 'session.list', {})).map((s) => s.title).sort();

/** Reads a database file with a plain read-only connection. */
function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const sessionTitlesIn = (file: string) => readDb(file, (db) => db.prepare('SELECT title FROM sessions ORDER BY title').pluck().all());
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A data dir holding a database with one session in it, closed again. */
function dataDirWithSession(title = 'Acme offsite'): { dataDir: string; file: string } {
  const dataDir = tempDirForTest('backups');
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  const now = Date.now();
  db.prepare('INSERT INTO sessions (id, title, client, workshop_date, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)').run('s_seed', title, '', now, now);
  db.close();
  return { dataDir, file };
}

describe('the daily backup at start', () => {
  it('is made once a day only: at the first start of a day, not at the next', async () => {
    const { dataDir } = dataDirWithSession();
    const dir = path.join(dataDir, BACKUPS_DIR);
    const first = start(dataDir);
    await vi.waitFor(() => expect(listBackups(dir)).toHaveLength(1), { timeout: 5_000 });
    stop(first);
    expect(listBackups(dir)[0].file).toMatch(/-daily\.db$/);
    expect(sessionTitlesIn(path.join(dir, listBackups(dir)[0].file))).toEqual(['Acme offsite']);

    const second = start(dataDir);
    await call(second, 'session.list', {});
    stop(second);
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('is due again a day after the newest backup, not before', async () => {
    const { file } = dataDirWithSession();
    let now = Date.parse('2026-11-22T08:00:00Z');
    const backups = new Backups(file, () => now);
    const db = openDatabase(file);
    try {
      expect(await backups.dailyIfDue(db)).not.toBeNull();
      now += DAY_MS - 1;
      expect(await backups.dailyIfDue(db)).toBeNull();
      now += 1;
      expect(await backups.dailyIfDue(db)).not.toBeNull();
      expect(backups.list().map((b) => b.createdAt)).toEqual([Date.parse('2026-11-23T08:00:00Z'), Date.parse('2026-11-22T08:00:00Z')]);
    } finally {
      db.close();
    }
  });

  it('is not made for a brand-new database, which has nothing to keep', async () => {
    const dataDir = tempDirForTest('backups');
    const backend = start(dataDir);
    await call(backend, 'session.create', { title: 'First' });
    stop(backend);
    expect(fs.existsSync(path.join(dataDir, BACKUPS_DIR))).toBe(false);
  });
});

describe('backups', () => {
  it(`keeps the newest ${KEEP_BACKUPS} and deletes older ones`, async () => {
    const { file } = dataDirWithSession();
    let now = Date.parse('2026-11-01T09:00:00Z');
    const backups = new Backups(file, () => now);
    const db = openDatabase(file);
    try {
      for (let i = 0; i < KEEP_BACKUPS + 3; i++) {
        await backups.create(db, 'manual');
        now += DAY_MS;
      }
    } finally {
      db.close();
    }
    const kept = backups.list();
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0].createdAt).toBe(Date.parse('2026-11-10T09:00:00Z'));
    expect(kept.at(-1)!.createdAt).toBe(Date.parse('2026-11-04T09:00:00Z'));
    expect(fs.readdirSync(backups.dir).sort()).toEqual(kept.map((b) => b.file).sort());
  });

  it('are single self-contained files that open read-only and pass integrity_check', async () => {
    const { file } = dataDirWithSession('Kept');
    const backups = new Backups(file);
    const db = openDatabase(file);
    const made = await backups.create(db, 'manual').finally(() => db.close());
    const backupFile = backups.pathOf(made.file);
    expect(readDb(backupFile, (b) => b.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(sessionTitlesIn(backupFile)).toEqual(['Kept']);
    expect(fs.readdirSync(backups.dir)).toEqual([made.file]);
  });

  it('one is taken before a migration, holding the database as it was before it', () => {
    const dataDir = tempDirForTest('backups');
    const file = path.join(dataDir, DATABASE_FILE);
    const first: Migration[] = [{ name: '0001_a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1), (2);' }];
    openDatabase(file, first).close();
    openDatabase(file, first).close();
    expect(listBackups(path.join(dataDir, BACKUPS_DIR))).toEqual([]);

    openDatabase(file, [...first, { name: '0002_b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY);' }]).close();
    const [backup] = listBackups(path.join(dataDir, BACKUPS_DIR));
    expect(backup.file).toMatch(/-before-0002_b\.db$/);
    const backupFile = path.join(dataDir, BACKUPS_DIR, backup.file);
    expect(readDb(backupFile, (db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all())).toEqual(['a', 'migrations']);
    expect(readDb(backupFile, (db) => db.prepare('SELECT COUNT(*) FROM a').pluck().get())).toBe(2);
  });

  it('a failed migration leaves the file where it was, unchanged, and names the backup taken just before', () => {
    const dataDir = tempDirForTest('backups');
    const file = path.join(dataDir, DATABASE_FILE);
    const first: Migration[] = [{ name: '0001_a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);' }];
    openDatabase(file, first).close();
    const error = thrownBy(MigrationFailedError, () => openDatabase(file, [...first, { name: '0002_broken', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY,);' }]));
    expect(error).toBeInstanceOf(DatabaseRefusedError);
    expect(error.message).toContain('0002_broken');
    expect(error.message).toContain('syntax error');
    expect(error.backup).toMatch(/-before-0002_broken\.db$/);
    expect(error.message).toContain(error.backup!);
    expect(fs.existsSync(error.backup!)).toBe(true);
    expect(readDb(file, (db) => db.prepare('SELECT name FROM migrations').pluck().all())).toEqual(['0001_a']);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});

describe('a damaged database', () => {
  it('full of garbage is moved aside, never overwritten, and the error names the newest backup', async () => {
    const { dataDir, file } = dataDirWithSession();
    const backups = new Backups(file);
    const db = openDatabase(file);
    const newest = await backups.create(db, 'manual').finally(() => db.close());
    const garbage = crypto.randomBytes(64 * 1024);
    fs.writeFileSync(file, garbage);

    const error = thrownBy(DatabaseDamagedError, () => openDatabase(file));
    expect(error).toBeInstanceOf(DatabaseRefusedError);
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toContain(backups.pathOf(newest.file));
    expect(error.message).toContain('Restore from backup');
    expect(error.newestBackup).toBe(backups.pathOf(newest.file));
    expect(path.basename(error.movedTo)).toMatch(/^groundwork\.db\.damaged-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(error.message).toContain(error.movedTo);

    expect(sha256(fs.readFileSync(error.movedTo))).toBe(sha256(garbage));
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dataDir).sort()).toEqual([BACKUPS_DIR, path.basename(error.movedTo)].sort());
    expect(backups.list()).toEqual([newest]);
  });

  it('with one damaged page is caught by quick_check and moved aside with its -wal', () => {
    const { dataDir, file } = dataDirWithSession();
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO sessions (id, title, client, workshop_date, created_at, updated_at) VALUES (?, ?, ?, NULL, 0, 0)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(`s_${i}`, `Session ${i} ${'x'.repeat(100)}`, 'client');
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // A page in the middle: the first pages are the (mostly empty) roots of every table.
    crypto.randomBytes(pageSize).copy(bytes, pageSize * Math.floor(bytes.length / pageSize / 2));
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(`${file}-wal`, '');

    const error = thrownBy(DatabaseDamagedError, () => openDatabase(file));
    expect(error.message).toContain('There is no backup to restore from');
    expect(fs.readFileSync(error.movedTo).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${error.movedTo}-wal`)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith(DATABASE_FILE) && !f.includes('damaged'))).toEqual([]);
  });

  it('does not stop the backend: it starts empty, and the newest backup brings the data back', async () => {
    const { dataDir, file } = dataDirWithSession('Before the damage');
    const backups = new Backups(file);
    const db = openDatabase(file);
    const newest = await backups.create(db, 'manual').finally(() => db.close());
    fs.writeFileSync(file, 'this is not a database at all, just words '.repeat(100));

    const backend = start(dataDir);
    expect(backend.startupReport).toMatchObject({ problem: 'damaged', newestBackup: newest });
    expect(await titles(backend)).toEqual([]);
    await call(backend, 'backup.restore', { file: newest.file });
    expect(await titles(backend)).toEqual(['Before the damage']);
  });
});

describe('restore from backup', () => {
  it('brings the data of the backup back, keeps what it replaced as a backup, and tells every client to reload', async () => {
    const dataDir = tempDirForTest('backups');
    const backend = start(dataDir);
    const kept = await call<{ id: string; boards: { id: string }[] }>(backend, 'session.create', { title: 'Kept' });
    const node = roleNode({ data: { person: 'Dana' } });
    await call(backend, 'board.apply', { boardId: kept.boards[0].id, ops: [{ type: 'node.add', node }] });
    const backup = await backend.backups.create(backend.store.db, 'manual');
    await call(backend, 'session.create', { title: 'Made after the backup' });
    await call(backend, 'session.delete', { id: kept.id });

    const heard: EventName[] = [];
    const unsubscribe = backend.hub.subscribe('test', (name) => heard.push(name));
    const listed = await call<{ file: string }[]>(backend, 'backup.list', {});
    expect(listed.map((b) => b.file)).toEqual([backup.file]);

    const result = await call<{ restored: { file: string }; replacedBy: string }>(backend, 'backup.restore', { file: backup.file });
    unsubscribe();
    expect(result.restored.file).toBe(backup.file);
    expect(heard).toContain('database.restored');

    expect(await titles(backend)).toEqual(['Kept']);
    const board = await call<{ nodes: { id: string }[] }>(backend, 'board.get', { id: kept.boards[0].id });
    expect(board.nodes.map((n) => n.id)).toEqual([node.id]);
    await call(backend, 'session.create', { title: 'Written after the restore' });
    expect(await titles(backend)).toEqual(['Kept', 'Written after the restore']);

    const replaced = path.join(dataDir, BACKUPS_DIR, result.replacedBy);
    expect(result.replacedBy).toMatch(/-before-restore\.db$/);
    expect(sessionTitlesIn(replaced)).toEqual(['Made after the backup']);
    expect((await call<{ file: string }[]>(backend, 'backup.list', {})).map((b) => b.file)).toEqual([result.replacedBy, backup.file]);
  });

  it('refuses a name that is not in the list, or any path, and changes nothing', async () => {
    const { dataDir } = dataDirWithSession('Untouched');
    const backend = start(dataDir);
    for (const file of ['../groundwork.db', '/etc/passwd', 'groundwork.db', 'groundwork-2026-11-22T10-00-00-000Z-daily.db/../../x.db', '']) {
      const reply = await backend.dispatch('backup.restore', { file }, { clientId: 'test' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['file'] } });
    }
    const missing = await backend.dispatch('backup.restore', { file: 'groundwork-2026-11-22T10-00-00-000Z-daily.db' }, { clientId: 'test' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', path: ['file'] } });
    expect(await titles(backend)).toEqual(['Untouched']);
  });

  it('refuses a damaged backup before touching the database', async () => {
    const { dataDir, file } = dataDirWithSession('Untouched');
    const backend = start(dataDir);
    const backup = await backend.backups.create(backend.store.db, 'manual');
    fs.writeFileSync(backend.backups.pathOf(backup.file), crypto.randomBytes(8192));
    const before = backend.store.db;

    const reply = await backend.dispatch('backup.restore', { file: backup.file }, { clientId: 'test' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', path: ['file'], message: expect.stringContaining('damaged') } });
    expect(backend.store.db).toBe(before);
    expect(await titles(backend)).toEqual(['Untouched']);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('restore from a backup that cannot be opened', () => {
  it('puts the database back as it was when the backup comes from a newer version', async () => {
    const { dataDir } = dataDirWithSession('Current');
    const backend = start(dataDir);
    const backup = await backend.backups.create(backend.store.db, 'manual');
    const future = new Database(backend.backups.pathOf(backup.file));
    future.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)').run(999, '9999_from_the_future', Date.now());
    future.close();
    const backupsBefore = backend.backups.list();

    const reply = await backend.dispatch('backup.restore', { file: backup.file }, { clientId: 'test' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', path: ['file'], message: expect.stringContaining('9999_from_the_future') } });
    expect(await titles(backend)).toEqual(['Current']);
    await call(backend, 'session.create', { title: 'Still writable' });
    expect(await titles(backend)).toEqual(['Current', 'Still writable']);
    expect(backend.backups.list()).toEqual(backupsBefore);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('restoring') || f.includes('damaged'))).toEqual([]);
  });
});

describe('groundwork backup', () => {
  beforeAll(() => buildCliIfStale(), 60_000);
  afterEach(() => killAllServes());

  it('is a command that takes --data-dir', () => {
    expect(parseArgs(['backup', '--data-dir', '/tmp/gw'])).toEqual({ command: 'backup', dataDir: '/tmp/gw' });
    expect(parseArgs(['backup'])).toEqual({ command: 'backup' });
  });

  it('backs the database up and lists what is kept', async () => {
    const { dataDir } = dataDirWithSession('Backed up by hand');
    const { code, stdout, stderr } = await runCli(['backup', '--data-dir', dataDir]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [made] = listBackups(path.join(dataDir, BACKUPS_DIR));
    expect(made.file).toMatch(/-manual\.db$/);
    expect(stdout).toContain(path.join(dataDir, BACKUPS_DIR, made.file));
    expect(sessionTitlesIn(path.join(dataDir, BACKUPS_DIR, made.file))).toEqual(['Backed up by hand']);
  });

  it('refuses a damaged database (exit 3), moving it aside and naming the newest backup', async () => {
    const { dataDir, file } = dataDirWithSession();
    expect((await runCli(['backup', '--data-dir', dataDir])).code).toBe(0);
    const [made] = listBackups(path.join(dataDir, BACKUPS_DIR));
    const garbage = crypto.randomBytes(10_000);
    fs.writeFileSync(file, garbage);

    const { code, stderr } = await runCli(['backup', '--data-dir', dataDir], cleanEnv());
    expect(code).toBe(3);
    expect(stderr).toContain('damaged');
    expect(stderr).toContain(path.join(dataDir, BACKUPS_DIR, made.file));
    const moved = fs.readdirSync(dataDir).find((f) => f.startsWith(`${DATABASE_FILE}.damaged-`))!;
    expect(fs.readFileSync(path.join(dataDir, moved)).equals(garbage)).toBe(true);
    expect(listBackups(path.join(dataDir, BACKUPS_DIR))).toEqual([made]);
  });
});
