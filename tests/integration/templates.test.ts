import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { recordEvents, startTestServer, type HeardEvents, type TestServer } from '../helpers/backend';
import { normaliseIds, sampleSessionDocument, sampleTemplateDocument } from '../helpers/documents';

let app: TestServer;
let events: HeardEvents;

beforeAll(async () => {
  app = await startTestServer();
  events = recordEvents(app);
});

afterAll(() => app.close());

beforeEach(() => events.clear());

const builtIn = BUILT_IN_TEMPLATES[0];
const withoutDate = <D extends { exportedAt: string }>({ exportedAt: _exportedAt, ...rest }: D) => rest;

/** The sample session (two boards, content, an agenda) imported as a session of this server. */
async function sampleSession() {
  const result = await app.call('file.import', { document: sampleSessionDocument() });
  if (result.kind !== 'session') throw new Error('expected a session');
  return result.session;
}

describe('built-in templates', () => {
  it('are listed first, in their order, as built-in and with what the gallery shows', async () => {
    const list = await app.call('template.list', {});
    expect(list.slice(0, BUILT_IN_TEMPLATES.length).map((t) => [t.id, t.builtIn])).toEqual(BUILT_IN_TEMPLATES.map((t) => [t.id, true]));
    const first = list[0];
    expect(first).toMatchObject({
      name: builtIn.document.template.name,
      description: builtIn.document.template.description,
      boardCount: builtIn.document.boards.length,
      totalMinutes: builtIn.document.agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0),
    });
    expect(first.preview.nodes.length).toBe(Math.min(400, builtIn.document.boards[0].nodes.length));
  });

  it('are found by words of their name or description', async () => {
    const name = builtIn.document.template.name;
    expect((await app.call('template.list', { query: name.toUpperCase() })).map((t) => t.id)).toContain(builtIn.id);
    expect(await app.call('template.list', { query: 'zzz-no-such-template' })).toEqual([]);
  });

  it('export as their document', async () => {
    expect(withoutDate(await app.call('template.export', { id: builtIn.id }))).toEqual(withoutDate(builtIn.document));
  });

  it('are read-only: update and delete are refused with a clear message, and nothing changes', async () => {
    const before = await app.call('template.list', {});
    for (const [method, input] of [
      ['template.update', { id: builtIn.id, name: 'Mine now' }],
      ['template.delete', { id: builtIn.id }],
    ] as const) {
      const { status, body } = await app.post(method, input);
      expect(status).toBe(403);
      expect(body).toMatchObject({ ok: false, error: { code: 'forbidden', path: ['id'], message: expect.stringMatching(/is a built-in template.*duplicate it/) } });
    }
    expect(await app.call('template.list', {})).toEqual(before);
    expect(events.heard).toEqual([]);
  });

  it('duplicate into an own template that can be renamed, described and deleted', async () => {
    const copy = await app.call('template.duplicate', { id: builtIn.id });
    expect(copy).toMatchObject({ builtIn: false, name: `${builtIn.document.template.name} (copy)`, boardCount: builtIn.document.boards.length });
    expect(copy.id).not.toBe(builtIn.id);
    expect(normaliseIds(await app.call('template.export', { id: copy.id }))).toEqual({ ...normaliseIds(builtIn.document), template: { ...builtIn.document.template, name: copy.name } });

    const renamed = await app.call('template.update', { id: copy.id, name: 'Our org map day', description: 'For Acme' });
    expect(renamed).toMatchObject({ id: copy.id, name: 'Our org map day', description: 'For Acme', builtIn: false });
    expect((await app.call('template.export', { id: copy.id })).template).toEqual({ name: 'Our org map day', description: 'For Acme' });
    expect(events.heard.filter((e) => e.name === 'templates.changed')).toHaveLength(2);

    await app.call('template.delete', { id: copy.id });
    expect((await app.call('template.list', {})).map((t) => t.id)).not.toContain(copy.id);
    expect(await app.post('template.export', { id: copy.id })).toMatchObject({ status: 404, body: { error: { code: 'not_found', path: ['id'] } } });
  });
});

