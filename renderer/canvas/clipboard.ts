import type { Fragment } from '../../shared/ops';

/** The canvas clipboard: kept in the window, so copy on one board and paste on another works. */
let copied: Fragment | null = null;
let pasteCount = 0;

export function setClipboard(fragment: Fragment): void {
  copied = fragment;
  pasteCount = 0;
}

/** The fragment and how far to shift this paste, so repeated pastes fan out instead of stacking. */
export function takeClipboard(): { fragment: Fragment; offset: { x: number; y: number } } | null {
  if (!copied || copied.nodes.length === 0) return null;
  pasteCount++;
  return { fragment: copied, offset: { x: 32 * pasteCount, y: 32 * pasteCount } };
}
