import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PATH } from '../../shared/api';
import { MAX_MESSAGE_BYTES } from '../../main/transport/http-server';
import { startTestServer, type TestServer } from '../helpers/backend';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { connectSocket } from '../helpers/ws-client';

/** The served shell against hostile requests: rebinding, cross-site calls, oversized input, traversal. */

let app: TestServer;
let rendererDir: string;
let secretFile: string;
let goodHost: string;
const SECRET = 'top secret, outside the renderer folder';
const INDEX = '<!doctype html><title>Groundwork</title>';

beforeAll(async () => {
  rendererDir = makeTempDir('renderer');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  secretFile = path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`);
  fs.writeFileSync(secretFile, SECRET);
  app = await startTestServer({ rendererDir });
  goodHost = new URL(app.url).host;
});

afterAll(async () => {
  await app.close();
  removeDir(rendererDir);
  fs.rmSync(secretFile, { force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request sent exactly as written: any Host, any Origin, the path untouched (fetch would normalise it). */
function raw(target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.url);
    const req = http.request({ host: url.hostname, port: url.port, path: target, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (method: string, body: unknown, headers: Record<string, string>) =>
  raw(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const sessionCount = async () => (await app.call('session.list', {})).length;

/** Opens a WebSocket with the given headers; resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(new URL(WS_PATH, app.url.replace(/^http/, 'ws')), { headers });
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.on('open', () => {
      socket.close();
      resolve({ status: 101, body: '' });
    });
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

const forbidden = (header: string) => ({ ok: false, error: { code: 'forbidden', path: ['headers', header], message: expect.any(String) } });

describe('DNS rebinding: a Host that is not this server', () => {
  const attacker = () => ({ host: `evil.example:${new URL(app.url).port}` });

  it('gets 403 and a typed error on the API, and nothing is written', async () => {
    const before = await sessionCount();
    const { status, text } = await post('session.create', { title: 'Planted' }, attacker());
    expect(status).toBe(403);
    expect(JSON.parse(text)).toEqual(forbidden('host'));
    expect(await sessionCount()).toBe(before);
  });

  it('gets 403 for the page and its files', async () => {
    for (const target of ['/', '/index.html', '/assets/app.js']) {
      const { status, text } = await raw(target, { headers: attacker() });
      expect({ target, status }).toEqual({ target, status: 403 });
      expect(text).not.toContain('Groundwork</title>');
    }
  });

  it('gets 403 for a WebSocket upgrade; no socket opens', async () => {
    const { status, body } = await upgradeStatus({ ...attacker(), origin: 'http://evil.example' });
    expect(status).toBe(403);
    expect(JSON.parse(body)).toEqual(forbidden('host'));
  });

  it('gets 403 even when its Origin matches its own hostile Host', async () => {
    const { status } = await post('session.list', {}, { ...attacker(), origin: `http://${attacker().host}` });
    expect(status).toBe(403);
  });
});

describe('cross-site requests: an Origin that is not a page of ours', () => {
  it('a POST from https://evil.example gets 403 and writes nothing', async () => {
    const before = await sessionCount();
    const { status, text, headers } = await post('session.create', { title: 'Planted' }, { host: goodHost, origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(JSON.parse(text)).toEqual(forbidden('origin'));
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await sessionCount()).toBe(before);
  });

  it('a text/plain "simple" POST from another site (no preflight) is refused too', async () => {
    const before = await sessionCount();
    const { status } = await raw('/api/session.create', {
      method: 'POST',
      headers: { host: goodHost, origin: 'http://attacker.test', 'content-type': 'text/plain' },
      body: JSON.stringify({ title: 'Planted' }),
    });
    expect(status).toBe(403);
    expect(await sessionCount()).toBe(before);
  });

  it('Origin "null" (a sandboxed frame, a file) is refused', async () => {
    expect((await post('session.list', {}, { host: goodHost, origin: 'null' })).status).toBe(403);
  });

  it('a WebSocket from another site gets 403 (cross-site WebSocket hijacking)', async () => {
    expect((await upgradeStatus({ origin: 'https://evil.example' })).status).toBe(403);
  });

  it('our own page may call, by any of its loopback names', async () => {
    const port = new URL(app.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await post('session.list', {}, { host: goodHost, origin })).status).toBe(200);
    }
    expect((await upgradeStatus({ origin: `http://127.0.0.1:${port}` })).status).toBe(101);
  });

  it('a call with no Origin and a good Host (curl, the CLI) is answered', async () => {
    const { status, text } = await post('session.list', {}, { host: goodHost });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ ok: true });
  });
});

describe('sizes', () => {
  it(`a request body over ${MAX_MESSAGE_BYTES} bytes gets 413 too_large; the server answers the next call`, async () => {
    const huge = JSON.stringify({ title: 'x', client: 'y'.repeat(MAX_MESSAGE_BYTES) });
    const { status, text } = await raw('/api/session.create', { method: 'POST', headers: { host: goodHost }, body: huge });
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect((await post('session.list', {}, { host: goodHost })).status).toBe(200);
  });

  it('a WebSocket message over the limit closes that socket with 1009; others carry on', async () => {
    const victim = await connectSocket(app.url);
    const bystander = await connectSocket(app.url);
    const closed = new Promise<number>((resolve) => victim.socket.once('close', (code) => resolve(code)));
    victim.sendRaw(JSON.stringify({ id: 1, method: 'session.list', input: { query: 'q'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    expect(await bystander.call('session.list', {})).toMatchObject({ ok: true });
    await bystander.close();
  });
});

describe('static files: no way out of the renderer folder', () => {
  const secretName = () => path.basename(secretFile);

  it('never serves a file outside it, however the path is spelled', async () => {
    const name = secretName();
    const targets = [
      `/../${name}`,
      `/%2e%2e/${name}`,
      `/%2E%2E/${name}`,
      `/..%2f${name}`,
      `/..%5c${name}`,
      `/%2e%2e%5c${name}`,
      `/assets/../../${name}`,
      `/assets/%2e%2e/%2e%2e/${name}`,
      `/%252e%252e/${name}`,
      `//..//..//${name}`,
      `/.%2e/${name}`,
      `/${name}%00.js`,
      `/assets/app.js/../../../${name}`,
      `/${path.resolve(secretFile)}`,
      `/${encodeURIComponent(path.resolve(secretFile))}`,
    ];
    for (const target of targets) {
      const { status, text } = await raw(target, { headers: { host: goodHost } });
      expect({ target, status, leaked: text.includes(SECRET) }).toEqual({ target, status: 404, leaked: false });
    }
  });

  it('an extensionless traversal gets the app page (a route), never the file it names', async () => {
    for (const target of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd']) {
      const { status, text } = await raw(target, { headers: { host: goodHost } });
      expect({ target, status }).toEqual({ target, status: 200 });
      expect(text).toBe(INDEX);
    }
  });
});

describe('security headers', () => {
  it('every kind of answer carries CSP with frame-ancestors none, nosniff and framing refused', async () => {
    const answers = [
      await raw('/', { headers: { host: goodHost } }),
      await raw('/assets/app.js', { headers: { host: goodHost } }),
      await raw('/missing.js', { headers: { host: goodHost } }),
      await post('session.list', {}, { host: goodHost }),
      await post('session.list', {}, { host: 'evil.example' }),
    ];
    for (const { status, headers } of answers) {
      const csp = String(headers['content-security-policy']);
      expect({ status, csp }).toEqual({ status, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });
});
