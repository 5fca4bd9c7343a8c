/** `groundwork serve` as a child process, its HTTP API, and its memory as the kernel counts it. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_DIR, CLI } from './app.mjs';
import { ms, now } from './stats.mjs';

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `groundwork-bench-${name}-`));
}

/**
 * Spawns `node dist/main/cli/groundwork.js serve --port 0 --data-dir DIR` and resolves once it
 * prints its URL, with how long that took from the spawn.
 */
export function startServe(dataDir) {
  const started = now();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: APP_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GROUNDWORK_DATA_DIR: '' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /Groundwork is running at (http:\/\/\S+\/)/.exec(output);
      if (match && !server.url) {
        server.url = match[1];
        server.listeningMs = ms(started);
        resolve(server);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code, signal) => reject(new Error(`groundwork serve exited (${code ?? signal}) before it was running:\n${output}`)));
    const server = {
      child,
      url: '',
      listeningMs: 0,
      started,
      output: () => output,
      call: (method, input) => call(server.url, method, input),
      /** Peak resident set (VmHWM) and current RSS of the server process, in MiB. */
      memory: () => processMemory(child.pid),
      stop: () =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
  });
}

export async function call(baseUrl, method, input) {
  const response = await fetch(`${baseUrl}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const reply = await response.json();
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.code} ${reply.error?.message} ${JSON.stringify(reply.error?.path)}`);
  return reply.result;
}

export function processMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}
