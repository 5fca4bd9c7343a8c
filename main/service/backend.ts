import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { Store } from '../store/store';
import { createDispatcher, type Dispatcher } from '../transport/dispatch';
import { EventHub } from './events';
import { createService } from './service';

/** Everything behind a transport: the database, the service and its events. Electron and `serve` both start one. */
export interface Backend {
  dispatch: Dispatcher;
  hub: EventHub;
  store: Store;
  dataDir: string;
  close(): void;
}

export function startBackend(dataDir: string): Backend {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const store = new Store(db);
  const hub = new EventHub();
  const dispatch = createDispatcher(createService(store, hub));
  return { dispatch, hub, store, dataDir, close: () => db.close() };
}
