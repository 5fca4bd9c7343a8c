/**
 * How tall a note is, for the Inbox to stack phones' notes before any window has measured them.
 * The projector draws a note taller than the canvas does (24px text, renderer/presentation/
 * presentation.css, against 20px, renderer/canvas/nodes.css), so the estimate is of the projector's
 * note in the widest sans it may fall back to (DejaVu Sans), and rounded up: a column of notes
 * never overlaps on either screen. Measured there: 136 px without text, 31.2 px a line of text,
 * about 14 lowercase glyphs a line in the note's 212 px, 48 px for a one-line author's name.
 */
import type { NoteData } from '../model/nodes';

const EMPTY = 140;
const TEXT_LINE = 32;
const TEXT_LINE_UNITS = 14;
/** The author's name (17px, below the text): its margin, and each line of about 18 glyphs. */
const AUTHOR_MARGIN = 26;
const AUTHOR_LINE = 24;
const AUTHOR_LINE_UNITS = 18;
/** "Hidden from the room", while private mode hides the note. */
const HIDDEN_MARK = 30;

/** A glyph's width in units of a lowercase one: capitals and digits are wider. */
const unitsOf = (glyph: string) => (/[A-Z0-9]/.test(glyph) ? 1.5 : 1);

/** Lines `text` wraps to when each holds `capacity` units: word by word, a word too long for a line broken across lines. */
export function wrappedLines(text: string, capacity: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const width = [...word].reduce((sum, glyph) => sum + unitsOf(glyph), 0);
      const needed = used === 0 ? width : used + 1 + width;
      if (needed <= capacity) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than a line breaks across lines; its last piece starts the next word's line.
      lines += Math.ceil(width / capacity) - 1;
      used = width - (Math.ceil(width / capacity) - 1) * capacity;
    }
  }
  return lines;
}

export function estimateNoteHeight(note: Pick<NoteData, 'text' | 'author' | 'hidden'>): number {
  const author = note.author ? AUTHOR_MARGIN + wrappedLines(note.author, AUTHOR_LINE_UNITS) * AUTHOR_LINE : 0;
  return EMPTY + wrappedLines(note.text, TEXT_LINE_UNITS) * TEXT_LINE + author + (note.hidden ? HIDDEN_MARK : 0);
}
