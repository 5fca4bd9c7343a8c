import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import { DATABASE_FILE, openDatabase } from '../../main/store/database';
import { MIGRATIONS } from '../../main/store/migrations';
import { noteNode, roleNode, sampleEdge } from '../helpers/sample';
import { buildCliIfStale, cleanEnv, killAllServes, runCli, startServe } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';

beforeAll(() => buildCliIfStale(), 60_000);

afterEach(() => killAllServes());

async function call<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', body: JSON.stringify(input) });
  const reply = (await response.json()) as Reply<MethodOutput<M>>;
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('groundwork serve as a process', () => {
  it('keeps every committed edit when killed with SIGKILL and started again on the same data dir', async () => {
    const dataDir = tempDirForTest('serve');
    const first = await startServe(['--port', '0', '--data-dir', dataDir]);
    const session = await call(first.url, 'session.create', { title: 'Acme offsite', client: 'Acme', workshopDate: '2026-11-22' });
    const boardId = session.boards[0].id;
    const ceo = roleNode({ data: { person: 'Dana', stratum: 6 } });
    const cfo = roleNode({ position: { x: 0, y: 200 }, data: { person: 'Eli', stratum: 5 } });
    const note = noteNode({ position: { x: 300, y: 0 } });
    await call(first.url, 'board.apply', {
      boardId,
      ops: [
        { type: 'node.add', node: ceo },
        { type: 'node.add', node: cfo },
        { type: 'node.add', node: note },
        { type: 'edge.add', edge: sampleEdge(ceo, cfo, { kind: 'reports-to' }) },
      ],
    });
    await call(first.url, 'board.apply', { boardId, ops: [{ type: 'node.move', id: note.id, position: { x: 320, y: 15 } }] });
    await call(first.url, 'board.setViewport', { boardId, viewport: { x: 5, y: 6, zoom: 1.25 } });
    const board = await call(first.url, 'board.get', { id: boardId });
    const detail = await call(first.url, 'session.get', { id: session.id });
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServe(['--port', '0', '--data-dir', dataDir]);
    expect(await call(second.url, 'board.get', { id: boardId })).toEqual(board);
    expect(await call(second.url, 'session.get', { id: session.id })).toEqual(detail);
  });

  it('loads what it needs on first use: prints a PDF handout, and reaches for a team library', async () => {
    const serve = await startServe(['--port', '0', '--data-dir', tempDirForTest('serve')]);
    const session = await call(serve.url, 'session.create', { title: 'Acme offsite' });
    const options = { paper: 'a4', facilitator: 'Dana', findings: true, signals: true, notes: true } as const;
    const { pdf, bytes } = await call(serve.url, 'export.pdf', { sessionId: session.id, options, jobId: 'first_print' });
    expect(bytes).toBeGreaterThan(1000);
    expect(Buffer.from(pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // Nothing listens on port 9 of 127.0.0.1: the library is offline, not an error inside the app.
    await call(serve.url, 'library.setUrl', { url: 'postgres://trainer:secret@127.0.0.1:9/library' });
    const state = await call(serve.url, 'library.sync', {});
    expect(state.offline).toBe(true);
    expect(state.problem).toContain('cannot be reached');
  }, 60_000);

  it('survives a request whose method name is not valid percent-encoding', async () => {
    const serve = await startServe(['--port', '0', '--data-dir', tempDirForTest('serve')]);
    const response = await fetch(new URL('api/%E0%A4%A', serve.url), { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await call(serve.url, 'session.list', {})).toEqual([]);
  });

  it('exits with status 2 and names --port when the port is not a number', async () => {
    const { code, stderr } = await runCli(['serve', '--port', 'abc', '--data-dir', tempDirForTest('serve')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
    expect(stderr).toContain('"abc"');
  });

  it('refuses a database written by a newer version, exiting non-zero with the reason and leaving the file untouched', async () => {
    const dataDir = tempDirForTest('serve');
    const file = path.join(dataDir, DATABASE_FILE);
    openDatabase(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, '9999_from_the_future', Date.now());
    db.close();
    const before = sha256(file);

    const { code, stderr } = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/newer/);
    expect(stderr).toContain('9999_from_the_future');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dataDir)).toEqual([DATABASE_FILE]);
  });

  it('uses GROUNDWORK_DATA_DIR over --data-dir', async () => {
    const flagDir = path.join(tempDirForTest('serve'), 'from-flag');
    const envDir = tempDirForTest('serve');
    const serve = await startServe(['--port', '0', '--data-dir', flagDir], cleanEnv({ GROUNDWORK_DATA_DIR: envDir }));
    await serve.waitForStdout(`Data: ${path.join(envDir, DATABASE_FILE)}`);
    await call(serve.url, 'session.create', { title: 'Where does it go' });
    await serve.kill();

    expect(fs.existsSync(flagDir)).toBe(false);
    const db = new Database(path.join(envDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM sessions').pluck().all()).toEqual(['Where does it go']);
    } finally {
      db.close();
    }
  });
});
