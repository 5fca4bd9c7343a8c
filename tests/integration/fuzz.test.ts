import fc from 'fast-check';
import http from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { methodNames, methods, type MethodName } from '../../shared/api';
import { ErrorInfo } from '../../shared/errors';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../main/store/db';
import { STATUS_OF } from '../../main/transport/http-status';
import { startTestServer, type TestServer } from '../helpers/backend';
import { noteNode, roleNode } from '../helpers/sample';

/**
 * Property-based: random and mutated payloads (fast-check) at every method of the contract,
 * through the real HTTP transport on 127.0.0.1. Every reply is a typed error (never 'internal',
 * the code of a throw nothing caught) or a result that matches the output schema; a refused call
 * writes nothing; the server keeps answering. A failure names the method, payload and seed;
 * GROUNDWORK_FUZZ_SEED=<seed> replays it.
 */

const RUNS_PER_METHOD = Number(process.env.GROUNDWORK_FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.GROUNDWORK_FUZZ_SEED ?? Date.now() % 1_000_000);
/** Refused payloads go sixteen at a time; the database is compared before and after each batch. */
const BATCH = 16;

interface Fixtures {
  sessionId: string;
  boardId: string;
  otherBoardId: string;
  nodeId: string;
  templateId: string;
  backupFile: string;
}

/**
 * Each method gets a server and database of its own, seeded with a session of two boards, a
 * template and a backup: what one method's valid calls write never slows or starves the next.
 */
async function target(): Promise<{ app: TestServer; f: Fixtures }> {
  const app = await startTestServer();
  const session = await app.call('session.create', { title: 'Fuzz target', client: 'Acme' });
  const other = await app.call('board.create', { sessionId: session.id, title: 'Second board' });
  const node = roleNode({ data: { person: 'Dana' } });
  await app.call('board.apply', { boardId: session.boards[0].id, ops: [{ type: 'node.add', node }, { type: 'node.add', node: noteNode() }] });
  const templateId = (await app.call('template.list', {}))[0]?.id ?? 't_none';
  const backupFile = (await app.backend.backups.create(app.backend.store.db, 'manual')).file;
  return { app, f: { sessionId: session.id, boardId: session.boards[0].id, otherBoardId: other.id, nodeId: node.id, templateId, backupFile } };
}

/**
 * A cheap fingerprint of every table: row count and, per column, the total length of its values
 * and the total of its numbers. A refused call must leave it exactly as it was.
 */
