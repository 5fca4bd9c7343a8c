/**
 * Where the app under test lives and how to load its compiled parts. BENCH_APP_DIR points the
 * bench at another checkout (a clean tree while this one is mid-edit); results always go to this
 * repository's bench/results.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const APP_DIR = path.resolve(process.env.BENCH_APP_DIR || path.join(BENCH_DIR, '..'));
export const CLI = path.join(APP_DIR, 'dist', 'main', 'cli', 'groundwork.js');
const RENDERER_INDEX = path.join(APP_DIR, 'dist', 'renderer', 'index.html');

const require = createRequire(path.join(APP_DIR, 'package.json'));
/** A module of the compiled app, e.g. dist('main/store/store'). */
export const dist = (module) => require(path.join(APP_DIR, 'dist', module));

function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(tsx?|css|html)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** Runs `npm run build` when dist is missing or older than a source file, so the bench measures the code as it is. */
export function buildIfStale(log = console.log) {
  const sources = Math.max(...['main', 'shared', 'renderer'].map((d) => newestSource(path.join(APP_DIR, d))));
  const built = Math.min(mtime(CLI), mtime(RENDERER_INDEX));
  if (built >= sources) return { built: false };
  log(`dist is older than the sources: npm run build in ${APP_DIR}`);
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: APP_DIR, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed in ${APP_DIR}; the bench would measure stale or half-built code.\n` +
        `${result.stdout}${result.stderr}\n` +
        'Fix the build, or point BENCH_APP_DIR at a tree that builds (e.g. `git archive HEAD | tar -x -C DIR` with node_modules linked).',
    );
  }
  return { built: true };
}

export function gitDescribe() {
  const run = (args) => spawnSync('git', args, { cwd: APP_DIR, encoding: 'utf8' });
  const head = run(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return { commit: null, dirty: null };
  const status = run(['status', '--porcelain', '--', 'main', 'shared', 'renderer']);
  return { commit: head.stdout.trim(), dirty: status.stdout.trim().length > 0 };
}
