// electron-builder beforePack hook: rebuilds better-sqlite3 for the Electron version and
// architecture being packaged. electron-builder's own rebuild is off (npmRebuild: false) because,
// with nodedir=/usr in ~/.npmrc, it builds against the system Node and still reports success.
// This rebuilds node_modules in place: afterwards `npm rebuild better-sqlite3` restores the
// Node build that the tests and `groundwork serve` load.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

module.exports = async function beforePack(context) {
  // @electron/rebuild is an ES module (a dependency of app-builder-lib).
  const { rebuild } = await import('@electron/rebuild');
  const { packager } = context;
  const electronVersion = packager.config.electronVersion || packager.info.framework.version;
  const arch = ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal') throw new Error(`beforePack: cannot rebuild better-sqlite3 for arch ${context.arch}`);
  console.log(`  • rebuilding better-sqlite3 for Electron ${electronVersion} (${context.electronPlatformName}-${arch})`);
  await rebuild({
    buildPath: packager.info.appDir,
    electronVersion,
    arch,
    platform: context.electronPlatformName,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
