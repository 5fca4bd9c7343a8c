import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDocument } from '../../shared/fileformat/document';
import { parseDocument } from '../../shared/fileformat/validate';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { startTestServer, type TestServer } from '../helpers/backend';
import { generatedSessionDocument, nodeCountOf, normaliseIds, sampleSessionDocument } from '../helpers/documents';

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer();
});

afterAll(() => app.close());

async function importSession(document: unknown) {
  const result = await app.call('file.import', { document });
  if (result.kind !== 'session') throw new Error(`expected a session, got a ${result.kind}`);
  return result.session;
}

/** export → import → export: the second export must equal the first, ids and exportedAt aside. */
async function roundTrip(sessionId: string): Promise<{ first: SessionDocument; second: SessionDocument; copyId: string }> {
  const first = await app.call('session.export', { id: sessionId });
  const copy = await importSession(JSON.parse(JSON.stringify(first)));
  const second = await app.call('session.export', { id: copy.id });
  return { first, second, copyId: copy.id };
}

describe('export → import → export is lossless', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('for a session made from the built-in template %s', async (_id, template) => {
    const session = await app.call('session.createFromTemplate', { templateId: template.id });
    const { first, second, copyId } = await roundTrip(session.id);
    expect(parseDocument(first).ok).toBe(true);
    expect(normaliseIds(second)).toEqual(normaliseIds(first));
    // And the session held exactly what the template holds.
    expect({ boards: normaliseIds(first).boards, agenda: normaliseIds(first).agenda }).toEqual({
      boards: normaliseIds(template.document).boards,
      agenda: normaliseIds(template.document).agenda,
    });
    expect(copyId).not.toBe(session.id);
  });

  it('for a session with every node kind, edge kind, settings, viewports and an agenda', async () => {
    const session = await importSession(sampleSessionDocument());
    expect(session).toMatchObject({ title: 'Acme kickoff', client: 'Acme', workshopDate: '2026-11-22' });
    const { first, second } = await roundTrip(session.id);
    expect(normaliseIds(first)).toEqual(normaliseIds(sampleSessionDocument()));
    expect(normaliseIds(second)).toEqual(normaliseIds(first));
  });

  it('for a generated 2,000-node session', async () => {
    const document = generatedSessionDocument(2000);
    expect(nodeCountOf(document)).toBe(2000);
    const session = await importSession(document);

    const { first, second } = await roundTrip(session.id);
    expect(nodeCountOf(first)).toBe(2000);
    expect(first.agenda).toHaveLength(10);
    expect(normaliseIds(first)).toEqual(normaliseIds(document));
    expect(normaliseIds(second)).toEqual(normaliseIds(first));
  });
});

describe('ids are minted anew on import', () => {
  it('so importing the same file twice gives two sessions that share no id', async () => {
    const document = sampleSessionDocument();
    const a = await importSession(document);
    const b = await importSession(document);
    expect(b.id).not.toBe(a.id);
    const [exportA, exportB] = [await app.call('session.export', { id: a.id }), await app.call('session.export', { id: b.id })];
    const idsOf = (d: SessionDocument) => [...d.boards.flatMap((board) => [board.id, ...board.nodes.map((n) => n.id), ...board.edges.map((e) => e.id)]), ...d.agenda.map((i) => i.id)];
    const shared = idsOf(exportA).filter((id) => idsOf(exportB).includes(id));
    expect(shared).toEqual([]);
    expect(idsOf(exportA).filter((id) => idsOf(document).includes(id))).toEqual([]);
    expect(normaliseIds(exportB)).toEqual(normaliseIds(exportA));
  });

  it('and an imported session edits independently of its twin', async () => {
    const a = await importSession(sampleSessionDocument());
    const b = await importSession(sampleSessionDocument());
    const boardA = await app.call('board.get', { id: a.boards[0].id });
    await app.call('board.apply', { boardId: boardA.id, ops: [{ type: 'node.remove', id: boardA.nodes[6].id }] });
    expect((await app.call('board.get', { id: b.boards[0].id })).nodes).toHaveLength(7);
  });
});
