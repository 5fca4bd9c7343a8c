import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/api';
import { orgImportOps, parseOrgCsv, validRows } from '../../shared/import/org-csv';
import { LIMITS, type BoardNode } from '../../shared/model';
import type { Op } from '../../shared/ops';
import { nodeParams } from '../../main/store/rows';
import { startTestServer, type TestServer } from '../helpers/backend';
import { noteNode } from '../helpers/sample';
import { connectSocket } from '../helpers/ws-client';

/** One set of limits, end to end: what the store accepts can be exported, previewed, restored and saved as a template. */

const notes = (count: number, prefix: string, text = '') => Array.from({ length: count }, (_, i) => noteNode({ id: `${prefix}${i}`, data: { text } }));
const adds = (nodes: BoardNode[]): Op[] => nodes.map((node) => ({ type: 'node.add', node }));

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer();
});

afterAll(() => app.close());

/** Sends an edit the way the renderer's sender does: in batches of at most LIMITS.opsPerBatch, in order. */
async function applyInBatches(boardId: string, ops: Op[]): Promise<void> {
  for (let i = 0; i < ops.length; i += LIMITS.opsPerBatch) await app.call('board.apply', { boardId, ops: ops.slice(i, i + LIMITS.opsPerBatch) });
}

async function newBoard(title: string): Promise<{ sessionId: string; boardId: string }> {
  const session = await app.call('session.create', { title });
  return { sessionId: session.id, boardId: session.boards[0].id };
}

describe('a 5,000-row org chart', () => {
  const charts = {
    flat: ['name,manager,stratum', 'Boss,,V', ...Array.from({ length: 4_999 }, (_, i) => `P${i},Boss,IV`)],
    deep: ['name,manager', 'P0,', ...Array.from({ length: 4_999 }, (_, i) => `P${i + 1},P${i}`)],
  };

  for (const [shape, lines] of Object.entries(charts)) {
    it(`imports arranged and saved whole (${shape}), every position inside the range, from near the board's edge`, async () => {
      const { boardId } = await newBoard(`Org chart, ${shape}`);
      const rows = validRows(parseOrgCsv(lines.join('\n')));
      expect(rows).toHaveLength(5_000);
      await applyInBatches(boardId, orgImportOps(rows, { x: 990_000, y: 0 }).ops);

      const board = await app.call('board.get', { id: boardId });
      expect(board.nodes).toHaveLength(5_000);
      expect(board.edges).toHaveLength(4_999);
      const outside = board.nodes.filter((n) => Math.abs(n.position.x) > LIMITS.coordinate || n.position.x + 200 > LIMITS.coordinate);
      expect(outside).toEqual([]);
    });
  }
});

