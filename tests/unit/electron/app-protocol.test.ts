import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

let rendererDir: string;
const read = (file: string) => fs.promises.readFile(file);
const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, rendererDir, read);

beforeAll(() => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-protocol-'));
  rendererDir = path.join(parent, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Groundwork</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the renderer');
});
afterAll(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('serves index.html with the Content-Security-Policy header', async () => {
    const response = await get('app://groundwork/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^text\/html/);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(response.body as Uint8Array).toString()).toContain('<title>Groundwork</title>');
  });

  it('serves the built assets with their types', async () => {
    const response = await get('app://groundwork/assets/index.js');
    expect(response).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringMatching(/^text\/javascript/) } });
  });

  it('serves index.html for the root', async () => {
    expect((await get('app://groundwork/')).headers['Content-Type']).toMatch(/^text\/html/);
  });

  it.each([
    'app://groundwork/../secret.txt',
    'app://groundwork/%2e%2e/secret.txt',
    'app://groundwork/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://groundwork/missing.js',
    'app://other/index.html',
  ])('finds nothing at %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://groundwork/index.html', 'POST')).status).toBe(405);
    expect(await get('app://groundwork/index.html', 'HEAD')).toMatchObject({ status: 200, body: null });
  });
});
