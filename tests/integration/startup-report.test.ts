import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import type { Backend } from '../../main/service/backend';
import { Backups, BACKUPS_DIR, listBackups, type BackupInfo } from '../../main/store/backups';
import { DATABASE_FILE, DatabaseDamagedError, DatabaseRefusedError, MigrationFailedError, openDatabase } from '../../main/store/database';
import { MIGRATIONS, type Migration } from '../../main/store/migrations';
import { buildCliIfStale, killAllServes, runCli, startServe } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';
import { backendForTest } from '../helpers/backend';

beforeAll(() => buildCliIfStale(), 60_000);

afterEach(() => killAllServes());

const start = (dataDir: string, migrations?: readonly Migration[]): Backend => backendForTest(dataDir, { migrations });

async function callBackend<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = (await backend.dispatch(method, input, { clientId: 'test' })) as Reply<MethodOutput<M>>;
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

async function post<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', body: JSON.stringify(input) });
  return (await response.json()) as Reply<MethodOutput<M>>;
}

async function call<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await post(url, method, input);
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

const titlesAt = async (url: string) => (await call(url, 'session.list', {})).map((s) => s.title);

function insertSession(db: Database.Database, title: string): void {
  const now = Date.now();
  db.prepare('INSERT INTO sessions (id, title, client, workshop_date, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)').run(`s_${title.length}`, title, '', now, now);
}

/** A data dir whose database holds one session and has one backup of it, both closed again. */
async function dataDirWithBackup(title: string): Promise<{ dataDir: string; file: string; backup: BackupInfo }> {
  const dataDir = tempDirForTest('startup');
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  insertSession(db, title);
  const backup = await new Backups(file).create(db, 'manual').finally(() => db.close());
  return { dataDir, file, backup };
}

/** Leaves whatever files `from` has in the data dir, named, with their bytes. */
function filesIn(dataDir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(dataDir)) {
    const full = path.join(dataDir, name);
    if (fs.statSync(full).isFile()) result[name] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return result;
}

const backupsOf = (dataDir: string) => listBackups(path.join(dataDir, BACKUPS_DIR));

describe('groundwork serve on a damaged database', () => {
  it('keeps serving on an empty database, says so with the newest backup, and restoring it brings the sessions back', async () => {
    const { dataDir, file, backup } = await dataDirWithBackup('Acme offsite');
    const garbage = crypto.randomBytes(64 * 1024);
    fs.writeFileSync(file, garbage);

    const serve = await startServe(['--port', '0', '--data-dir', dataDir]);
    await vi.waitFor(() => expect(serve.stderr()).toContain('Restore newest backup'), { timeout: 10_000 });
    const report = await call(serve.url, 'app.startupReport', {});
    expect(report).toMatchObject({ problem: 'damaged', newestBackup: backup, message: expect.stringContaining('damaged') });
    expect(path.dirname(report!.movedTo)).toBe(dataDir);
    expect(path.basename(report!.movedTo)).toMatch(/^groundwork\.db\.damaged-/);
    expect(fs.readFileSync(report!.movedTo).equals(garbage)).toBe(true);

    const printed = serve.stderr();
    expect(printed).toContain(report!.message);
    expect(printed).toContain(path.join(dataDir, BACKUPS_DIR, backup.file));
    expect(printed).toContain(serve.url);

    expect(await titlesAt(serve.url)).toEqual([]);
    // The empty database is not backed up over the real backups at start.
    expect(backupsOf(dataDir)).toEqual([backup]);

    await call(serve.url, 'backup.restore', { file: backup.file });
    expect(await titlesAt(serve.url)).toEqual(['Acme offsite']);
    expect(await call(serve.url, 'app.startupReport', {})).toBeNull();
    expect(fs.readFileSync(report!.movedTo).equals(garbage)).toBe(true);
  });

  it('"Start with an empty database" dismisses the report and leaves the damaged file and the backups as they are', async () => {
    const { dataDir, file, backup } = await dataDirWithBackup('Acme offsite');
    fs.writeFileSync(file, 'this is not a database at all, just words '.repeat(100));
    const backend = start(dataDir);
    const report = await callBackend(backend, 'app.startupReport', {});
    const movedBytes = fs.readFileSync(report!.movedTo);

    await callBackend(backend, 'session.create', { title: 'Started afresh' });
    expect(await callBackend(backend, 'app.dismissStartupReport', {})).toEqual({});
    expect(await callBackend(backend, 'app.startupReport', {})).toBeNull();
    expect((await callBackend(backend, 'session.list', {})).map((s) => s.title)).toEqual(['Started afresh']);
    expect(fs.readFileSync(report!.movedTo).equals(movedBytes)).toBe(true);
    expect(backupsOf(dataDir)).toEqual([backup]);
  });

  it('says there is no backup when there is none', () => {
    const dataDir = tempDirForTest('startup');
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE), crypto.randomBytes(8192));
    expect(start(dataDir).startupReport).toMatchObject({ problem: 'damaged', newestBackup: null });
  });
});

