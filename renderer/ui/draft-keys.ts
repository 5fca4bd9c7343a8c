/** Where Enter makes a new line in a draft: nowhere (one line), on Shift+Enter (a label on the canvas), or on Enter (a form's text area). */
type NewLine = 'none' | 'shift-enter' | 'enter';

/** What a key does to a text being drafted: Escape drops the draft, Enter keeps it unless it makes a new line there. */
export function draftKey(event: { key: string; shiftKey: boolean }, newLine: NewLine): 'commit' | 'cancel' | null {
  if (event.key === 'Escape') return 'cancel';
  if (event.key !== 'Enter') return null;
  if (newLine === 'enter' || (newLine === 'shift-enter' && event.shiftKey)) return null;
  return 'commit';
}
