import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { LibraryCache } from '../../main/library/library-cache';
import { LibraryLink } from '../../main/library/library-link';
import { openDatabase } from '../../main/store/database';
import type { Db } from '../../main/store/db';
import { ownTemplate, setUpLibrary } from '../helpers/library';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import { tempDirForTest } from '../helpers/temp-dir';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.destroy());

const publishedRows = () => cluster.psql("SELECT count(*) FROM groundwork.template_versions WHERE template_id = 't-kickoff'", 'firm').trim();

test('offline the gallery reads the cache; a publish waits in the outbox, survives a restart of the app and is delivered once', async () => {
  const { url } = await setUpLibrary(cluster, 'firm');
  const file = path.join(tempDirForTest('library'), 'groundwork.db');
  let db: Db = openDatabase(file);
  const linkOver = (database: Db) => new LibraryLink(new LibraryCache(database));
  try {
    let link = linkOver(db);
    link.setUrl(url('ann'));
    let state = await link.publish('t-kickoff', ownTemplate('Kick-off'), 'First cut');
    expect(state).toMatchObject({ address: 'ann@127.0.0.1:' + cluster.port + '/firm', caller: { name: 'ann', admin: false }, offline: false, problem: null, waiting: [] });
    expect(state.versions.map((v) => [v.name, v.version, v.author])).toEqual([['Kick-off', 1, 'ann']]);
    const synced = state.syncedAt;
    expect(await link.use('t-kickoff', 1)).toMatchObject({ template: { name: 'Kick-off' } });

    cluster.stop();
    state = await link.sync();
    expect(state.offline).toBe(true);
    expect(state.problem).toMatch(/cannot be reached/);
    expect(state.versions.map((v) => v.version)).toEqual([1]);
    expect(state.syncedAt).toBe(synced);
    // A version used before opens offline: it never changes, so the cached copy is the version.
    expect((await link.use('t-kickoff', 1)).template.name).toBe('Kick-off');

    state = await link.publish('t-kickoff', ownTemplate('Kick-off', 'With a warm-up'), 'Adds a warm-up');
    expect(state).toMatchObject({ offline: true, waiting: [{ templateId: 't-kickoff', name: 'Kick-off', note: 'Adds a warm-up' }] });

    // The app stops and starts again while offline: the publish is still waiting.
    db.close();
    db = openDatabase(file);
    link = linkOver(db);
    expect(link.state().waiting).toHaveLength(1);

    cluster.start();
    state = await link.sync();
    expect(state).toMatchObject({ offline: false, problem: null, waiting: [] });
    expect(state.versions.map((v) => [v.version, v.note])).toEqual([
      [2, 'Adds a warm-up'],
      [1, 'First cut'],
    ]);
    expect(state.syncedAt).toBeGreaterThan(synced ?? 0);
    await link.sync();
    expect(publishedRows()).toBe('2');
  } finally {
    db.close();
  }
}, 60_000);

test('a publish waiting in the outbox goes by itself once the library is reachable again, once', async () => {
  const { url } = await setUpLibrary(cluster, 'by_itself');
  const db = openDatabase(path.join(tempDirForTest('library'), 'groundwork.db'));
  const rows = () => cluster.psql("SELECT count(*) FROM groundwork.template_versions WHERE template_id = 't-alone'", 'by_itself').trim();
  const link = new LibraryLink(new LibraryCache(db));
  const stop = link.deliverWhileWaiting(100);
  try {
    link.setUrl(url('ann'));
    cluster.stop();
    const state = await link.publish('t-alone', ownTemplate('Alone'), 'Written offline');
    expect(state).toMatchObject({ offline: true, waiting: [{ templateId: 't-alone' }] });
    cluster.start();
    // Nobody syncs: the link delivers it on its own.
    await vi.waitFor(() => expect(link.state().waiting).toEqual([]), { timeout: 20_000, interval: 100 });
    expect(rows()).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rows()).toBe('1');
  } finally {
    stop();
    db.close();
  }
}, 60_000);

test('a publish the library refuses for good leaves the outbox with the reason', async () => {
  const { url } = await setUpLibrary(cluster, 'refusals');
  const db = openDatabase(path.join(tempDirForTest('library'), 'groundwork.db'));
  try {
    const ann = new LibraryLink(new LibraryCache(db));
    ann.setUrl(url('ann'));
    await ann.publish('t-shared', ownTemplate('Shared'), 'First cut');
    const ben = new LibraryLink(new LibraryCache(db), url('ben'));
    await expect(ben.publish('t-shared', ownTemplate('Shared'), 'Mine now')).rejects.toThrow(/"Shared" was not published: .*belongs to ann/);
    expect(ben.state().waiting).toEqual([]);
  } finally {
    db.close();
  }
}, 60_000);
