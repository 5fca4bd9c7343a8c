import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import type { BoardNode } from '../../shared/model';
import { connectPhone, phoneAddress, type Phone } from '../helpers/participant-client';
import { ROOM_HOST } from '../helpers/room';
import { noteNode } from '../helpers/sample';
import { buildCliIfStale, killAllServes, startServe } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';

beforeAll(() => buildCliIfStale(), 60_000);

const phones: Phone[] = [];
afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.close()));
  await killAllServes();
});

async function call<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await fetch(new URL(`api/${method}`, url), { method: 'POST', body: JSON.stringify(input) });
  const reply = (await response.json()) as Reply<MethodOutput<M>>;
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.result;
}

describe('the room after a crash', () => {
  it('keeps every acknowledged note and dot when serve is killed with SIGKILL, and reopens with the same code', async () => {
    const dataDir = tempDirForTest('room-crash');
    const args = ['--port', '0', '--data-dir', dataDir, '--room-host', ROOM_HOST];
    const first = await startServe(args);
    const session = await call(first.url, 'session.create', { title: 'Crash' });
    const boardId = session.boards[0].id;
    const seeded = Array.from({ length: 5 }, (_, i) => noteNode({ data: { text: `seed ${i}` }, position: { x: i * 260, y: 0 } }));
    await call(first.url, 'board.apply', { boardId, ops: seeded.map((node) => ({ type: 'node.add' as const, node })) });
    const room = await call(first.url, 'room.open', { sessionId: session.id });
    expect(room.url).toMatch(/^http:\/\/127\.0\.0\.2:/);

    phones.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => connectPhone(room.url!, {}, phoneAddress(i))))));
    await Promise.all(phones.map((p, i) => p.join(room.code!, `P${i}`)));
    const replies = await Promise.all(
      phones.flatMap((p, i) => [
        ...Array.from({ length: 5 }, (_, n) => p.call('note.add', { id: `n${n}`, boardId, text: `p${i} n${n}`, category: 'idea' })),
        p.call('vote.cast', { nodeId: seeded[i % 5].id }),
        p.call('vote.cast', { nodeId: seeded[(i + 1) % 5].id }),
      ]),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    await first.kill();

    const second = await startServe(args);
    const resumed = await call(second.url, 'room.status', {});
    expect(resumed).toMatchObject({ open: true, code: room.code, url: room.url, participants: 10, votesCast: 20 });
    expect(resumed.pending.map((p) => p.text).sort()).toEqual(phones.flatMap((_, i) => Array.from({ length: 5 }, (_, n) => `p${i} n${n}`)).sort());
    const board = await call(second.url, 'board.get', { id: boardId });
    const votes = seeded.map((s) => (board.nodes.find((n) => n.id === s.id) as Extract<BoardNode, { kind: 'note' }>).data.votes);
    expect(votes).toEqual([4, 4, 4, 4, 4]);

    const back = await connectPhone(room.url!);
    phones.push(back);
    back.token = phones[3].token;
    expect(await back.call('room.state', {})).toMatchObject({ ok: true, result: { name: 'P3', votesLeft: 1 } });
  }, 30_000);
});
