import path from 'node:path';

/**
 * better-sqlite3 is not Node-API: its `.node` file is built for one ABI (process.versions.modules)
 * and cannot be loaded by another. Node 20 is ABI 115, Electron 41 is ABI 145, so Groundwork keeps
 * two builds: npm's own in node_modules (Node: the tests, `serve`, the CLI) and an Electron build
 * in a folder of its own, named for what it was built for, handed to better-sqlite3's
 * `nativeBinding` option.
 */
const NATIVE_FILE = 'better_sqlite3.node';

/** The side folder's name: `electron-v145-linux-x64`. scripts/electron-native.mjs builds into it; electron-builder.yml ships it. */
export const electronNativeFolder = (abi: string, platform: string, arch: string) => `electron-v${abi}-${platform}-${arch}`;

interface BindingInputs {
  /** process.versions: `electron` is set only inside Electron; `modules` is the ABI. */
  versions: { electron?: string; modules: string };
  platform: string;
  arch: string;
  /** process.resourcesPath in Electron: a packaged app carries its build in resources/native/<folder>/. */
  resourcesPath?: string;
  /** The repository (or app) root: a development run finds the build in build/native/<folder>/. */
  appRoot: string;
  exists: (file: string) => boolean;
}

export type BindingChoice =
  /** Plain Node: better-sqlite3 finds its own build, as npm installed it. */
  | { kind: 'node' }
  | { kind: 'electron'; file: string }
  | { kind: 'missing'; message: string; looked: string[] };

/** Where the Electron build may be, packaged app first. */
export function electronBindingCandidates({ versions, platform, arch, resourcesPath, appRoot }: Omit<BindingInputs, 'exists'>): string[] {
  const folder = electronNativeFolder(versions.modules, platform, arch);
  const candidates = [path.join(appRoot, 'build', 'native', folder, NATIVE_FILE)];
  if (resourcesPath) candidates.unshift(path.join(resourcesPath, 'native', folder, NATIVE_FILE));
  return candidates;
}

/** Which build of better-sqlite3 this process loads: npm's under Node, the side folder's under Electron. */
export function chooseBinding(inputs: BindingInputs): BindingChoice {
  const { versions, platform, arch } = inputs;
  if (!versions.electron) return { kind: 'node' };
  const looked = electronBindingCandidates(inputs);
  const file = looked.find(inputs.exists);
  if (file) return { kind: 'electron', file };
  return { kind: 'missing', looked, message: missingBindingMessage(versions.electron, versions.modules, platform, arch, looked) };
}

function missingBindingMessage(electron: string, abi: string, platform: string, arch: string, looked: readonly string[]): string {
  return [
    `Groundwork's database module (better-sqlite3) has no build for Electron ${electron} (ABI ${abi}, ${platform}-${arch}).`,
    `It looked for ${looked.join(' and ')}.`,
    `Make it with \`npm run setup\` (or \`node scripts/electron-native.mjs\`), which needs the internet once to fetch Electron's headers or a prebuilt binary;`,
    'until then `npm start` opens Groundwork as the served shell in your browser.',
  ].join(' ');
}
