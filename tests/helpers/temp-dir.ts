import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh folder under the OS temp dir; the caller removes it with removeDir. */
export function makeTempDir(label = 'test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `groundwork-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder that is removed when the current test finishes. Call it inside a test. */
export function tempDirForTest(label = 'test'): string {
  const dir = makeTempDir(label);
  onTestFinished(() => removeDir(dir));
  return dir;
}
