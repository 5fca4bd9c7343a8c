import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, parseLock } from '../../main/store/data-lock';
import { buildCliIfStale, killAllServes, runCli, startServe } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';

beforeAll(() => buildCliIfStale(), 60_000);
afterEach(() => killAllServes());

/** Every file in the folder with its size and modification time: what "writes nothing" is checked against. */
const contentsOf = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const stat = fs.statSync(file);
        return [path.relative(dir, file), `${stat.size}:${stat.mtimeMs}`];
      }),
  );

describe('two shells on one data folder', () => {
  it('refuses a second `serve`, naming the one that holds the folder, and writes nothing', async () => {
    const dataDir = tempDirForTest('lock');
    const first = await startServe(['--port', '0', '--data-dir', dataDir]);
    const before = contentsOf(dataDir);
    expect(Object.keys(before)).toContain('groundwork.db');

    const second = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(second.code).toBe(5);
    expect(second.stderr).toContain(`the served shell (pid ${first.child.pid}, since `);
    expect(second.stderr).toContain('wrote nothing');
    expect(second.stdout).not.toContain('running at');
    expect(contentsOf(dataDir)).toEqual(before);
    // The first one is still serving.
    expect((await fetch(new URL('api/session.list', first.url), { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('takes over the lock a SIGKILLed serve left behind', async () => {
    const dataDir = tempDirForTest('lock');
    const first = await startServe(['--port', '0', '--data-dir', dataDir]);
    await first.kill();
    expect(parseLock(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.child.pid, shell: 'served shell' });

    const second = await startServe(['--port', '0', '--data-dir', dataDir]);
    expect(parseLock(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: second.child.pid });
  });

  it('removes its lock when stopped cleanly', async () => {
    const dataDir = tempDirForTest('lock');
    const serve = await startServe(['--port', '0', '--data-dir', dataDir]);
    const exit = await new Promise<unknown>((resolve) => {
      serve.child.once('exit', (code, signal) => resolve({ code, signal }));
      serve.child.kill('SIGTERM');
    });
    expect({ exit, lock: fs.existsSync(path.join(dataDir, LOCK_FILE)) }, serve.stderr()).toEqual({ exit: { code: 0, signal: null }, lock: false });
  });

  it('lets the one-shot commands read beside a running shell, and refuses an import behind its back', async () => {
    const dataDir = tempDirForTest('lock');
    const serve = await startServe(['--port', '0', '--data-dir', dataDir]);
    const list = await runCli(['templates', 'list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('built-in');
    expect(list.stderr).toContain(`the served shell (pid ${serve.child.pid}`);

    const file = path.join(dataDir, 'x.groundwork.json');
    fs.writeFileSync(file, '{}');
    const before = contentsOf(dataDir);
    const imported = await runCli(['import', file, '--data-dir', dataDir]);
    expect(imported.code).toBe(5);
    expect(imported.stderr).toContain('nothing was imported');
    expect(imported.stderr).toContain(`pid ${serve.child.pid}`);
    expect(contentsOf(dataDir)).toEqual(before);
  });
});
