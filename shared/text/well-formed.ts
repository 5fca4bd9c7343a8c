import { describePath, GroundworkError } from '../errors';
import { segmentsOf, type PathLink, type Segment } from '../errors/json-path';

/**
 * A UTF-16 surrogate with no partner. JSON can carry one (`"\ud800"`), JavaScript strings hold
 * it, but it is no character: SQLite stores it as bytes no UTF-8 reader accepts, and reads it back
 * as three U+FFFD, so a title at its limit comes back over it. Without the `u` flag the pattern
 * sees code units, which is what a lone surrogate is.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** What a refusal says about such a text, after the field's path. */
export const BROKEN_TEXT = 'contains a broken character (a lone UTF-16 surrogate)';

/** `String.prototype.isWellFormed`, which the ES2023 lib of the tsconfigs does not declare. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `String.prototype.toWellFormed`: every lone surrogate becomes U+FFFD, the replacement character. */
export function toWellFormedText(text: string): string {
  return isWellFormedText(text) ? text : text.replace(LONE_SURROGATES, '\uFFFD');
}


/**
 * The path of the first string (a value or an object's key) in `root` that is not well-formed
 * Unicode, in reading order, or null. Walked with an explicit stack: the input comes from outside
 * and may nest deeper than the call stack allows.
 */
export function findBrokenText(root: unknown): Segment[] | null {
  const stack: { value: unknown; at: PathLink | null }[] = [{ value: root, at: null }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isWellFormedText(value)) return segmentsOf(at);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entries: [Segment, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    // Pushed last-first so the walk meets the input in reading order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof key === 'string' && !isWellFormedText(key)) return segmentsOf({ parent: at, key: toWellFormedText(key) });
      stack.push({ value: child, at: { parent: at, key } });
    }
  }
  return null;
}

/**
 * Refuses an input holding a lone surrogate anywhere, naming the field: the one check every entry
 * of outside text goes through (the contract's dispatcher, the room's, the file format).
 */
export function refuseBrokenText(input: unknown): void {
  const path = findBrokenText(input);
  if (path) throw new GroundworkError('invalid_input', `${describePath(path)}: ${BROKEN_TEXT}`, path);
}

/**
 * Every string in a JSON-like value made well-formed, for text read back from the database that an
 * older version let in; the value itself when nothing needed it.
 */
export function repairText<T>(value: T): T {
  return findBrokenText(value) === null ? value : (rebuilt(value) as T);
}

function rebuilt(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormedText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(rebuilt);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [toWellFormedText(key), rebuilt(child)]));
}
