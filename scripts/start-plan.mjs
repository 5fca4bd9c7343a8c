// Pure decisions of `npm start` (scripts/start.mjs): which shell to start, with what environment,
// and which exit code to pass on.
import os from 'node:os';

/**
 * The desktop app when Electron can start; otherwise the served shell, with the reason to print.
 * `binary`: the Electron binary's path, or { missing: message } where it was never downloaded.
 */
export function startPlan({ binary, native, isRoot }) {
  if (typeof binary !== 'string') {
    return { shell: 'served', why: `Electron is not available on this machine (${binary.missing}).` };
  }
  if (!native.exists) {
    return {
      shell: 'served',
      why: [
        `Electron is installed, but better-sqlite3 has no build for it yet (looked for ${native.file}).`,
        'Make it with `node scripts/electron-native.mjs` (part of `npm run setup`; it needs the internet once).',
      ].join('\n'),
    };
  }
  if (isRoot) {
    return {
      shell: 'served',
      why: 'Electron will not run as root without turning its sandbox off, which Groundwork does not do. Run `npm start` as an ordinary user for the desktop app.',
    };
  }
  return { shell: 'electron', command: binary };
}

/** Electron's environment: ELECTRON_RUN_AS_NODE (left over from a tool) would start it as plain Node, with no window. */
export function electronEnv(env) {
  const clean = { ...env };
  delete clean.ELECTRON_RUN_AS_NODE;
  return clean;
}

/** The exit code to pass on: the child's own, or 128 + the signal's number when it was killed (never 0). */
export function exitCodeOf(code, signal, signals = os.constants.signals) {
  if (typeof code === 'number') return code;
  if (signal && signals[signal]) return 128 + signals[signal];
  return 1;
}

/** Why Electron could not be started at all (spawn failed): the served shell follows. */
export function spawnFailure(error) {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  const reason = code === 'EACCES' ? 'its binary is not executable' : code === 'ENOENT' ? 'its binary is missing' : String(error?.message ?? error);
  return `Electron could not be started (${reason}).`;
}

/** An Electron that stops this soon after it was started never opened its window. */
export const START_WINDOW_MS = 5_000;

/**
 * What follows Electron's exit: its exit code passed on, or, when it failed as it started (the
 * sandbox helper on Ubuntu 23.10+ aborts it, say), the served shell with the reason. A stop the
 * user asked for (Ctrl+C forwarded as SIGINT or SIGTERM) is passed on as it is.
 */
export function afterElectronExit({ code, signal, ranMs, stoppedByUser }, signals = os.constants.signals) {
  const failed = code !== 0 && !stoppedByUser;
  if (!failed || ranMs >= START_WINDOW_MS) return { action: 'exit', code: exitCodeOf(code, signal, signals) };
  const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
  return {
    action: 'serve',
    why: `Electron ${how} as it started, before opening its window. On Ubuntu 23.10 and later that is usually its sandbox helper (chrome-sandbox): the README's "Set up and run" says what to do.`,
  };
}
