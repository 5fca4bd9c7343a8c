import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/backend';
import { sampleSessionDocument } from '../helpers/documents';
import { HOSTILE_FILES } from '../helpers/hostile-files';

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer();
  // Something to lose: a session and an own template already there.
  await app.call('file.import', { document: sampleSessionDocument() });
  await app.call('template.duplicate', { id: (await app.call('template.list', {}))[0].id });
});

afterAll(() => app.close());

/** Rows of every table an import writes to. */
function counts() {
  const db = app.backend.store.db;
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(['sessions', 'boards', 'nodes', 'edges', 'agenda_items', 'templates'].map((t) => [t, count(t)]));
}

describe('file.import over HTTP refuses a hostile or broken file and writes nothing', () => {
  it.each(HOSTILE_FILES.map((c) => [c.name, c] as const))('%s', async (_name, { file, path, message }) => {
    const before = counts();
    // Text goes as text (what a file picker reads); parsed JSON as JSON (what a drop parses first).
    const { status, body } = await app.post('file.import', { document: file });
    expect(status).toBe(400);
    const error = (body as { ok: false; error: { code: string; path: unknown[]; message: string } }).error;
    expect(error).toMatchObject({ code: 'invalid_input', path: ['document'] });
    expect(error.message.startsWith(`document: ${path}: `)).toBe(true);
    expect(error.message.slice(`document: ${path}: `.length)).toMatch(message);
    expect(counts()).toEqual(before);
  });

  it('takes the file’s text as well as parsed JSON', async () => {
    const before = counts();
    const result = await app.call('file.import', { document: JSON.stringify(sampleSessionDocument()) });
    expect(result).toMatchObject({ kind: 'session', session: { title: 'Acme kickoff' } });
    expect(counts()).toEqual({ ...before, sessions: before.sessions + 1, boards: before.boards + 2, nodes: before.nodes + 9, edges: before.edges + 4, agenda_items: before.agenda_items + 3 });
  });

  it('a file that fails in the database midway leaves nothing behind', async () => {
    // Passes the checks, then hits a row the database refuses: the whole transaction rolls back.
    const db = app.backend.store.db;
    // The session, its first board and that board's nodes are written before its first edge.
    // (The dispatcher logs the unexpected SqliteError: "disk full" in the output is this test.)
    db.exec("CREATE TRIGGER refuse_edges BEFORE INSERT ON edges BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      const before = counts();
      const { status } = await app.post('file.import', { document: sampleSessionDocument() });
      expect(status).toBe(500);
      expect(counts()).toEqual(before);
    } finally {
      db.exec('DROP TRIGGER refuse_edges');
    }
  });
});
