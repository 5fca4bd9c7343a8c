import fs from 'node:fs';
import path from 'node:path';
import { Backups, type BackupControl, type LiveDatabase } from '../store/backups';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { Store } from '../store/store';
import { createDispatcher, type Dispatcher } from '../transport/dispatch';
import { EventHub } from './events';
import { createService } from './service';

/** Everything behind a transport: the database, the service and its events. Electron and `serve` both start one. */
export interface Backend {
  dispatch: Dispatcher;
  hub: EventHub;
  /** The store over the database in use; a restore from backup replaces it. */
  readonly store: Store;
  dataDir: string;
  backups: Backups;
  close(): void;
}

export function startBackend(dataDir: string): Backend {
  const file = path.join(dataDir, DATABASE_FILE);
  const isNew = !fs.existsSync(file);
  const hub = new EventHub();
  const backups = new Backups(file);
  let db = openDatabase(file);
  let closed = false;
  let store: Store;
  let dispatch: Dispatcher;

  // A restore closes the database and opens another file in its place: the store and the
  // service are built again over it, and calls go to the new ones from then on.
  const live: LiveDatabase = {
    close: () => db.close(),
    reopen: () => {
      db = openDatabase(file);
      wire();
    },
  };
  const control: BackupControl = { list: () => backups.list(), restore: (name) => backups.restore(name, live) };
  const wire = () => {
    store = new Store(db);
    dispatch = createDispatcher(createService(store, hub, undefined, control));
  };
  wire();

  // Online, while the app already serves: a new database has nothing to keep yet. Closing the
  // backend first (a short CLI command) abandons it; the next start makes it.
  if (!isNew) {
    backups.dailyIfDue(db).catch((error: unknown) => {
      if (!closed) console.error('The daily backup could not be made', error);
    });
  }

  return {
    dispatch: (method, input, ctx) => dispatch(method, input, ctx),
    hub,
    get store() {
      return store;
    },
    dataDir,
    backups,
    close: () => {
      closed = true;
      db.close();
    },
  };
}
