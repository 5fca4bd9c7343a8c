import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../../main/store/backups';
import { DATABASE_FILE, openDatabase } from '../../main/store/database';
import { buildCliIfStale, ROOT } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';
import { backendForTest } from '../helpers/backend';

/**
 * "An edit is on disk when main has acknowledged it": every commit is fsynced before it returns
 * (synchronous=FULL in WAL mode). Checked on the connections the app opens, and measured: the
 * fsync calls of a real process committing to a real file, counted by strace.
 */

const FULL = 2;

describe('every connection that writes the database fsyncs each commit', () => {
  it('openDatabase, the backend, and the database a restore reopens are synchronous=FULL in WAL mode', async () => {
    const dataDir = tempDirForTest('durable');
    const file = path.join(dataDir, DATABASE_FILE);
    const db = openDatabase(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const backup = await new Backups(file).create(db, 'manual');
    db.close();

    const backend = backendForTest(dataDir);
    expect(backend.store.db.pragma('synchronous', { simple: true })).toBe(FULL);
    const reply = await backend.dispatch('backup.restore', { file: backup.file }, { clientId: 'test' });
    expect(reply.ok).toBe(true);
    expect(backend.store.db.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});

const hasStrace = spawnSync('strace', ['-V']).status === 0;

/** A child process that opens the app's backend on `dir` and commits `commits` board edits, one transaction each. */
const CHILD = `
const { startBackend } = require(process.argv[1]);
const [dir, commits, synchronous] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
(async () => {
  const backend = startBackend(dir);
  if (synchronous) backend.store.db.pragma('synchronous = ' + synchronous);
  const reply = await backend.dispatch('session.create', { title: 'Durable' }, { clientId: 'child' });
  const boardId = reply.result.boards[0].id;
  for (let i = 0; i < commits; i++) {
    const node = { id: 'n_' + i, kind: 'text', position: { x: i, y: 0 }, size: null, data: { text: 'edit ' + i } };
    backend.store.applyOps(boardId, [{ type: 'node.add', node }]);
  }
  backend.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** fsync + fdatasync calls made by a child that commits `commits` times on a fresh data folder. */
function fsyncsFor(commits: number, synchronous?: 'NORMAL'): number {
  const dir = tempDirForTest('durable');
  const summary = path.join(dir, 'strace.txt');
  const backend = path.join(ROOT, 'dist', 'main', 'service', 'backend.js');
  const args = ['-f', '-c', '-e', 'trace=fsync,fdatasync', '-o', summary, process.execPath, '-e', CHILD, backend, path.join(dir, 'data'), String(commits), synchronous ?? ''];
  const run = spawnSync('strace', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`strace or the child failed (${run.status}): ${run.stderr}`);
  // Rows of `strace -c`: % time, seconds, usecs/call, calls, [errors,] syscall.
  return fs
    .readFileSync(summary, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => ['fsync', 'fdatasync'].includes(fields[fields.length - 1]))
    .reduce((sum, fields) => sum + Number(fields[3]), 0);
}

/**
 * The fsyncs are counted by strace, which .ci/run installs: in CI this measurement must run. A
 * developer's machine without strace cannot count them, and says so instead of passing quietly.
 */
const STRACE_MISSING = 'strace is not installed (apt-get install strace), so the fsyncs cannot be counted';
if (!hasStrace && process.env.CI) throw new Error(`CI must measure the fsyncs, but ${STRACE_MISSING}`);
if (!hasStrace) console.log(`fsync measurement skipped: ${STRACE_MISSING}.`);

describe.skipIf(!hasStrace)('fsyncs measured with strace', () => {
  beforeAll(() => buildCliIfStale(), 60_000);

  const COMMITS = 200;

  it('200 acknowledged commits make at least 200 fsyncs', () => {
    const setUp = fsyncsFor(0);
    const withCommits = fsyncsFor(COMMITS);
    expect(withCommits - setUp).toBeGreaterThanOrEqual(COMMITS);
  });

  it('with synchronous=NORMAL (as before) the same commits make next to none: the reproduction', () => {
    const setUp = fsyncsFor(0, 'NORMAL');
    const withCommits = fsyncsFor(COMMITS, 'NORMAL');
    expect(withCommits - setUp).toBeLessThan(COMMITS / 10);
  });
});