describe('saving a session as a template', () => {
  it('with its content: the chosen boards as they are, and their agenda', async () => {
    const session = await sampleSession();
    const [org] = session.boards;
    events.clear();
    const summary = await app.call('template.saveFromSession', { sessionId: session.id, name: 'Org map only', description: 'One board', boardIds: [org.id], keepContent: true });
    expect(summary).toMatchObject({ name: 'Org map only', description: 'One board', builtIn: false, boardCount: 1, totalMinutes: 55 });
    expect(events.heard).toEqual([{ name: 'templates.changed', payload: {} }]);

    const template = normaliseIds(await app.call('template.export', { id: summary.id }));
    const source = normaliseIds(sampleSessionDocument());
    expect(template.boards).toEqual([source.boards[0]]);
    // The item on the unchosen board goes; the one on no board stays.
    expect(template.agenda.map((i) => i.title)).toEqual(['Welcome', 'Who decides']);
    expect(template.agenda[1].frameId).toBe(template.boards[0].nodes[0].id);
  });

  it('cleared to the prompts: frames, headings and blank golden circles stay, the answers go', async () => {
    const session = await sampleSession();
    const summary = await app.call('template.saveFromSession', {
      sessionId: session.id,
      name: 'Blank',
      description: '',
      boardIds: session.boards.map((b) => b.id),
      keepContent: false,
    });
    const template = await app.call('template.export', { id: summary.id });
    const [org, people] = template.boards;
    expect(org.nodes.map((n) => [n.kind, n.data])).toEqual([
      ['frame', { title: 'Who decides' }],
      ['text', { text: 'Acme org map', variant: 'heading' }],
      ['goldenCircle', { why: '', how: '', what: '' }],
    ]);
    // Only the edge between two kept nodes (the frame and the heading) stays.
    expect(org.edges.map((e) => [e.kind, e.source, e.target])).toEqual([['relates', org.nodes[0].id, org.nodes[1].id]]);
    expect(org).toMatchObject({ title: 'Org map', settings: { strataBands: true }, viewport: { x: 10, y: 20, zoom: 0.8 } });
    expect(people).toMatchObject({ title: 'Decision-makers', nodes: [], edges: [] });
    expect(normaliseIds(template).agenda).toEqual(normaliseIds(sampleSessionDocument()).agenda);
  });

  it('refuses a board that is not in the session, naming it, and saves nothing', async () => {
    const session = await sampleSession();
    const other = await app.call('session.create', { title: 'Other' });
    const before = await app.call('template.list', {});
    const { status, body } = await app.post('template.saveFromSession', {
      sessionId: session.id,
      name: 'Mixed',
      description: '',
      boardIds: [session.boards[0].id, other.boards[0].id],
      keepContent: true,
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'not_found', path: ['boardIds', 1] } });
    expect(await app.call('template.list', {})).toEqual(before);
  });
});

describe('a new session from a template', () => {
  it('is an independent copy: editing the session never changes the template', async () => {
    const own = await app.call('template.duplicate', { id: builtIn.id, name: 'Frozen' });
    const frozen = withoutDate(await app.call('template.export', { id: own.id }));

    const session = await app.call('session.createFromTemplate', { templateId: own.id, client: 'Acme', workshopDate: '2026-11-22' });
    expect(session).toMatchObject({ title: 'Frozen', client: 'Acme', workshopDate: '2026-11-22' });
    expect(session.boards.map((b) => b.title)).toEqual(builtIn.document.boards.map((b) => b.title));
    expect(events.heard).toContainEqual({ name: 'session.changed', payload: { sessionId: session.id, deleted: false } });

    const board = await app.call('board.get', { id: session.boards[0].id });
    const node = board.nodes[0];
    await app.call('board.apply', { boardId: board.id, ops: [{ type: 'node.move', id: node.id, position: { x: 12_345, y: 678 } }] });
    await app.call('board.rename', { id: board.id, title: 'Renamed in the session' });
    await app.call('session.setAgenda', { sessionId: session.id, items: [] });

    expect(withoutDate(await app.call('template.export', { id: own.id }))).toEqual(frozen);
    await app.call('template.delete', { id: own.id });
    expect((await app.call('session.get', { id: session.id })).boards[0].title).toBe('Renamed in the session');
  });

  it('from a built-in takes the template’s name unless given a title, and copies its agenda', async () => {
    const session = await app.call('session.createFromTemplate', { templateId: builtIn.id, title: 'Acme day one' });
    expect(session.title).toBe('Acme day one');
    const exported = normaliseIds(await app.call('session.export', { id: session.id }));
    const template = normaliseIds(builtIn.document);
    expect(exported.boards).toEqual(template.boards);
    expect(exported.agenda).toEqual(template.agenda);
  });

  it('from an unknown template is refused', async () => {
    expect(await app.post('session.createFromTemplate', { templateId: 't_missing' })).toMatchObject({ status: 404, body: { error: { code: 'not_found', path: ['id'] } } });
  });
});

describe('importing a template file', () => {
  it('adds an own template, a new one each time', async () => {
    const document = sampleTemplateDocument('Shared by a colleague', 'From Kim');
    const first = await app.call('file.import', { document });
    const second = await app.call('file.import', { document });
    expect(first).toMatchObject({ kind: 'template', template: { name: 'Shared by a colleague', builtIn: false, boardCount: 2, totalMinutes: 85 } });
    if (first.kind !== 'template' || second.kind !== 'template') throw new Error('expected templates');
    expect(second.template.id).not.toBe(first.template.id);
    expect(normaliseIds(await app.call('template.export', { id: first.template.id }))).toEqual(normaliseIds(document));
    expect(events.heard.filter((e) => e.name === 'templates.changed')).toHaveLength(2);
  });
});
