import fs from 'node:fs';
import path from 'node:path';

interface DataDirInputs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** `--data-dir` (the served shell and the CLI). */
  flag?: string;
}

/** The folder name Electron's userData gets from productName. */
const APP_FOLDER = 'Groundwork';

/**
 * The one folder both shells use when nothing overrides it: the folder Electron calls userData,
 * computed here without Electron so that `serve` and the CLI find the same database.
 * Linux `$XDG_CONFIG_HOME/Groundwork` (default ~/.config/Groundwork), macOS
 * ~/Library/Application Support/Groundwork, Windows %APPDATA%\Groundwork.
 */
function defaultDataDir({ env, platform, home }: Omit<DataDirInputs, 'flag'>): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

/**
 * Where the served shell kept its data before both shells shared one folder: it differed only on
 * Linux (`$XDG_DATA_HOME/groundwork`); elsewhere both shells already used the folder above.
 */
export function oldServedShellDir({ env, platform, home }: Omit<DataDirInputs, 'flag'>): string | null {
  if (platform === 'win32' || platform === 'darwin') return null;
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'groundwork');
}

/**
 * Where groundwork.db lives. GROUNDWORK_DATA_DIR wins (tests give each run its own), then
 * `--data-dir`, then the one folder both shells share on this platform.
 */
export function resolveDataDir(inputs: DataDirInputs): string {
  if (inputs.env.GROUNDWORK_DATA_DIR) return path.resolve(inputs.env.GROUNDWORK_DATA_DIR);
  if (inputs.flag) return path.resolve(inputs.flag);
  return defaultDataDir(inputs);
}

const DB = 'groundwork.db';
/** What moves with the database: its WAL and shared-memory files, and its backups. */
const MOVED_ENTRIES = [DB, `${DB}-wal`, `${DB}-shm`, 'backups'] as const;
/** Left in the old folder, so someone looking there learns where the data went. */
export const MOVED_NOTE = 'MOVED-TO.txt';

type AdoptPlan = { move: false } | { move: true; from: string; to: string; entries: readonly string[] };

/**
 * Whether to bring the served shell's database over from its old folder: only when the data dir
 * is the default one (an override names a folder on purpose), the new folder has no database,
 * the old one has one, and no Groundwork holds the old folder's lock.
 */
export function planAdoptOldData(
  inputs: DataDirInputs,
  dataDir: string,
  look: { exists: (file: string) => boolean; oldFolderLocked: (dir: string) => boolean },
): AdoptPlan {
  if (inputs.env.GROUNDWORK_DATA_DIR || inputs.flag) return { move: false };
  const old = oldServedShellDir(inputs);
  if (!old || path.resolve(old) === path.resolve(dataDir)) return { move: false };
  if (look.exists(path.join(dataDir, DB)) || !look.exists(path.join(old, DB))) return { move: false };
  if (look.oldFolderLocked(old)) return { move: false };
  return { move: true, from: old, to: dataDir, entries: MOVED_ENTRIES.filter((entry) => look.exists(path.join(old, entry))) };
}

/** Moves the planned entries (rename; a copy then removal across file systems) and leaves a note behind. */
function adoptOldData(plan: Extract<AdoptPlan, { move: true }>, now: Date): string {
  fs.mkdirSync(plan.to, { recursive: true });
  for (const entry of plan.entries) {
    const from = path.join(plan.from, entry);
    const to = path.join(plan.to, entry);
    try {
      fs.renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
      fs.rmSync(from, { recursive: true, force: true });
    }
  }
  const message = `Groundwork moved its database from ${plan.from} to ${plan.to} (both the desktop app and \`groundwork serve\` now use ${plan.to}).`;
  fs.writeFileSync(path.join(plan.from, MOVED_NOTE), `${message}\nMoved on ${now.toISOString()}.\n`);
  return message;
}

interface PreparedDataDir {
  dir: string;
  /** Set when the served shell's old database was moved in: the shell prints it once. */
  moved: string | null;
}

/**
 * Resolves the data dir, creates it (Electron's app.setPath throws on a missing folder) and,
 * on Linux, moves the served shell's database over from its old folder the first time.
 */
export function prepareDataDir(inputs: DataDirInputs, oldFolderLocked: (dir: string) => boolean): PreparedDataDir {
  const dir = resolveDataDir(inputs);
  const plan = planAdoptOldData(inputs, dir, { exists: (file) => fs.existsSync(file), oldFolderLocked });
  const moved = plan.move ? adoptOldData(plan, new Date()) : null;
  fs.mkdirSync(dir, { recursive: true });
  return { dir, moved };
}
