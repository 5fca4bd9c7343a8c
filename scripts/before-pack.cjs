// electron-builder beforePack hook: makes sure the Electron build of better-sqlite3 for the target
// platform and arch is in its side folder (build/native/electron-v<ABI>-<platform>-<arch>/), which
// electron-builder.yml ships as an extra resource. It never rebuilds node_modules in place: the
// Node build there stays what the tests and `groundwork serve` load. Packaging stops with the
// reason when no build can be made (see scripts/electron-native.mjs).
module.exports = async function beforePack(context) {
  const { makeElectronNative } = await import('./electron-native.mjs');
  const { archName } = await import('./native-build.mjs');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const result = makeElectronNative({ arch: archName(context.arch), platform, log: (line) => console.log(line) });
  if (!result.ok) throw new Error(result.message);
  console.log(`  • Electron build of better-sqlite3: ${result.file}`);
};
