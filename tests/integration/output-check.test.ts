import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroundworkError } from '../../shared/errors';
import type { MethodName } from '../../shared/api';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/export/print-options';
import { atomically } from '../../main/service/atomic';
import { EventHub } from '../../main/service/events';
import type { Service } from '../../main/service/methods';
import { createService } from '../../main/service/service';
import { createDispatcher, type Dispatcher } from '../../main/transport/dispatch';
import { roleNode } from '../helpers/sample';
import { openStoreIn, type OpenStore } from '../helpers/store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/**
 * Issue 14: no method answers an error for a write it committed. A synchronous method's answer is
 * checked inside the transaction of its writes; a failing check rolls them back.
 */

let dir: string;
let opened: OpenStore;
let hub: EventHub;
let heard: string[];
let logged: unknown[];

beforeEach(() => {
  dir = makeTempDir('output-check');
  opened = openStoreIn(dir);
  hub = new EventHub();
  heard = [];
  logged = [];
  hub.subscribe('another-window', (name) => heard.push(name));
});

afterEach(() => {
  opened.close();
  removeDir(dir);
});

/** The real service over the real database, with some methods replaced to answer wrongly. */
function dispatcherWith(overrides: (real: Service) => Partial<Service>): Dispatcher {
  const real = createService(opened.store, hub);
  return createDispatcher({ ...real, ...overrides(real) }, (error) => logged.push(error), atomically(opened.store, hub));
}

const call = (dispatch: Dispatcher, method: MethodName, input: unknown) => dispatch(method, input, { clientId: 'caller' });
const NOTHING_CHANGED = { ok: false, error: { code: 'internal', path: [], message: 'Something went wrong inside Groundwork; nothing was changed.' } };

describe('an answer that fails its check', () => {
  it('rolls the write back, announces nothing, and says truthfully that nothing was changed', async () => {
    const dispatch = dispatcherWith((real) => ({
      'session.create': (input, ctx) => ({ ...real['session.create'](input, ctx), title: 'x'.repeat(300) }),
    }));
    expect(await call(dispatch, 'session.create', { title: 'Acme offsite' })).toEqual(NOTHING_CHANGED);
    expect(opened.store.listSessions()).toEqual([]);
    expect(opened.db.prepare('SELECT count(*) FROM boards').pluck().get()).toBe(0);
    expect(heard).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it('rolls back a board edit and its cached doc, so the board and the next edit are as if it never happened', async () => {
    const session = opened.store.createSession({ title: 'Acme', client: '', workshopDate: null });
    const boardId = session.boards[0].id;
    const kept = roleNode({ data: { person: 'Kept' } });
    let answerWrongly = true;
    const dispatch = dispatcherWith((real) => ({
      'board.apply': (input, ctx) => {
        const answer = real['board.apply'](input, ctx);
        return answerWrongly ? ({ revision: 'not a number' } as never) : answer;
      },
    }));
    await call(dispatch, 'board.get', { id: boardId }); // the board's doc is cached from here on
    expect(await call(dispatch, 'board.apply', { boardId, ops: [{ type: 'node.add', node: roleNode({ data: { person: 'Lost' } }) }] })).toEqual(NOTHING_CHANGED);
    expect(await call(dispatch, 'board.get', { id: boardId })).toMatchObject({ ok: true, result: { revision: 0, nodes: [] } });
    expect(heard).toEqual([]);

    answerWrongly = false;
    expect(await call(dispatch, 'board.apply', { boardId, ops: [{ type: 'node.add', node: kept }] })).toEqual({ ok: true, result: { revision: 1 } });
    expect(heard).toEqual(['board.changed']);
    const reopened = openStoreIn(dir);
    try {
      expect(reopened.store.getBoard(boardId).nodes.map((n) => n.id)).toEqual([kept.id]);
    } finally {
      reopened.close();
    }
  });

  it('rolls back a write followed by a refusal, too', async () => {
    const dispatch = dispatcherWith((real) => ({
      'session.create': (input, ctx) => {
        real['session.create'](input, ctx);
        throw new GroundworkError('conflict', 'Changed its mind', ['title']);
      },
    }));
    expect(await call(dispatch, 'session.create', { title: 'Acme offsite' })).toEqual({ ok: false, error: { code: 'conflict', path: ['title'], message: 'Changed its mind' } });
    expect(opened.store.listSessions()).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('of an asynchronous method, which no transaction can hold, says the change may have been made', async () => {
    const dispatch = dispatcherWith(() => ({ 'export.pdf': async () => ({ pdf: 42 }) as never }));
    const session = opened.store.createSession({ title: 'Acme', client: '', workshopDate: null });
    expect(await call(dispatch, 'export.pdf', { sessionId: session.id, jobId: 'job-1', options: DEFAULT_PRINT_OPTIONS })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Groundwork after it did what you asked: reload to see where things stand.' },
    });
  });
});

describe('a call that succeeds', () => {
  it('commits and then announces its events', async () => {
    const dispatch = dispatcherWith(() => ({}));
    const reply = await call(dispatch, 'session.create', { title: 'Acme offsite' });
    expect(reply).toMatchObject({ ok: true, result: { title: 'Acme offsite' } });
    expect(opened.store.listSessions().map((s) => s.title)).toEqual(['Acme offsite']);
    expect(heard).toEqual(['session.changed']);
  });
});
