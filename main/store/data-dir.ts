import path from 'node:path';

export interface DataDirInputs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** `serve --data-dir`. */
  flag?: string;
  /** Electron's app.getPath('userData'), when running in Electron. */
  electronUserData?: string;
}

/**
 * Where groundwork.db lives. GROUNDWORK_DATA_DIR wins (tests give each run its own), then the
 * shell's own choice (--data-dir, or Electron's userData), then the platform's data folder.
 */
export function resolveDataDir({ env, platform, home, flag, electronUserData }: DataDirInputs): string {
  if (env.GROUNDWORK_DATA_DIR) return path.resolve(env.GROUNDWORK_DATA_DIR);
  if (flag) return path.resolve(flag);
  if (electronUserData) return electronUserData;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Groundwork');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Groundwork');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'groundwork');
}
