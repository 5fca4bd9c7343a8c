import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../shared/errors';
import type { PdfPrinter } from '../export/printer';
import type { BackupControl } from '../store/backup-control';
import { Backups, type LiveDatabase } from '../store/backups';
import { acquireDataLock, type DataLock, type ShellName } from '../store/data-lock';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { salvageInto } from '../store/salvage';
import { openAtStartup, type StartupReport } from '../store/startup';
import { Store } from '../store/store';
import { createDispatcher, type Dispatcher } from '../transport/dispatch';
import { atomically } from './atomic';
import { EventHub } from './events';
import { createService } from './service';
import { roomOf } from '../room/room-service';

/** Everything behind a transport: the database, the service and its events. Electron and `serve` both start one. */
export interface Backend {
  dispatch: Dispatcher;
  hub: EventHub;
  /** The store over the database in use; a restore from backup replaces it. */
  readonly store: Store;
  dataDir: string;
  backups: Backups;
  /** What start-up found wrong with the database and did about it; null when it opened as it was. */
  readonly startupReport: StartupReport | null;
  close(): void;
}

export interface BackendOptions {
  /**
   * When the database is damaged or an update step fails on its data: set it aside, start on an
   * empty one and keep a start-up report (the shells: Electron, serve), or throw (the one-shot CLI
   * commands, which would otherwise work on an empty database without anyone reading the report).
   */
  onDamage?: 'start-empty' | 'refuse';
  /** The schema steps; tests give their own to make one fail. */
  migrations?: readonly Migration[];
  /** Prints PDF handouts; without one, `export.pdf` says it cannot print here. */
  printer?: PdfPrinter;
  /**
   * A shell (the desktop app, `serve`) holds the data dir's lock while it runs: another shell on
   * the same dir is refused before it opens the database (DataDirLockedError, naming the holder).
   */
  shell?: ShellName;
  /** A one-shot command beside a running shell: names that shell; the database is never moved or updated (see openDatabase). */
  openIn?: string;
  /** The events' hub, when the shell made it before the backend (the desktop window listens from the start). */
  hub?: EventHub;
  /** The team library's address from `--library-url` or GROUNDWORK_LIBRARY_URL, over the app's setting. */
  libraryUrl?: string;
}

export function startBackend(dataDir: string, { onDamage = 'start-empty', migrations = MIGRATIONS, printer, shell, openIn, hub = new EventHub(), libraryUrl }: BackendOptions = {}): Backend {
  const lock: DataLock | null = shell ? acquireDataLock(dataDir, shell) : null;
  try {
    return openBackend(dataDir, lock, { onDamage, migrations, printer, openIn, hub, libraryUrl });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

type OpenBackendOptions = Required<Pick<BackendOptions, 'onDamage' | 'migrations' | 'hub'>> & Pick<BackendOptions, 'printer' | 'openIn' | 'libraryUrl'>;

function openBackend(dataDir: string, lock: DataLock | null, { onDamage, migrations, printer, openIn, hub, libraryUrl }: OpenBackendOptions): Backend {
  const file = path.join(dataDir, DATABASE_FILE);
  const isNew = !fs.existsSync(file);
  const backups = new Backups(file);
  const opened = onDamage === 'start-empty' ? openAtStartup(file, migrations) : { db: openDatabase(file, migrations, { openIn }), report: null };
  let db = opened.db;
  let report = opened.report;
  let closed = false;
  let store: Store;
  let dispatch: Dispatcher;

  // A restore closes the database and opens another file in its place: the store and the
  // service are built again over it, and calls go to the new ones from then on.
  const live: LiveDatabase = {
    close: () => db.close(),
    reopen: () => {
      db = openDatabase(file, migrations);
      wire();
    },
  };
  const control: BackupControl = {
    list: () => backups.list(),
    restore: async (name) => {
      const result = await backups.restore(name, live);
      // The data is back from a backup: what start-up reported is no longer the state of things.
      report = null;
      return result;
    },
    startupReport: () => report,
    salvage: () => {
      if (!report?.canSalvage) throw new GroundworkError('conflict', 'There is nothing to salvage: no damaged database was set aside at start-up, or it was salvaged already.');
      // Rows go into the database in use as they are: the store reads them from there and
      // caches only the boards it has loaded, which a salvage never touches (its ids are new).
      const salvaged = salvageInto(db, report.movedTo);
      report = { ...report, canSalvage: false, salvaged };
      return salvaged;
    },
    dismissStartupReport: () => {
      report = null;
    },
  };
  const wire = () => {
    store = new Store(db);
    dispatch = createDispatcher(createService(store, hub, { backups: control, printer, libraryUrl }), console.error, atomically(store, hub));
    // Co-facilitators' calls come in on the room's listener and take the same path, once checked.
    roomOf(hub)!.dispatch = (method, input, ctx) => dispatch(method, input, ctx);
  };
  wire();

  // Online, while the app already serves: a new database has nothing to keep yet, nor has the
  // empty one opened in place of a damaged one (it would push a real backup out of the seven).
  // Closing the backend first (a short CLI command) abandons it; the next start makes it.
  if (!isNew && !report) {
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
    get startupReport() {
      return report;
    },
    close: () => {
      closed = true;
      db.close();
      lock?.release();
      void printer?.close?.();
    },
  };
}
