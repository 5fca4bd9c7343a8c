/**
 * How tall a note is, for the Inbox to stack phones' notes before any window has measured them.
 * The projector draws a note taller than the canvas does (24px text, renderer/presentation/
 * presentation.css, against 20px, renderer/canvas/nodes.css), so the estimate is of the projector's
 * note in the widest sans it may fall back to (DejaVu Sans), and rounded up: a column of notes
 * never overlaps on either screen. Measured there: 112 px with a one-line category and no text,
 * 31.2 px a line of text 212 px wide, 24 px a second line of category, 48 px for a one-line
 * author's name; 60 notes measured (2026-12-04) were 17 to 79 px under their estimates.
 */
import { NOTE_CATEGORY_NAMES, type NoteData } from '../model/nodes';

/** Padding, the category, the row of votes below (no note is under 140 px: `.gw-node.note`'s min-height). */
const EMPTY = 128;
const TEXT_LINE = 32;
const TEXT_WIDTH = 212;
/**
 * The category's name (20px bold capitals, spaced): a second line where it wraps, as "Strong
 * attractor" does. Its 212 px, in widths of the text's 24px glyphs.
 */
const CATEGORY_LINE = 24;
const CATEGORY_WIDTH = 231;
/** The author's name (17px bold italic, after "— ", below the text): its margin, each line, and its 212 px in widths of 24px glyphs. */
const AUTHOR_MARGIN = 26;
const AUTHOR_LINE = 24;
const AUTHOR_WIDTH = 280;
/** "Hidden from the room", while private mode hides the note. */
const HIDDEN_MARK = 30;

/** A glyph's width (px) in DejaVu Sans at 24px, by kind, rounded up. */
function widthOf(glyph: string): number {
  const code = glyph.codePointAt(0)!;
  if (code >= 0x1f000) return 30; // emoji
  if (code >= 0x2e80) return 24; // CJK, Hangul, full-width forms
  if (/[\s.,:;'!|il()[\]]/.test(glyph)) return 8;
  if (/[frtj]/.test(glyph)) return 10;
  if (/[mwMW@%]/.test(glyph)) return 24;
  if (/\p{Lu}/u.test(glyph)) return 19;
  return 15;
}

/**
 * Lines `text` wraps to in `lineWidth` px, as pre-wrap text wraps: each typed line anew, word by
 * word at spaces (every space kept, a tab as four), a word too long for a line broken across lines.
 */
export function wrappedLines(text: string, lineWidth: number): number {
  const space = widthOf(' ');
  let lines = 0;
  for (const paragraph of text.replace(/\t/g, '    ').split('\n')) {
    lines++;
    let used = 0;
    let first = true;
    for (const word of paragraph.split(' ')) {
      const width = [...word].reduce((sum, glyph) => sum + widthOf(glyph), 0);
      const needed = first ? width : used + space + width;
      first = false;
      if (needed <= lineWidth) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than a line breaks across lines; its last piece starts the next word's line.
      const extra = Math.max(0, Math.ceil(width / lineWidth) - 1);
      lines += extra;
      used = width - extra * lineWidth;
    }
  }
  return lines;
}

export function estimateNoteHeight(note: Pick<NoteData, 'text' | 'category' | 'author' | 'hidden'>): number {
  const category = (wrappedLines(NOTE_CATEGORY_NAMES[note.category].toUpperCase(), CATEGORY_WIDTH) - 1) * CATEGORY_LINE;
  const author = note.author ? AUTHOR_MARGIN + wrappedLines(`— ${note.author}`, AUTHOR_WIDTH) * AUTHOR_LINE : 0;
  return EMPTY + category + wrappedLines(note.text, TEXT_WIDTH) * TEXT_LINE + author + (note.hidden ? HIDDEN_MARK : 0);
}
