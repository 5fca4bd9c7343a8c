import { repairText } from '../../shared/text/well-formed';

/**
 * Text as an older Groundwork may have stored it. It let lone UTF-16 surrogates in (now refused at
 * every entry, see shared/text/well-formed.ts), and SQLite keeps one as three bytes that UTF-8
 * readers, better-sqlite3's too, turn into three U+FFFD: a title at its limit came back over it
 * and failed the answer's check, and with it the whole list. Read, such text is repaired for
 * display, one U+FFFD for each broken character, so the session can still be opened and renamed.
 */

const BROKEN_CHARACTER_AS_READ = /\uFFFD{3}/g;
/** JSON.stringify writes a lone surrogate as an escape (`\ud800`) and nothing else there but a pair. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** A TEXT column: three U+FFFD in a row, what a stored lone surrogate reads as, become one. */
export function storedText(text: string): string {
  return text.includes('\uFFFD\uFFFD\uFFFD') ? text.replace(BROKEN_CHARACTER_AS_READ, '\uFFFD') : text;
}

/** A JSON column: an escaped lone surrogate parses back as one, and becomes U+FFFD. */
export function parseStoredJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return SURROGATE_ESCAPE.test(text) ? repairText(value) : value;
}