describe('the per-board caps', () => {
  let full: { sessionId: string; boardId: string };

  beforeAll(async () => {
    full = await newBoard('Full board');
    await applyInBatches(full.boardId, adds(notes(LIMITS.nodesPerBoard, 'full')));
  });

  it('board.apply refuses a paste that would take a board past 20,000 nodes, whole, and the board stays as it was', async () => {
    const { revision } = await app.call('board.get', { id: full.boardId });
    const { status, body } = await app.post('board.apply', { boardId: full.boardId, ops: adds(notes(150, 'paste')) });
    expect(status).toBe(413);
    expect(body).toEqual({
      ok: false,
      error: { code: 'too_large', path: ['ops'], message: 'A board holds at most 20,000 nodes; this change would make it 20,150. Put some of them on another board.' },
    });
    const after = await app.call('board.get', { id: full.boardId });
    expect([after.revision, after.nodes.length]).toEqual([revision, LIMITS.nodesPerBoard]);
  });

  it('a board at the cap exports, previews and restores from a restore point, and saves as a template that lists', async () => {
    const exported = await app.call('session.export', { id: full.sessionId });
    expect(exported.boards[0].nodes).toHaveLength(LIMITS.nodesPerBoard);

    const point = await app.call('snapshot.create', { sessionId: full.sessionId, name: 'Full' });
    expect((await app.call('snapshot.preview', { id: point.id })).boards[0].nodes).toHaveLength(LIMITS.nodesPerBoard);
    const restored = await app.call('snapshot.restore', { id: point.id });
    full.boardId = restored.boards[0].id;
    expect((await app.call('board.get', { id: full.boardId })).nodes).toHaveLength(LIMITS.nodesPerBoard);

    const template = await app.call('template.saveFromSession', { sessionId: full.sessionId, name: 'Full', description: '', boardIds: [full.boardId], keepContent: true });
    expect((await app.call('template.list', {})).map((t) => t.id)).toContain(template.id);
    const copy = await app.call('session.duplicate', { id: full.sessionId });
    expect((await app.call('board.get', { id: copy.boards[0].id })).nodes).toHaveLength(LIMITS.nodesPerBoard);
  });

  it('a board over the cap from before it can be trimmed, but not copied, grown, saved as a template or previewed from a restore point', async () => {
    const { sessionId, boardId } = await newBoard('Older than the caps');
    // Written straight into the database, as an older Groundwork could have.
    const insert = app.backend.store.db.prepare('INSERT INTO nodes (id, board_id, kind, x, y, width, height, data) VALUES (@id, @board_id, @kind, @x, @y, @width, @height, @data)');
    app.backend.store.db.transaction(() => {
      for (const node of notes(LIMITS.nodesPerBoard + 1, 'old')) insert.run(nodeParams(boardId, node));
    })();

    const refusal = { ok: false, error: { code: 'too_large', message: expect.stringContaining('A board holds at most 20,000 nodes') } };
    expect((await app.post('session.duplicate', { id: sessionId })).body).toMatchObject(refusal);
    expect((await app.post('template.saveFromSession', { sessionId, name: 'Old', description: '', boardIds: [boardId], keepContent: true })).body).toMatchObject(refusal);
    expect((await app.post('board.apply', { boardId, ops: adds(notes(1, 'more')) })).body).toMatchObject(refusal);
    // Its restore points (taken before the caps, or now) say what is wrong when previewed.
    const point = await app.call('snapshot.create', { sessionId, name: 'Too full' });
    const preview = await app.post('snapshot.preview', { id: point.id });
    expect(preview).toMatchObject({ status: 413, body: { ok: false, error: { code: 'too_large', message: expect.stringContaining('board “Board 1” in this restore point holds 20,001') } } });
    await app.call('board.apply', { boardId, ops: [{ type: 'node.remove', id: 'old0' }] });
    expect((await app.call('board.get', { id: boardId })).nodes).toHaveLength(LIMITS.nodesPerBoard);
    // The template list was never broken by the refused save.
    expect((await app.call('template.list', {})).length).toBeGreaterThan(0);
  });
});

describe('a reply too large to send', () => {
  const MAX = 64 * 1024;
  let small: TestServer;
  let boardId: string;

  beforeAll(async () => {
    small = await startTestServer({ maxReplyBytes: MAX });
    boardId = (await small.call('session.create', { title: 'Heavy notes' })).boards[0].id;
    // 40 notes of 2,000 characters: some 80 KB as JSON, each batch well under the cap.
    for (let i = 0; i < 4; i++) await small.call('board.apply', { boardId, ops: adds(notes(10, `heavy${i}-`, 'x'.repeat(2_000))) });
  });

  afterAll(() => small.close());

  const tooLarge: Reply = {
    ok: false,
    error: {
      code: 'too_large',
      path: [],
      message: 'The answer to board.get is more than Groundwork can send (over 65,536 bytes). Move part of the largest board onto another board, then try again.',
    },
  };

  it('comes back over HTTP as a too_large error reply, and the server keeps answering', async () => {
    const { status, body } = await small.post('board.get', { id: boardId });
    expect([status, body]).toEqual([413, tooLarge]);
    expect((await small.call('session.list', {})).length).toBe(1);
  });

  it('comes back over the WebSocket as a too_large reply to that call, and the socket stays open', async () => {
    const client = await connectSocket(small.url);
    try {
      expect(await client.call('board.get', { id: boardId })).toEqual(tooLarge);
      expect(await client.call('session.list', {})).toMatchObject({ ok: true });
    } finally {
      await client.close();
    }
  });
});
