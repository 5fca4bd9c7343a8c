import { parseArgs as parseOptions } from 'node:util';

export interface ServeArgs {
  command: 'serve';
  port: number;
  host: string;
  /** The one address the room may open on (`--room-host`), instead of the machine's own. */
  roomHost?: string;
  dataDir?: string;
  /** The team library's PostgreSQL connection string (`--library-url`), over the stored setting. */
  libraryUrl?: string;
}

export interface ExportArgs {
  command: 'export';
  sessionId: string;
  /** Where to write; by default `<title>.groundwork` in the current folder. */
  out?: string;
  dataDir?: string;
}

export interface ImportArgs {
  command: 'import';
  file: string;
  dataDir?: string;
}

interface TemplatesListArgs {
  command: 'templates list';
  dataDir?: string;
}

/** The commands that open the database, do one thing and exit. */
export type DataCommandArgs = ExportArgs | ImportArgs | TemplatesListArgs;

interface BackupArgs {
  command: 'backup';
  dataDir?: string;
}

/** Creates (or updates) the team library's schema and roles in PostgreSQL; needs no data dir. */
export interface LibraryInitArgs {
  command: 'library init';
  /** From `--library-url`, else GROUNDWORK_LIBRARY_URL; the command says so when neither is given. */
  libraryUrl?: string;
}

type CliArgs = ServeArgs | DataCommandArgs | BackupArgs | LibraryInitArgs | { command: 'help' };

export const DEFAULT_PORT = 5417;

export const USAGE = `Usage: groundwork <command> [options]

Commands:
  serve           Serve Groundwork to a browser on this machine
                  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
                  --host ADDR     address to bind (default 127.0.0.1: this machine only)
                  --room-host ADDR  the IPv4 address participants' phones join on when the
                                  room is opened (default: one of this machine's networks)
                  --library-url URL  the team library (postgresql://USER:PASSWORD@HOST/DB);
                                  GROUNDWORK_LIBRARY_URL also sets it
  export          Write a session to a .groundwork file
                  --session ID    the session (its id is in the app's address: #/session/ID)
                  --out FILE      the file to write (replaced if it exists; default: the
                                  session's title.groundwork in the current folder)
  import FILE     Import a .groundwork (or .groundwork.json) file: a session, or a template into your templates
  templates list  List the built-in templates and your own
  backup          Back up the database now; the newest 7 backups are kept
  library init    Create (or update) the team library's schema and its two roles,
                  groundwork_trainer and groundwork_admin, in a PostgreSQL database
                  --library-url URL  as a user who may create roles (default:
                                  GROUNDWORK_LIBRARY_URL)
  help            Show this text

Every command but help and library init takes --data-dir DIR: where groundwork.db lives (default: your data
folder; GROUNDWORK_DATA_DIR overrides it). An option's value follows a space or an = (--port=5417);
after -- every word is a word, even one that starts with a dash.`;

export class UsageError extends Error {}

