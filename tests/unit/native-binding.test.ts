import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBinding, electronNativeFolder } from '../../main/store/native-binding';

const appRoot = path.resolve('/repo');
const resourcesPath = path.resolve('/opt/Groundwork/resources');
const inputs = (electron: string | undefined, existing: string[] = [], more: { resourcesPath?: string; arch?: string; modules?: string } = {}) => ({
  versions: { electron, modules: more.modules ?? (electron ? '145' : '115') },
  platform: 'linux',
  arch: more.arch ?? 'x64',
  resourcesPath: more.resourcesPath,
  appRoot,
  exists: (file: string) => existing.includes(file),
});
const devBuild = path.join(appRoot, 'build', 'native', 'electron-v145-linux-x64', 'better_sqlite3.node');
const packedBuild = path.join(resourcesPath, 'native', 'electron-v145-linux-x64', 'better_sqlite3.node');

describe('chooseBinding: which build of better-sqlite3 a process loads', () => {
  it('leaves plain Node to npm’s own build, whatever lies in build/native', () => {
    expect(chooseBinding(inputs(undefined, [devBuild]))).toEqual({ kind: 'node' });
  });

  it('gives Electron the build in build/native named for its ABI, platform and arch', () => {
    expect(chooseBinding(inputs('41.7.1', [devBuild]))).toEqual({ kind: 'electron', file: devBuild });
  });

  it('prefers the build a packaged app carries in its resources', () => {
    expect(chooseBinding(inputs('41.7.1', [devBuild, packedBuild], { resourcesPath }))).toEqual({ kind: 'electron', file: packedBuild });
  });

  it('never hands Electron a build made for another ABI or arch', () => {
    expect(chooseBinding(inputs('42.0.0', [devBuild], { modules: '146' })).kind).toBe('missing');
    expect(chooseBinding(inputs('41.7.1', [devBuild], { arch: 'arm64' })).kind).toBe('missing');
  });

  it('says what is missing, where it looked and how to make it', () => {
    const choice = chooseBinding(inputs('41.7.1', [], { resourcesPath }));
    expect(choice.kind).toBe('missing');
    if (choice.kind !== 'missing') return;
    expect(choice.looked).toEqual([packedBuild, devBuild]);
    expect(choice.message).toContain('Electron 41.7.1 (ABI 145, linux-x64)');
    expect(choice.message).toContain(devBuild);
    expect(choice.message).toContain('npm run setup');
    expect(choice.message).toContain('served shell');
  });

  it('names the side folder the way the build script and electron-builder.yml do', () => {
    expect(electronNativeFolder('145', 'win32', 'arm64')).toBe('electron-v145-win32-arm64');
  });
});
