#!/usr/bin/env node
// Makes the Electron build of better-sqlite3 in a folder of its own,
// build/native/electron-v<ABI>-<platform>-<arch>/better_sqlite3.node, and never touches the Node
// build npm put in node_modules (the tests and `groundwork serve` load that one). It works on a
// copy of the package: a prebuilt binary first, then a compile against Electron's headers with
// node-gyp. (@electron/rebuild does the same two steps, but asks for Node >= 22.12 and rebuilds
// node_modules in place.) Both need the internet once.
//
//   node scripts/electron-native.mjs [--arch ARCH] [--platform PLATFORM] [--force] [--optional]
//
// Exit 0 when the build is there (or, with --optional, when it could not be made: `setup` says so
// and carries on); 1 when it could not be made.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSteps, cannotBuildMessage, electronBuildEnv, electronNativeFile, NATIVE_FILE } from './native-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The Electron the app is built with: its version and ABI (node_modules/electron/abi_version). */
export function installedElectron() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const electronVersion = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const abiFile = path.join(dir, 'abi_version');
  const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : require('node-abi').getAbi(electronVersion, 'electron');
  return { electronVersion, abi };
}

/** The Electron binary's path, or null where it was never downloaded. */
export function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

/** The lines of a tool's output that say what went wrong (the URL it tried, the error), not its stack. */
function summarize(text) {
  const lines = (text ?? '').trim().split('\n');
  const telling = lines.filter((line) => /GET https?:|Error:|network|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|404/i.test(line) && !/stack at /.test(line));
  return (telling.length ? telling.slice(0, 3) : lines.slice(-3)).map((line) => line.trim()).join(' / ').slice(0, 400);
}

/** Loads the built file with Electron itself (as Node) where the binary exists: the only real proof of its ABI. */
function loadsInElectron(file) {
  const binary = electronBinary();
  if (!binary) return { checked: false };
  const result = spawnSync(binary, ['-e', `require(${JSON.stringify(file)})`], { env: { ...electronBuildEnv(process.env), ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { checked: true, ok: result.status === 0, detail: summarize(result.stderr) };
}

export function makeElectronNative({ arch, platform, force = false, log = console.log } = {}) {
  arch ??= process.arch;
  platform ??= process.platform;
  const target = { ...installedElectron(), platform, arch };
  const file = electronNativeFile(root, target);
  if (fs.existsSync(file) && !force) return { ok: true, file, made: false };

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electron-native-'));
  const failures = [];
  try {
    fs.cpSync(source, copy, { recursive: true, filter: (from) => path.relative(source, from).split(path.sep)[0] !== 'build' });
    const tools = { node: process.execPath, prebuildInstall: require.resolve('prebuild-install/bin.js'), nodeGyp: require.resolve('node-gyp/bin/node-gyp.js') };
    const built = path.join(copy, 'build', 'Release', NATIVE_FILE);
    for (const step of buildSteps(target, tools)) {
      log(`  better-sqlite3 for Electron ${target.electronVersion} (${platform}-${arch}): ${step.name}…`);
      const [command, ...args] = step.command;
      const result = spawnSync(command, args, { cwd: copy, env: electronBuildEnv(process.env), encoding: 'utf8', timeout: 10 * 60_000 });
      if (result.status === 0 && fs.existsSync(built)) break;
      failures.push(`${step.name} failed: ${summarize(result.stderr || result.stdout) || (result.error?.message ?? `exit ${result.status}`)}`);
      fs.rmSync(built, { force: true });
    }
    if (!fs.existsSync(built)) return { ok: false, file, message: cannotBuildMessage(target, file, failures) };
    if (platform === process.platform && arch === process.arch) {
      const loaded = loadsInElectron(built);
      if (loaded.checked && !loaded.ok) return { ok: false, file, message: cannotBuildMessage(target, file, [`the build does not load in Electron: ${loaded.detail}`]) };
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(built, file);
    return { ok: true, file, made: true };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function flag(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const result = makeElectronNative({ arch: flag(argv, '--arch'), platform: flag(argv, '--platform'), force: argv.includes('--force') });
  if (result.ok) {
    console.log(result.made ? `Made the Electron build of better-sqlite3: ${result.file}` : `The Electron build of better-sqlite3 is there: ${result.file}`);
  } else {
    console.log(result.message);
    process.exit(argv.includes('--optional') ? 0 : 1);
  }
}
