import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeFolder } from '../../../main/store/native-binding';
import { afterPackCheck, archName, buildSteps, cannotBuildMessage, electronBuildEnv, electronNativeFile, nativeFolder, packedLayout } from '../../../scripts/native-build.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const target = { electronVersion: '41.7.1', abi: '145', platform: 'linux', arch: 'x64' };

describe('the Electron build of better-sqlite3', () => {
  it('lives in the side folder the app looks in, never in node_modules', () => {
    expect(nativeFolder('145', 'linux', 'x64')).toBe(electronNativeFolder('145', 'linux', 'x64'));
    expect(electronNativeFile('/repo', target)).toBe(path.join('/repo', 'build', 'native', 'electron-v145-linux-x64', 'better_sqlite3.node'));
  });

  it('is built with npm’s nodedir cleared, which node-gyp would prefer over --target', () => {
    const env = electronBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', ELECTRON_RUN_AS_NODE: '1', PATH: '/bin', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('tries a prebuilt binary for Electron first, then compiles against Electron’s headers', () => {
    const steps = buildSteps(target, { node: 'node', prebuildInstall: 'pi.js', nodeGyp: 'gyp.js' });
    expect(steps.map((s) => s.name)).toEqual(['prebuilt download', 'compile against Electron’s headers']);
    expect(steps[0].command).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '41.7.1', '--arch', 'x64', '--platform', 'linux']));
    expect(steps[1].command).toEqual(expect.arrayContaining(['--runtime=electron', '--target=41.7.1', '--dist-url=https://electronjs.org/headers']));
    expect(steps[1].command.some((arg) => arg.includes('nodedir'))).toBe(false);
  });

  it('says, when it cannot be made, what failed, where it goes and that the served shell still works', () => {
    const message = cannotBuildMessage(target, '/repo/build/native/x/better_sqlite3.node', ['prebuilt download failed: ENOTFOUND github.com']);
    expect(message).toContain('ENOTFOUND github.com');
    expect(message).toContain('/repo/build/native/x/better_sqlite3.node');
    expect(message).toContain('served shell');
  });

  it('is built for the ABI of the Electron installed here', () => {
    const abi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
    expect(abi).toBe('145');
  });
});

describe('the afterPack load check', () => {
  it('runs the packed executable only where host and target match', () => {
    expect(afterPackCheck({ hostPlatform: 'linux', hostArch: 'x64', targetPlatform: 'linux', targetArch: 'x64' })).toEqual({ run: true });
    const other = afterPackCheck({ hostPlatform: 'linux', hostArch: 'x64', targetPlatform: 'linux', targetArch: 'arm64' });
    expect(other).toMatchObject({ run: false, why: expect.stringContaining('linux-arm64') });
    expect(afterPackCheck({ hostPlatform: 'linux', hostArch: 'x64', targetPlatform: 'win32', targetArch: 'x64' }).run).toBe(false);
  });

  it('finds the executable and resources where electron-builder puts them', () => {
    expect(packedLayout({ appOutDir: '/o', platform: 'linux', productFilename: 'Groundwork', executableName: 'groundwork' })).toEqual({ executable: path.join('/o', 'groundwork'), resources: path.join('/o', 'resources') });
    expect(packedLayout({ appOutDir: '/o', platform: 'win32', productFilename: 'Groundwork', executableName: 'groundwork' }).executable).toBe(path.join('/o', 'Groundwork.exe'));
    expect(packedLayout({ appOutDir: '/o', platform: 'darwin', productFilename: 'Groundwork', executableName: 'groundwork' })).toEqual({
      executable: path.join('/o', 'Groundwork.app', 'Contents', 'MacOS', 'Groundwork'),
      resources: path.join('/o', 'Groundwork.app', 'Contents', 'Resources'),
    });
    expect(archName(1)).toBe('x64');
    expect(archName(3)).toBe('arm64');
  });
});
