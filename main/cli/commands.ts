import fs from 'node:fs';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { MAX_FILE_BYTES } from '../../shared/fileformat/document';
import { documentFileName } from '../../shared/fileformat/file-name';
import { parseDocument, tooLargeMessage } from '../../shared/fileformat/validate';
import type { TemplateSummary } from '../../shared/model';
import { startBackend } from '../service/backend';
import type { DataCommandArgs, ExportArgs, ImportArgs } from './args';

/** Where a command writes: stdout for results, stderr for what went wrong. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A command that ran but could not do its job: its message is for the trainer, its exit code for scripts. */
export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Opens the backend on the data dir, runs one command through the contract, closes it. A damaged
 * database is refused (moved aside, with the newest backup named), never worked on empty. Beside a
 * running shell (`openIn` names it) nothing is moved and no schema step runs.
 */
export async function runDataCommand(args: DataCommandArgs, dataDir: string, output: CommandOutput, openIn: string | null = null): Promise<void> {
  const backend = startBackend(dataDir, { onDamage: 'refuse', openIn: openIn ?? undefined });
  try {
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const reply = await backend.dispatch(method, input, { clientId: 'cli' });
      if (!reply.ok) throw new CommandFailed(reply.error.message);
      return reply.result as MethodOutput<M>;
    };
    if (args.command === 'export') await exportCommand(args, call, output);
    else if (args.command === 'import') await importCommand(args, call, output);
    else output.out(templatesTable(await call('template.list', {})));
  } finally {
    backend.close();
  }
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

async function exportCommand(args: ExportArgs, call: Call, output: CommandOutput): Promise<void> {
  const document = await call('session.export', { id: args.sessionId });
  const nodes = document.boards.reduce((sum, board) => sum + board.nodes.length, 0);
  const out = args.out ?? documentFileName(document.session.title);
  const file = path.resolve(out);
  // Written beside the target and renamed over it, so a failure never leaves half a file.
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, `${JSON.stringify(document, null, 2)}\n`);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new CommandFailed(`cannot write ${out}: ${describeFsError(error)}`);
  }
  output.out(`Exported session "${document.session.title}" (${plural(document.boards.length, 'board')}, ${plural(nodes, 'node')}) to ${out}`);
}

async function importCommand(args: ImportArgs, call: Call, output: CommandOutput): Promise<void> {
  let size: number;
  try {
    size = fs.statSync(args.file).size;
  } catch (error) {
    throw new CommandFailed(`cannot read ${args.file}: ${describeFsError(error)}`);
  }
  const refused = (lines: string[]) => new CommandFailed([`${args.file} was not imported; nothing was written:`, ...lines.map((l) => `  ${l}`)].join('\n'));
  // Measured before reading: a huge file is refused without loading it.
  if (size > MAX_FILE_BYTES) throw refused([`$: ${tooLargeMessage(size)}`]);
  const parsed = parseDocument(fs.readFileSync(args.file, 'utf8'));
  if (!parsed.ok) throw refused(parsed.problems.map((p) => `${p.path}: ${p.message}`));
  const result = await call('file.import', { document: parsed.document });
  const boards = plural(parsed.document.boards.length, 'board');
  if (result.kind === 'session') output.out(`Imported session "${result.session.title}" (${boards}) as ${result.session.id}`);
  else output.out(`Imported template "${result.template.name}" (${boards}) as ${result.template.id}`);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'that is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** One template a line: id, name, boards, minutes, built-in or own; columns padded to line up. */
function templatesTable(templates: readonly TemplateSummary[]): string {
  const rows = [
    ['ID', 'NAME', 'BOARDS', 'MINUTES', 'SOURCE'],
    ...templates.map((t) => [t.id, t.name, String(t.boardCount), String(t.totalMinutes), t.builtIn ? 'built-in' : 'own']),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}