/** Reads `--flag value` or `--flag=value` pairs (any order) and the words between them, or after `--`; a flag must be one of `allowed`. */
function readFlags(command: string, rest: string[], allowed: readonly string[]): { flags: Map<string, string>; words: string[] } {
  const options = Object.fromEntries(allowed.map((flag) => [flag.slice(2), { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseOptions({ args: rest, options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw usageErrorOf(command, rest, error);
  }
  const flags = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const flag = `--${token.name}`;
    if (flags.has(flag)) throw new UsageError(`${flag} is given twice`);
    flags.set(flag, token.value ?? '');
  }
  return { flags, words: parsed.positionals };
}

/** node:util's parse errors in our words, naming the option. */
function usageErrorOf(command: string, rest: string[], error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^', <]+)/.exec(String((error as Error).message))?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option.startsWith('--')) return new UsageError(`Unknown option "${option}" for ${command}`);
  // node:util names one letter of "-weird.groundwork": name what was typed, and how to pass it as a word.
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Unknown option "${rest.find((arg) => arg.startsWith(option)) ?? option}" for ${command} (a word that starts with a dash goes after --)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(`${option} needs a value`);
  return error as Error;
}

function noWords(command: string, words: string[]): void {
  if (words.length) throw new UsageError(`Unexpected "${words[0]}" after ${command}`);
}

function parseServe(rest: string[]): ServeArgs {
  const { flags, words } = readFlags('serve', rest, ['--port', '--host', '--room-host', '--data-dir', '--library-url']);
  noWords('serve', words);
  const args: ServeArgs = { command: 'serve', port: DEFAULT_PORT, host: flags.get('--host') ?? '127.0.0.1' };
  const port = flags.get('--port');
  if (port !== undefined) {
    // Digits only: Number() would read "" as 0 (a random port) and accept " 80", "0x50" or "1e3".
    const value = /^\d{1,5}$/.test(port) ? Number(port) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${port}"`);
    args.port = value;
  }
  const roomHost = flags.get('--room-host');
  if (roomHost !== undefined) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(roomHost) || roomHost.split('.').some((part) => Number(part) > 255)) {
      throw new UsageError(`--room-host must be an IPv4 address such as 192.168.1.20, not "${roomHost}"`);
    }
    args.roomHost = roomHost;
  }
  const libraryUrl = flags.get('--library-url');
  if (libraryUrl !== undefined) args.libraryUrl = libraryUrl;
  return withDataDir(args, flags);
}

function withDataDir<T extends object>(args: T, flags: Map<string, string>): T & { dataDir?: string } {
  const dataDir = flags.get('--data-dir');
  return dataDir === undefined ? args : { ...args, dataDir };
}

function parseExport(rest: string[]): ExportArgs {
  const { flags, words } = readFlags('export', rest, ['--session', '--out', '--data-dir']);
  noWords('export', words);
  const sessionId = flags.get('--session');
  const out = flags.get('--out');
  if (!sessionId) throw new UsageError('export needs --session ID: the session to export');
  return withDataDir(out === undefined ? { command: 'export', sessionId } : { command: 'export', sessionId, out }, flags);
}

function parseImport(rest: string[]): ImportArgs {
  const { flags, words } = readFlags('import', rest, ['--data-dir']);
  if (words.length === 0) throw new UsageError('import needs a FILE: the .groundwork file to import');
  if (words.length > 1) throw new UsageError(`import takes one FILE at a time, not ${words.length}`);
  return withDataDir({ command: 'import', file: words[0] }, flags);
}

function parseTemplates(rest: string[]): TemplatesListArgs {
  const [action, ...others] = rest;
  if (action !== 'list') throw new UsageError(action === undefined ? 'templates needs an action: templates list' : `Unknown action "${action}" for templates; try templates list`);
  const { flags, words } = readFlags('templates list', others, ['--data-dir']);
  noWords('templates list', words);
  return withDataDir({ command: 'templates list' }, flags);
}

function parseBackup(rest: string[]): BackupArgs {
  const { flags, words } = readFlags('backup', rest, ['--data-dir']);
  noWords('backup', words);
  return withDataDir({ command: 'backup' }, flags);
}

function parseLibrary(rest: string[]): LibraryInitArgs {
  const [action, ...others] = rest;
  if (action !== 'init') throw new UsageError(action === undefined ? 'library needs an action: library init' : `Unknown action "${action}" for library; try library init`);
  const { flags, words } = readFlags('library init', others, ['--library-url']);
  noWords('library init', words);
  const libraryUrl = flags.get('--library-url');
  return libraryUrl === undefined ? { command: 'library init' } : { command: 'library init', libraryUrl };
}

/** Parses argv (without node and the script) into a command, or throws a UsageError saying what is wrong. */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (!command || command === 'help' || command === '--help' || command === '-h' || options.includes('--help') || options.includes('-h')) return { command: 'help' };
  switch (command) {
    case 'serve':
      return parseServe(rest);
    case 'export':
      return parseExport(rest);
    case 'import':
      return parseImport(rest);
    case 'templates':
      return parseTemplates(rest);
    case 'backup':
      return parseBackup(rest);
    case 'library':
      return parseLibrary(rest);
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}
