import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfPrinter } from '../../main/export/printer';
import { startBackend } from '../../main/service/backend';
import { serve } from '../../main/transport/http-server';
import { freePort } from '../helpers/free-port';

const CLI = path.resolve(__dirname, '../../dist/main/cli/groundwork.js');

export interface ServedShell {
  url: string;
  dataDir: string;
  /** Calls the API over HTTP, as a second client would. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}


function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`groundwork serve exited with ${code}:\n${output}`)));
  });
}

async function callOver<T>(url: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${url}api/${method}`, { method: 'POST', body: JSON.stringify(input) });
  const reply = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!reply.ok) throw new Error(reply.error?.message);
  return reply.result as T;
}

/** `groundwork serve` as a real child process on its own data dir; restartable on the same port. */
export async function startServedShell(): Promise<ServedShell> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-e2e-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const shell: ServedShell = {
    url: '',
    dataDir,
    async start() {
      // The room, when a test opens it, listens on a loopback address, never on a real interface.
      child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--data-dir', dataDir, '--room-host', '127.0.0.2'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GROUNDWORK_DATA_DIR: '' },
      });
      shell.url = await waitForUrl(child);
    },
    async stop(signal = 'SIGTERM') {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill(signal);
      });
    },
    call: (method, input) => callOver(shell.url, method, input),
  };
  await shell.start();
  return shell;
}

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');

/**
 * The served shell in this process, printing with `printer`: for a test that must hold the
 * printer where it wants it. It cannot be restarted; `stop` closes it.
 */
export async function startShellWith(printer: PdfPrinter): Promise<ServedShell> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-e2e-'));
  const backend = startBackend(dataDir, { printer, shell: 'served shell' });
  const server = await serve(backend, { host: '127.0.0.1', port: 0, rendererDir: RENDERER_DIR });
  return {
    url: server.url,
    dataDir,
    call: (method, input) => callOver(server.url, method, input),
    async stop() {
      await server.close();
      backend.close();
    },
    start: () => Promise.reject(new Error('an in-process shell cannot be restarted')),
  };
}