describe('groundwork serve on a database an update step fails on', () => {
  const SNAPSHOTS_STEP = MIGRATIONS.findIndex((m) => m.name === '0004_snapshots');

  /** A database from before 0004_snapshots that already has a table of that name: the step fails on its data. */
  function dataDirTheUpdateFailsOn(): { dataDir: string; file: string; bytes: Buffer } {
    const dataDir = tempDirForTest('startup');
    const file = path.join(dataDir, DATABASE_FILE);
    const db = openDatabase(file, MIGRATIONS.slice(0, SNAPSHOTS_STEP));
    insertSession(db, 'Made before the update');
    db.exec('CREATE TABLE snapshots (note TEXT)');
    db.close();
    return { dataDir, file, bytes: fs.readFileSync(file) };
  }

  it('keeps serving on an empty database and sets the file aside exactly as it was', async () => {
    const { dataDir, bytes } = dataDirTheUpdateFailsOn();

    const serve = await startServe(['--port', '0', '--data-dir', dataDir]);
    await vi.waitFor(() => expect(serve.stderr()).toContain('0004_snapshots'), { timeout: 10_000 });
    const report = await call(serve.url, 'app.startupReport', {});
    expect(report).toMatchObject({ problem: 'update-failed', message: expect.stringContaining('could not update'), detail: expect.stringContaining('snapshots') });
    expect(path.basename(report!.movedTo)).toMatch(/^groundwork\.db\.not-updated-/);
    expect(fs.readFileSync(report!.movedTo).equals(bytes)).toBe(true);
    expect(report!.newestBackup?.file).toMatch(/-before-0004_snapshots\.db$/);
    expect(serve.stderr()).toContain(report!.movedTo);
    expect(serve.stderr()).toContain(serve.url);

    expect(await titlesAt(serve.url)).toEqual([]);
    await call(serve.url, 'session.create', { title: 'Works on the empty one' });
    expect(await titlesAt(serve.url)).toEqual(['Works on the empty one']);
  });

  it('the copy made before the update fails the same step, so restoring it changes nothing (which is why it is not offered)', async () => {
    const { dataDir } = dataDirTheUpdateFailsOn();
    const backend = start(dataDir);
    const report = backend.startupReport!;

    const reply = await backend.dispatch('backup.restore', { file: report.newestBackup!.file }, { clientId: 'test' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('0004_snapshots') } });
    expect(await callBackend(backend, 'session.list', {})).toEqual([]);
    expect(await callBackend(backend, 'app.startupReport', {})).toEqual(report);
  });

  it('puts the file back and refuses to start when even an empty database fails the step', () => {
    const dataDir = tempDirForTest('startup');
    const file = path.join(dataDir, DATABASE_FILE);
    const first: Migration[] = [{ name: '0001_a', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1);' }];
    openDatabase(file, first).close();
    const before = fs.readFileSync(file);

    const error = thrownBy(MigrationFailedError, () => start(dataDir, [...first, { name: '0002_broken', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY,);' }]));
    expect(error.message).toContain('0002_broken');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((name) => name !== BACKUPS_DIR)).toEqual([DATABASE_FILE]);
  });
});

describe('a database Groundwork must not set aside', () => {
  it('from a newer version is refused, byte for byte as it was, with nothing moved', () => {
    const dataDir = tempDirForTest('startup');
    const file = path.join(dataDir, DATABASE_FILE);
    openDatabase(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, '9999_from_the_future', Date.now());
    db.close();
    const before = filesIn(dataDir);

    const error = thrownBy(DatabaseRefusedError, () => start(dataDir));
    expect(error).not.toBeInstanceOf(DatabaseDamagedError);
    expect(error.message).toMatch(/newer/);
    expect(filesIn(dataDir)).toEqual(before);
  });

  it('is refused by a one-shot command when damaged (exit 3), which never works on an empty database', async () => {
    const { dataDir, file, backup } = await dataDirWithBackup('Acme offsite');
    fs.writeFileSync(file, crypto.randomBytes(10_000));

    const { code, stderr } = await runCli(['templates', 'list', '--data-dir', dataDir]);
    expect(code).toBe(3);
    expect(stderr).toContain('damaged');
    expect(stderr).toContain(path.join(dataDir, BACKUPS_DIR, backup.file));
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))).toHaveLength(1);
  });
});
