// Pure decisions about the Electron build of better-sqlite3 (see main/store/native-binding.ts for
// the side folder it lives in and how Electron finds it). The scripts that act on them are
// electron-native.mjs (build), start.mjs (check) and the packaging hooks.
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

/** `electron-v145-linux-x64`: the same name main/store/native-binding.ts looks for. */
export const nativeFolder = (abi, platform, arch) => `electron-v${abi}-${platform}-${arch}`;

/** Where the Electron build lives in the repository (gitignored), made by `npm run setup`. */
export const electronNativeFile = (root, { abi, platform, arch }) => path.join(root, 'build', 'native', nativeFolder(abi, platform, arch), NATIVE_FILE);

/**
 * The environment for a build against Electron's headers. `npm run` exports npm_config_nodedir
 * (from ~/.npmrc: nodedir=/usr), and node-gyp prefers it over --target: it would compile against
 * Node's headers and report success. Any other npm_config_* that steers node-gyp goes too.
 */
export function electronBuildEnv(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) delete clean[key];
  }
  delete clean.ELECTRON_RUN_AS_NODE;
  return clean;
}

/** The two ways to make the build, in order: a prebuilt binary, then a compile against Electron's headers. */
export function buildSteps({ electronVersion, platform, arch }, tools) {
  return [
    {
      name: 'prebuilt download',
      command: [tools.node, tools.prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'],
    },
    {
      name: 'compile against Electron’s headers',
      command: [tools.node, tools.nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
    },
  ];
}

/** What `setup` and `dist` say when no build could be made. */
export function cannotBuildMessage({ electronVersion, abi, platform, arch }, file, failures) {
  return [
    `The Electron build of better-sqlite3 (Electron ${electronVersion}, ABI ${abi}, ${platform}-${arch}) could not be made here:`,
    ...failures.map((failure) => `  - ${failure}`),
    `It needs the internet once (a prebuilt binary, or Electron's headers to compile against). Where there is a connection, run`,
    '`node scripts/electron-native.mjs`; it writes',
    `  ${file}`,
    'Until then `npm start` runs Groundwork as the served shell in your browser; the tests and `groundwork serve` use the Node build and are not affected.',
  ].join('\n');
}

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
/** electron-builder's Arch enum (a number) as a name. */
export const archName = (arch) => ARCH_NAMES[arch] ?? String(arch);

/**
 * Whether the afterPack check can load the packed `.node` with the packed executable: only the
 * machine's own platform and arch can run it. It runs before electron-builder flips the fuses
 * (runAsNode off), which is why ELECTRON_RUN_AS_NODE still works then.
 */
export function afterPackCheck({ hostPlatform, hostArch, targetPlatform, targetArch }) {
  if (hostPlatform !== targetPlatform || hostArch !== targetArch) {
    return { run: false, why: `the package is for ${targetPlatform}-${targetArch} and this machine is ${hostPlatform}-${hostArch}, so its executable cannot run here` };
  }
  return { run: true };
}

/** The packed executable and resources folder, as electron-builder lays them out. */
export function packedLayout({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') {
    const contents = path.join(appOutDir, `${productFilename}.app`, 'Contents');
    return { executable: path.join(contents, 'MacOS', productFilename), resources: path.join(contents, 'Resources') };
  }
  if (platform === 'win32') return { executable: path.join(appOutDir, `${productFilename}.exe`), resources: path.join(appOutDir, 'resources') };
  return { executable: path.join(appOutDir, executableName), resources: path.join(appOutDir, 'resources') };
}
