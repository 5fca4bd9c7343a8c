import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'main', 'cli', 'groundwork.js');
/** tsconfig.main.json's tsBuildInfoFile. */
const BUILD_STATE = path.join(ROOT, 'dist', 'main', 'tsconfig.tsbuildinfo');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/main with tsc when the CLI is missing or a source file is newer than the last build,
 * so the process under test runs the code under test. `tsc -b` rewrites only the outputs that
 * changed, so its build state, not the CLI, tells when it last ran. Errors in files the CLI does
 * not load (the Electron shell) do not stop it as long as tsc built.
 */
export function buildCliIfStale(): void {
  const sourcesChanged = Math.max(newestSource(path.join(ROOT, 'main')), newestSource(path.join(ROOT, 'shared')));
  const built = () => (fs.existsSync(CLI) && fs.existsSync(BUILD_STATE) ? fs.statSync(BUILD_STATE).mtimeMs : 0);
  if (built() >= sourcesChanged) return;
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.main.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const fresh = built() >= started - 1000;
  if (!fresh) throw new Error(`Building the CLI failed:\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) console.warn(`tsc reported errors but wrote the CLI:\n${result.stdout}`);
}

/** The environment of the test run without GROUNDWORK_DATA_DIR, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('GROUNDWORK_DATA_DIR' in extra)) delete env.GROUNDWORK_DATA_DIR;
  return env;
}

interface ServeProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout contains `text`. */
  waitForStdout(text: string): Promise<void>;
  /** SIGKILL, then wait for the process to be gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** `node dist/main/cli/groundwork.js serve ...args`, resolved once it prints its URL. */
export function startServe(args: string[], env = cleanEnv()): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));

  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  const waitForStdout = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stdout.includes(text)) return false;
        child.stdout!.off('data', check);
        resolve();
        return true;
      };
      if (check()) return;
      child.stdout!.on('data', check);
      child.once('exit', () => reject(new Error(`serve exited before printing ${JSON.stringify(text)}:\n${stdout}${stderr}`)));
    });

  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^Groundwork is running at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (match) resolve({ child, url: match[1], stdout: () => stdout, stderr: () => stderr, waitForStdout, kill });
    });
    child.once('exit', (code, signal) => reject(new Error(`serve exited (${code ?? signal}) before it was running:\n${stdout}${stderr}`)));
  });
}

/** Kills every serve process a test left running. */
export async function killAllServes(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Runs the CLI to its end (for commands that are expected to exit). */
export function runCli(args: string[], env = cleanEnv(), cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}
