import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const importsOf = (code: string) => [...code.matchAll(/(?:^|;)\s*import\s*(?:\{[^}]*\}\s*from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);

/** The chunks `file` (in assets/) loads before its own code runs, and theirs, with their sizes in bytes. */
function loadedWith(file: string, seen = new Map<string, number>()): Map<string, number> {
  const code = fs.readFileSync(path.join(RENDERER_DIR, 'assets', file), 'utf8');
  seen.set(file, code.length);
  for (const imported of importsOf(code)) if (!seen.has(imported)) loadedWith(imported, seen);
  return seen;
}

describe('the built editor page', () => {
  it('asks for the board in its address from its first script, which loads nothing of React or the schemas first', () => {
    const html = fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="\.\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    const [first, app] = scripts;
    expect(first).toMatch(/^early-board-/);
    expect(fs.readFileSync(path.join(RENDERER_DIR, 'assets', first), 'utf8')).toContain('board.get');
    // The app's script imports the same chunk, so the request is made once, by one module.
    expect(loadedWith(app).has(first)).toBe(true);
    // Before the request leaves, only a few kilobytes of code run: none of React, React Flow or zod.
    const before = [...loadedWith(first).values()].reduce((sum, size) => sum + size, 0);
    expect(before).toBeLessThan(4_000);
  });
});
