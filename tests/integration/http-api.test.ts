import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, methods, type MethodName } from '../../shared/api';
import { describePath } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { MAX_MESSAGE_BYTES } from '../../main/transport/http-server';
import { startTestServer, type TestServer } from '../helpers/backend';
import { noteNode, roleNode } from '../helpers/sample';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let app: TestServer;
let rendererDir: string;
let sessionId: string;
let boardId: string;

beforeAll(async () => {
  rendererDir = makeTempDir('renderer');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Groundwork</title>');
  fs.writeFileSync(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), 'secret');
  app = await startTestServer({ rendererDir });
  const session = await app.call('session.create', { title: 'Acme offsite', client: 'Acme' });
  sessionId = session.id;
  boardId = session.boards[0].id;
  await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node: roleNode() }] });
});

afterAll(async () => {
  await app.close();
  removeDir(rendererDir);
  fs.rmSync(`${rendererDir}-secret.txt`, { force: true });
});

/** Everything a refused call could have written to: the sessions and the seeded board. */
async function writableState() {
  return { sessions: await app.call('session.list', {}), board: await app.call('board.get', { id: boardId }) };
}

const shapeOf = (method: MethodName) => (methods[method].input as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;

/** `{}` when the method has required fields; otherwise its first field with a value of the wrong type. */
/** An input the method refuses, and the field its error must name (null: the input as a whole). */
function malformedInput(method: MethodName): { input: Record<string, unknown>; field: string | null } {
  const shape = shapeOf(method);
  const empty = methods[method].input.safeParse({});
  // The schema itself says which required field an empty input lacks (z.unknown() accepts undefined, so ask it).
  if (!empty.success) return { input: {}, field: String(empty.error.issues[0].path[0]) };
  const fields = Object.keys(shape);
  if (!fields.length) return { input: { unexpected: true }, field: null };
  const field = fields[0];
  const wrong = [5, 'text', true, {}].find((value) => !shape[field].safeParse(value).success);
  return { input: { [field]: wrong }, field };
}

const refusal = (path: unknown) => ({ ok: false, error: { code: 'invalid_input', path, message: expect.any(String) } });

describe('every method of the contract refuses bad input over HTTP', () => {
  it.each(methodNames)('%s: a malformed input gets 400 invalid_input naming the field, and nothing is written', async (method) => {
    const before = await writableState();
    const { input, field } = malformedInput(method);
    const { status, body } = await app.post(method, input);
    expect(status).toBe(400);
    expect(body).toEqual(refusal(field === null ? [] : [field]));
    expect((body as { error: { message: string } }).error.message).toMatch(new RegExp(`^${field ?? 'input'}: `));
    expect(await writableState()).toEqual(before);
  });

  it.each(methodNames)('%s: an input of the wrong type gets 400 invalid_input, and nothing is written', async (method) => {
    const before = await writableState();
    for (const input of [[], 'text', 42, null]) {
      const { status, body } = await app.post(method, JSON.stringify(input));
      expect({ input, status }).toEqual({ input, status: 400 });
      expect(body).toEqual(refusal([]));
      expect((body as { error: { message: string } }).error.message).toMatch(new RegExp(`^${describePath([])}: `));
    }
    expect(await writableState()).toEqual(before);
  });
});

describe('the HTTP API', () => {
  it('answers a valid call with 200 and the result', async () => {
    const { status, body } = await app.post('session.get', { id: sessionId });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, result: { id: sessionId, title: 'Acme offsite', boards: [{ id: boardId }] } });
  });

  it('an unknown method gets 404 unknown_method', async () => {
    const { status, body } = await app.post('session.explode', {});
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown_method', path: ['method'] } });
    expect((body as { error: { message: string } }).error.message).toContain('session.explode');
  });

  it('a method name that is not valid percent-encoding gets 404 unknown_method, not a server error', async () => {
    const { status, body } = await app.post('session.%E0%A4%A', {});
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('a body that is not JSON gets 400 invalid_input', async () => {
    const { status, body } = await app.post('session.create', '{"title": "unfinished');
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('JSON') } });
  });

  it('GET on an API path gets 405 and says to use POST', async () => {
    const response = await fetch(new URL('api/session.list', app.url));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('an unknown session id gets 404 not_found naming id', async () => {
    const { status, body } = await app.post('session.get', { id: 's_doesnotexist' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'not_found', path: ['id'] } });
  });

  it('a title past 200 characters is refused naming title, and no session is created', async () => {
    const before = await writableState();
    const { status, body } = await app.post('session.create', { title: 'x'.repeat(201) });
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['title'], message: expect.stringMatching(/^title: /) } });
    expect(status).toBe(400);
    expect(await app.post('session.create', { title: 'x'.repeat(200) })).toMatchObject({ status: 200 });
    const after = await app.call('session.list', {});
    expect(after.length).toBe(before.sessions.length + 1);
  });

  it('a body over 16 MiB gets 413 too_large', async () => {
    const huge = JSON.stringify({ title: 'x', client: 'y'.repeat(MAX_MESSAGE_BYTES) });
    const { status, body } = await app.post('session.create', huge);
    expect(status).toBe(413);
    expect(body).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(await app.post('session.get', { id: sessionId })).toMatchObject({ status: 200 });
  });

  it('a board.apply whose op at index 1 is invalid writes nothing', async () => {
    const before = await app.call('board.get', { id: boardId });
    const first = { type: 'node.add', node: noteNode() };

    const malformed = await app.post('board.apply', { boardId, ops: [first, { type: 'node.move', id: 'x', position: { x: 'far' } }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['ops', 1, 'position', 'x'] } });

    const unfitting = await app.post('board.apply', { boardId, ops: [first, { type: 'node.remove', id: 'n_not_on_board' }] });
    expect(unfitting.status).toBe(404);
    expect(unfitting.body).toMatchObject({ ok: false, error: { code: 'not_found', path: ['ops', 1, 'id'] } });

    const after = await app.call('board.get', { id: boardId });
    expect(after.revision).toBe(before.revision);
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(after).toEqual(before);
  });

  it('API responses carry the security headers and are not cached', async () => {
    const response = await fetch(new URL('api/session.list', app.url), { method: 'POST', body: '{}' });
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('static files', () => {
  it('serves index.html with Content-Security-Policy and X-Content-Type-Options', async () => {
    for (const route of ['/', '/sessions/s_123']) {
      const response = await fetch(new URL(route, app.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Groundwork</title>');
    }
  });

  it('answers a missing file with 404 and the security headers', async () => {
    const response = await fetch(new URL('/missing.js', app.url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves a file outside the renderer folder for an encoded traversal', async () => {
    const secretName = `${path.basename(rendererDir)}-secret.txt`;
    for (const target of [`/%2e%2e/${secretName}`, `/..%2f${secretName}`, `/%2e%2e%2f${secretName}`]) {
      const { status, text } = await rawGet(target);
      expect({ target, status, leaked: text.includes('secret') }).toEqual({ target, status: 404, leaked: false });
    }
  });
});

/** A GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet(target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.url);
    const req = http.request({ host: url.hostname, port: url.port, path: target, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}