function fingerprint(db: Db): string {
  let statement = fingerprints.get(db);
  if (!statement) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const perTable = tables.map((table) => {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`);
      const parts = columns.flatMap((c) => [`total(length(${c}))`, `total(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} END)`]);
      return `SELECT '${table}:' || count(*) || ',' || ${parts.join(" || ',' || ")} FROM "${table}"`;
    });
    statement = db.prepare(perTable.join(' UNION ALL ')).pluck();
    fingerprints.set(db, statement);
  }
  return (statement.all() as string[]).join('\n');
}

const fingerprints = new WeakMap<Db, Statement>();

type Shape = Record<string, { safeParse(value: unknown): { success: boolean } }>;
const shapeOf = (method: MethodName) => ((methods[method].input as unknown as { shape?: Shape }).shape ?? {}) as Shape;

/** Values a field might accept, most specific first: the fixtures' real ids, then plain values. */
function candidates(method: MethodName, key: string, f: Fixtures): unknown[] {
  const ids = method.startsWith('board.') ? [f.boardId, f.sessionId] : method.startsWith('template.') ? [f.templateId, f.sessionId] : [f.sessionId, f.boardId];
  const byKey: Record<string, unknown[]> = {
    id: ids,
    sessionId: [f.sessionId],
    boardId: [f.boardId],
    templateId: [f.templateId],
    itemId: ['a_fuzz'],
    boardIds: [[f.boardId, f.otherBoardId], [f.boardId]],
    ops: [[{ type: 'node.move', id: f.nodeId, position: { x: 10, y: 20 } }]],
    viewport: [{ x: 0, y: 0, zoom: 1 }],
    file: [f.backupFile],
  };
  return [...(byKey[key] ?? []), 'Fuzzed title', '2026-11-22', true, 'start', 0, [], {}, null];
}

/** A valid-looking input to mutate: each field gets the first candidate its schema accepts. */
function baseInput(method: MethodName, f: Fixtures): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapeOf(method))) {
    const value = candidates(method, key, f).find((c) => schema.safeParse(c).success);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

const nastyString = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\uD800',
  '../../../etc/passwd',
  'C:\\Windows\\win.ini',
  "'; DROP TABLE sessions; --",
  '<script>alert(1)</script>',
  'x'.repeat(70),
  'y'.repeat(10_001),
  '1e309',
  'NaN',
  'groundwork-2026-11-22T10-00-00-000Z-daily.db',
  'groundwork-../../x-daily.db',
);
const nastyNumber = fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER, 5_000_001);
const scalar = fc.oneof(fc.string({ maxLength: 40 }), nastyString, fc.integer(), fc.double({ noNaN: true }), nastyNumber, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 6 }) });

/** Values of the right shape but not the right thing: ids of the wrong kind or of nothing, plain words. */
function wellFormed(f: Fixtures): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(f.sessionId, f.boardId, f.otherBoardId, f.nodeId, f.templateId, f.backupFile, 's_missing', 'b_missing', 'n_missing', 't_missing', 'Fuzzed title', '2026-11-22', 'pause', 'reset'),
    // Id-shaped, and the names of what every plain object already has: a lookup by id must not find them.
    fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  );
}

type Payload = { kind: 'body'; body: string } | { kind: 'json'; input: unknown };

/** Sets `replacement` at a path inside `target` (building objects on the way), or deletes there when it is undefined. */
function mutateAt(target: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const container = (target !== null && typeof target === 'object' ? (Array.isArray(target) ? [...(target as unknown[])] : { ...target }) : {}) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0 && replacement === undefined) delete container[head];
  // Defined, not assigned: assigning to "__proto__" would swap the prototype instead of adding the key JSON sends.
  else Object.defineProperty(container, head, { value: mutateAt(container[head], rest, replacement), enumerable: true, writable: true, configurable: true });
  return container;
}

/** Every path to a value inside `input`, so a mutation can reach an op of a batch or a field of a node. */
function pathsOf(input: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 5 || input === null || typeof input !== 'object') return [prefix];
  const entries = Array.isArray(input) ? input.map((v, i) => [i, v] as const) : Object.entries(input);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key], depth + 1))];
}

function payloads(method: MethodName, f: Fixtures): fc.Arbitrary<Payload> {
  const base = baseInput(method, f);
  const keys = [...Object.keys(shapeOf(method)), 'unexpected', '__proto__', 'constructor'];
  const paths = [...pathsOf(base), ...keys.map((k) => [k])];
  const replacement = fc.oneof({ weight: 2, arbitrary: wellFormed(f) }, { weight: 2, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) });
  const mutated = fc
    .array(fc.record({ path: fc.constantFrom(...paths), replacement }), { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce<unknown>((input, m) => mutateAt(input, m.path, m.replacement), base));
  const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((input): Payload => ({ kind: 'json', input }));
  const garbage = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"a":', '[1,', 'null', '\u0000', '{"title": "x"}}', '1e999', '"'));
  return fc.oneof(
    { weight: 6, arbitrary: json(mutated) },
    { weight: 1, arbitrary: json(fc.constant(base)) },
    { weight: 1, arbitrary: json(fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 4 })) },
    { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 3 })) },
    { weight: 1, arbitrary: garbage.map((body): Payload => ({ kind: 'body', body })) },
  );
}

/** The body as it goes on the wire. */
const bodyOf = (payload: Payload) => (payload.kind === 'body' ? payload.body : (JSON.stringify(payload.input) ?? ''));

/** Whether the contract's schema accepts the body, judged on the same JSON text the server reads. */
function schemaAccepts(method: MethodName, body: string): boolean {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return false;
  }
  return methods[method].input.safeParse(input).success;
}

function post(app: TestServer, agent: http.Agent, method: MethodName, body: string): Promise<{ status: number; text: string }> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const request = http.request({ host: url.hostname, port: url.port, path: `/api/${method}`, method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', (error) => reject(new Error(`${method} (GROUNDWORK_FUZZ_SEED=${SEED}): ${error.message}\n  sent: ${body.slice(0, 500)}`)));
    request.end(body);
  });
}

/** Checks one reply against the rules; returns whether it was a refusal. */
function checkReply(method: MethodName, body: string, status: number, text: string, mustRefuse: boolean): boolean {
  const fail = (why: string) => new Error(`${method} (GROUNDWORK_FUZZ_SEED=${SEED}): ${why}\n  sent: ${body.slice(0, 500)}\n  got ${status}: ${text.slice(0, 500)}`);
  let reply: { ok?: unknown; result?: unknown; error?: unknown };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw fail('the reply is not JSON');
  }
  if (reply.ok === true) {
    if (mustRefuse) throw fail('a payload the schema refuses was accepted');
    if (status !== 200) throw fail('an ok reply without 200');
    if (!methods[method].output.safeParse(reply.result).success) throw fail('the result does not match the output schema');
    return false;
  }
  const error = ErrorInfo.strict().safeParse(reply.error);
  if (reply.ok !== false || !error.success || Object.keys(reply).length !== 2) throw fail('not a typed error {ok: false, error: {code, path, message}}');
  if (error.data.code === 'internal') throw fail('an internal error: something threw that no check caught');
  if (mustRefuse && error.data.code !== 'invalid_input') throw fail(`refused with ${error.data.code}, not invalid_input`);
  if (status !== STATUS_OF[error.data.code]) throw fail(`status ${status} for ${error.data.code}`);
  if (!error.data.message) throw fail('an error without a message');
  return true;
}

const wroteAnyway = (method: MethodName, bodies: string[]) =>
  new Error(`${method} (GROUNDWORK_FUZZ_SEED=${SEED}): a refused call wrote to the database; sent:\n${bodies.map((b) => `  ${b.slice(0, 300)}`).join('\n')}`);

const sentTo = new Map<MethodName, number>();

describe(`fuzz: ${RUNS_PER_METHOD} random and mutated payloads at every method, over HTTP`, () => {
  it.each(methodNames)('%s: typed errors or valid results, and a refused call writes nothing', async (method) => {
    const { app, f } = await target();
    // One agent per phase: sockets left idle through a long first phase could be closed by the
    // server's keep-alive timeout just as the second phase picks them up.
    const sequential = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const batched = new http.Agent({ keepAlive: true, maxSockets: BATCH });
    onTestFinished(async () => {
      sequential.destroy();
      batched.destroy();
      await app.close();
    });
    const bodies = fc.sample(payloads(method, f), { numRuns: RUNS_PER_METHOD, seed: SEED + methodNames.indexOf(method) }).map(bodyOf);
    const db = () => app.backend.store.db;

    // Payloads the schema accepts reach the service: one at a time, each refusal checked for writes.
    let state = fingerprint(db());
    for (const body of bodies.filter((b) => schemaAccepts(method, b))) {
      const { status, text } = await post(app, sequential, method, body);
      const refused = checkReply(method, body, status, text, false);
      const after = fingerprint(db());
      if (refused && after !== state) throw wroteAnyway(method, [body]);
      state = after;
    }
    // Payloads the schema refuses: a batch at a time, every one refused with invalid_input, the batch writing nothing.
    const invalid = bodies.filter((b) => !schemaAccepts(method, b));
    for (let i = 0; i < invalid.length; i += BATCH) {
      const batch = invalid.slice(i, i + BATCH);
      const replies = await Promise.all(batch.map((body) => post(app, batched, method, body)));
      replies.forEach(({ status, text }, j) => checkReply(method, batch[j], status, text, true));
      if (fingerprint(db()) !== state) throw wroteAnyway(method, batch);
    }
    sentTo.set(method, bodies.length);
    // Still up, still answering.
    expect((await app.post('session.list', {})).status).toBe(200);
  }, 60_000);

  it(`sent ${RUNS_PER_METHOD} payloads to each of the ${methodNames.length} methods`, () => {
    expect(Object.fromEntries(methodNames.map((m) => [m, sentTo.get(m)]))).toEqual(Object.fromEntries(methodNames.map((m) => [m, RUNS_PER_METHOD])));
  });
});
