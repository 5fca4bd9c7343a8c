// electron-builder afterPack hook: loads the packed Electron build of better-sqlite3 with the
// packed executable (as Node, ELECTRON_RUN_AS_NODE), so a package whose database module would not
// load never leaves the machine. electron-builder flips the fuses (runAsNode off) after this hook,
// which is why the check can still run the executable as Node. A package for another platform or
// arch cannot run here: the check says so and only makes sure the file is in the package.
module.exports = async function afterPack(context) {
  const { spawnSync } = await import('node:child_process');
  const { default: fs } = await import('node:fs');
  const { default: path } = await import('node:path');
  const { afterPackCheck, archName, electronBuildEnv, nativeFolder, NATIVE_FILE, packedLayout } = await import('./native-build.mjs');
  const { installedElectron } = await import('./electron-native.mjs');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = archName(context.arch);
  const { executable, resources } = packedLayout({
    appOutDir: context.appOutDir,
    platform,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  const file = path.join(resources, 'native', nativeFolder(installedElectron().abi, platform, arch), NATIVE_FILE);
  if (!fs.existsSync(file)) throw new Error(`afterPack: the package has no Electron build of better-sqlite3 at ${file}`);
  const check = afterPackCheck({ hostPlatform: process.platform, hostArch: process.arch, targetPlatform: platform, targetArch: arch });
  if (!check.run) {
    console.log(`  • afterPack: ${file} is packed; not loaded: ${check.why}`);
    return;
  }
  const script = `const addon = require(${JSON.stringify(file)}); if (typeof addon.Database !== 'function') throw new Error('not better-sqlite3'); console.log('ABI ' + process.versions.modules);`;
  const result = spawnSync(executable, ['-e', script], { env: { ...electronBuildEnv(process.env), ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`afterPack: the packed Electron cannot load ${file}:\n${result.stderr || result.error?.message || `exit ${result.status}`}`);
  }
  console.log(`  • afterPack: the packed Electron loads better-sqlite3 (${result.stdout.trim()})`);
};
