import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs, UsageError } from '../../main/cli/args';

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

describe('parseArgs', () => {
  it('shows help with no command, help, --help or -h', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) expect(parseArgs(argv)).toEqual({ command: 'help' });
  });

  it('serve defaults to this machine only on the default port', () => {
    expect(parseArgs(['serve'])).toEqual({ command: 'serve', port: DEFAULT_PORT, host: '127.0.0.1' });
  });

  it('serve takes --port, --host and --data-dir in any order', () => {
    expect(parseArgs(['serve', '--data-dir', '/tmp/gw', '--host', '0.0.0.0', '--port', '0'])).toEqual({
      command: 'serve',
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/gw',
    });
    expect(parseArgs(['serve', '--port', '65535'])).toMatchObject({ port: 65535 });
  });

  it('library init takes --library-url; serve takes it too', () => {
    expect(parseArgs(['library', 'init', '--library-url', 'postgresql://admin@db/firm'])).toEqual({ command: 'library init', libraryUrl: 'postgresql://admin@db/firm' });
    expect(parseArgs(['library', 'init'])).toEqual({ command: 'library init' });
    expect(parseArgs(['serve', '--library-url', 'postgresql://ann@db/firm'])).toMatchObject({ command: 'serve', libraryUrl: 'postgresql://ann@db/firm' });
    expect(usageError(['library']).message).toBe('library needs an action: library init');
    expect(usageError(['library', 'init', '--data-dir', 'x']).message).toBe('Unknown option "--data-dir" for library init');
  });

  it('takes a value after = as well as after a space', () => {
    expect(parseArgs(['serve', '--port=5417', '--host=0.0.0.0'])).toEqual({ command: 'serve', port: 5417, host: '0.0.0.0' });
    expect(parseArgs(['export', '--session=s_1', '--out=-odd name.groundwork'])).toEqual({ command: 'export', sessionId: 's_1', out: '-odd name.groundwork' });
    expect(usageError(['serve', '--port=']).message).toBe('--port must be a whole number from 0 to 65535, not ""');
  });

  it('shows help for --help or -h after any command', () => {
    for (const argv of [['serve', '--help'], ['export', '--session', 's_1', '-h'], ['library', 'init', '--help']]) expect(parseArgs(argv)).toEqual({ command: 'help' });
  });

  it('reads everything after -- as words, so a file may start with a dash', () => {
    expect(parseArgs(['import', '--', '-h.groundwork'])).toEqual({ command: 'import', file: '-h.groundwork' });
    expect(parseArgs(['import', '--data-dir', '/d', '--', '--port'])).toEqual({ command: 'import', file: '--port', dataDir: '/d' });
    expect(usageError(['import', '-weird.groundwork']).message).toBe('Unknown option "-weird.groundwork" for import (a word that starts with a dash goes after --)');
  });

  it('refuses a flag given twice, either way', () => {
    expect(usageError(['serve', '--port', '1', '--port=2']).message).toBe('--port is given twice');
  });

  it('refuses an unknown command or option, naming it', () => {
    expect(usageError(['launch']).message).toContain('"launch"');
    expect(usageError(['serve', '--verbose']).message).toContain('"--verbose"');
  });

  it('refuses a flag without a value, naming the flag', () => {
    expect(usageError(['serve', '--port']).message).toContain('--port needs a value');
    expect(usageError(['serve', '--data-dir', '--port', '1']).message).toContain('--data-dir needs a value');
    expect(usageError(['serve', '--port', '-1']).message).toContain('--port needs a value');
  });

  it('refuses a port that is not a whole number from 0 to 65535, naming --port and the value', () => {
    for (const value of ['abc', '-1', '65536', '80.5', '', ' 80', '0x50', '1e3']) {
      const error = usageError(['serve', `--port=${value}`]);
      expect(error.message).toContain('--port');
      expect(error.message).toContain(`"${value}"`);
    }
  });
});
