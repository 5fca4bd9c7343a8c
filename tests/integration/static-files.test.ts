import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/backend';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let app: TestServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = makeTempDir('renderer');
  // Found by the server's look-up, unreadable when it is sent: as a file deleted in between is.
  fs.mkdirSync(path.join(rendererDir, 'index.html'));
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  app = await startTestServer({ rendererDir });
});

afterAll(async () => {
  await app.close();
  removeDir(rendererDir);
});

describe('the served files', () => {
  it('answers a file it cannot read with 404 and goes on serving', async () => {
    const route = await fetch(`${app.url}session/s_1`);
    expect(route.status).toBe(404);
    expect(await route.text()).toBe('Not found');
    const asset = await fetch(`${app.url}assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1);');
  });
});
