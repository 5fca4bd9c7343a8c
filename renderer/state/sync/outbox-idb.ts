import { newId } from '../../../shared/model';
import type { Batch } from './batch';
import type { OutboxStore } from './outbox';

const DB_NAME = 'groundwork-outbox';
const STORE = 'batches';
const OWNER_LOCK = 'groundwork-outbox-owner:';
const ADOPT_LOCK = 'groundwork-outbox-adopt';

interface Stored extends Batch {
  /** The page that sends it; a page that is gone (reloaded, closed) leaves its batches to the next. */
  owner: string;
  /** Made-order across pages: the time, then a counter within the page. */
  seq: [number, number];
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
  return done(request);
}

/**
 * The editor's outbox in IndexedDB: each page owns the batches it made, and holds a Web Lock
 * named for itself while it lives. A page that starts takes over the batches of owners whose
 * lock is gone, so a reload or a tab closed with edits waiting hands them on, and two open tabs
 * never send each other's. Without Web Locks (a page on a plain-http LAN address) a page takes
 * every batch it finds: a batch sent by two pages is still applied once, by its id.
 * `onLeft` is told when a page whose batches were seen here has gone, so they are taken over then.
 */
export function indexedDbOutboxStore(onLeft: () => void = () => {}): OutboxStore {
  const owner = newId('page');
  let counter = 0;
  const database = openDatabase();
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // Held until the page goes: the lock is how other pages know this one still sends its batches.
  const holding = locks ? new Promise<void>((held) => void locks.request(OWNER_LOCK + owner, () => (held(), new Promise<never>(() => {})))) : Promise.resolve();

  const write = async (run: (store: IDBObjectStore) => void) => {
    const tx = (await database).transaction(STORE, 'readwrite');
    run(tx.objectStore(STORE));
    await committed(tx);
  };

  // Every other page of ours that is alive (one reloaded a moment ago may still hold its lock as
  // this one starts): once it lets go, what it left is taken over at once, not at the next look.
  const watched = new Set<string>();
  const watch = (others: Iterable<string>) => {
    for (const other of others) {
      if (!locks || other === owner || watched.has(other)) continue;
      watched.add(other);
      void locks.request(OWNER_LOCK + other, () => {
        watched.delete(other);
        onLeft();
      });
    }
  };

  const adoptUnlocked = async (): Promise<Batch[]> => {
    const alive = new Set((await locks?.query())?.held?.flatMap((l) => (l.name ? [l.name] : [])) ?? []);
    const tx = (await database).transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const all = (await done(store.getAll())) as Stored[];
    watch([...alive].filter((name) => name.startsWith(OWNER_LOCK)).map((name) => name.slice(OWNER_LOCK.length)));
    const orphans = all.filter((b) => b.owner !== owner && !(locks && alive.has(OWNER_LOCK + b.owner)));
    for (const batch of orphans) store.put({ ...batch, owner });
    await committed(tx);
    orphans.sort((a, b) => a.seq[0] - b.seq[0] || a.seq[1] - b.seq[1]);
    return orphans.map(({ id, boardId, ops }) => ({ id, boardId, ops }));
  };

  return {
    async adopt() {
      await holding;
      return locks ? locks.request(ADOPT_LOCK, adoptUnlocked) : adoptUnlocked();
    },
    put: (batch) => write((store) => store.put({ ...batch, owner, seq: [Date.now(), counter++] } satisfies Stored)),
    delete: (batchId) => write((store) => store.delete(batchId)),
  };
}
