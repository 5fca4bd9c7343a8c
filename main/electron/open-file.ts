import path from 'node:path';
import type { MethodOutput, Reply } from '../../shared/api';
import { MAX_FILE_BYTES, type GroundworkDocument } from '../../shared/fileformat/document';
import { isDocumentFileName } from '../../shared/fileformat/file-name';
import { parseDocument, tooLargeMessage } from '../../shared/fileformat/validate';

/**
 * The `.groundwork` file (or `.groundwork.json`, the earlier name) the app was asked to open: the
 * last one named on the command line (a double-click on Windows and Linux starts the app, or a
 * second instance, with its path). Flags, which Chromium adds to a second instance's argv, are skipped.
 */
export function groundworkFileFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (!arg.startsWith('-') && isDocumentFileName(arg)) return arg;
  }
  return null;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a document holds, in the words of the question before importing it. */
export function describeDocument(document: GroundworkDocument): string {
  const what = document.kind === 'session' ? `a session “${document.session.title}”` : `a template “${document.template.name}”`;
  const agenda = document.agenda.length ? `an agenda of ${count(document.agenda.length, 'item')}` : 'no agenda';
  return `${what} with ${count(document.boards.length, 'board')} and ${agenda}`;
}

/** The effects the open-a-file flow needs, given by main.ts (Electron) or a test (fakes). */
export interface OpenFileEffects {
  fileSize(file: string): Promise<number>;
  readText(file: string): Promise<string>;
  /** Asks before anything is written; true to import. */
  confirm(question: { message: string; detail: string }): Promise<boolean>;
  showError(message: string, detail: string): void;
  importDocument(document: GroundworkDocument): Promise<Reply<MethodOutput<'file.import'>>>;
  openSession(sessionId: string): void;
}

type OpenFileOutcome = 'imported' | 'cancelled' | 'refused';

/**
 * Opening a file from the OS: read it (refused unread past the size limit), check it, say what it
 * holds and ask, then import it and open the new session. Every refusal says why and that
 * nothing was imported.
 */
export async function openGroundworkFile(file: string, effects: OpenFileEffects): Promise<OpenFileOutcome> {
  const name = path.basename(file);
  const refuse = (detail: string): OpenFileOutcome => {
    effects.showError(`“${name}” was not imported`, `${detail}\n\nNothing was imported.`);
    return 'refused';
  };
  let text: string;
  try {
    const size = await effects.fileSize(file);
    if (size > MAX_FILE_BYTES) {
      return refuse(`${tooLargeMessage(size)}.`);
    }
    text = await effects.readText(file);
  } catch (error) {
    return refuse(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseDocument(text);
  if (!parsed.ok) return refuse(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));

  const { document } = parsed;
  const yes = await effects.confirm({
    message: `Import ${describeDocument(document)}?`,
    detail:
      document.kind === 'session'
        ? `From ${file}.\nIt becomes a new session; nothing you already have changes.`
        : `From ${file}.\nIt is added to your templates; nothing you already have changes.`,
  });
  if (!yes) return 'cancelled';

  const reply = await effects.importDocument(document);
  if (!reply.ok) return refuse(reply.error.message);
  if (reply.result.kind === 'session') effects.openSession(reply.result.session.id);
  return 'imported';
}
