import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { chooseBinding, type BindingChoice } from './native-binding';
import { DatabaseRefusedError } from './refused';

/** Electron has no build of better-sqlite3 to load; the message says how to make one. */
class NativeBindingMissingError extends DatabaseRefusedError {
  constructor(
    message: string,
    readonly looked: readonly string[],
  ) {
    super(message);
    this.name = 'NativeBindingMissingError';
  }
}

// This file runs as dist/main/store/sqlite.js: the repository (or app.asar) root is three up.
const APP_ROOT = path.resolve(__dirname, '..', '..', '..');

let choice: BindingChoice | undefined;

/** Decided once per process: the answer cannot change while it runs. */
function binding(): BindingChoice {
  choice ??= chooseBinding({
    versions: { electron: process.versions.electron, modules: process.versions.modules },
    platform: process.platform,
    arch: process.arch,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
    appRoot: APP_ROOT,
    exists: (file) => fs.existsSync(file),
  });
  return choice;
}

/**
 * Every connection Groundwork opens goes through here, so that inside Electron each one loads the
 * Electron build of better-sqlite3 (its `nativeBinding` option) and never npm's Node build.
 */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const chosen = binding();
  if (chosen.kind === 'missing') throw new NativeBindingMissingError(chosen.message, chosen.looked);
  return new Database(file, chosen.kind === 'electron' ? { ...options, nativeBinding: chosen.file } : options);
}
