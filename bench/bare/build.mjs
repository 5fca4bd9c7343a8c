/** Builds the bare React Flow page with Vite (production React, like the app's renderer). */
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from '../lib/app.mjs';

const ROOT = path.join(BENCH_DIR, 'bare');
/**
 * A build cache, like Vite's own node_modules/.vite: ignored by git and by `eslint .`, which would
 * lint a bundle under bench/ (and electron-builder packages all of dist/).
 */
export const BARE_DIST = path.join(BENCH_DIR, '..', 'node_modules', '.cache', 'groundwork-bench', 'bare');

function newest(dir) {
  return Math.max(...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
}

/** `minify: false` builds a copy of its own whose functions keep their names, for profiles. */
export async function buildBare(log = console.log, { minify = true } = {}) {
  const outDir = minify ? BARE_DIST : `${BARE_DIST}-unminified`;
  const index = path.join(outDir, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest(ROOT)) return outDir;
  log('building the bare React Flow page (vite)');
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    root: ROOT,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000, minify },
  });
  return outDir;
}
