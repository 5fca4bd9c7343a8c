export interface ServeArgs {
  command: 'serve';
  port: number;
  host: string;
  dataDir?: string;
}

export type CliArgs = ServeArgs | { command: 'help' };

export const DEFAULT_PORT = 5417;

export const USAGE = `Usage: groundwork <command> [options]

Commands:
  serve   Serve Groundwork to a browser on this machine
          --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
          --host ADDR     address to bind (default 127.0.0.1: this machine only)
          --data-dir DIR  where groundwork.db lives (default: your data folder;
                          GROUNDWORK_DATA_DIR overrides it)
  help    Show this text`;

export class UsageError extends Error {}

/** Parses argv (without node and the script) into a command, or throws a UsageError saying what is wrong. */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'serve') throw new UsageError(`Unknown command "${command}"`);
  const args: ServeArgs = { command: 'serve', port: DEFAULT_PORT, host: '127.0.0.1' };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (!['--port', '--host', '--data-dir'].includes(flag)) throw new UsageError(`Unknown option "${flag}" for serve`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    i++;
    if (flag === '--port') {
      // Digits only: Number() would read "" as 0 (a random port) and accept " 80", "0x50" or "1e3".
      const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}"`);
      args.port = port;
    } else if (flag === '--host') args.host = value;
    else args.dataDir = value;
  }
  return args;
}
