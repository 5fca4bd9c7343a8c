import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const hasElectronBinary = (() => {
  try {
    createRequire(__filename)('electron');
    return true;
  } catch {
    return false;
  }
})();

describe('npm start where the Electron binary is missing', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist/main/cli/groundwork.js'))) throw new Error('build first: npm run build');
  });

  it.runIf(!hasElectronBinary)('says why and serves the app in the browser instead, printing its URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-start-'));
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--port', '0', '--data-dir', dataDir], { cwd: root });
    stop = () => child.kill('SIGTERM');
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
    });
    expect(output).toContain('Electron is not available on this machine');
    expect(output).toContain('served shell');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
  });
});
