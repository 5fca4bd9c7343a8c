import { nodeLabel } from '../../shared/model';
import type { Fragment } from '../../shared/ops';

/** The canvas clipboard: kept in the window, so copy on one board and paste on another works. */
let copied: Fragment | null = null;
let copiedText: string | null = null;
let pasteCount = 0;

export function setClipboard(fragment: Fragment): void {
  copied = fragment;
  copiedText = fragmentText(fragment);
  pasteCount = 0;
}

/**
 * What a copy of nodes puts on the system clipboard: their labels, a role as "person, title".
 * Other apps get readable text, and a paste that brings this text back is a paste of the nodes.
 */
function fragmentText(fragment: Fragment): string {
  return fragment.nodes.map((node) => (node.kind === 'role' && node.data.title ? `${node.data.person}, ${node.data.title}` : nodeLabel(node))).join('\n');
}

/**
 * Whether pasted text is what the last copy of nodes wrote (a copy in this window, so the nodes
 * are at hand), rather than text copied elsewhere since. Line ends may come back changed.
 */
export function isCopiedNodesText(text: string): boolean {
  return copiedText !== null && text.replace(/\r\n?/g, '\n') === copiedText.replace(/\r\n?/g, '\n');
}

/** The fragment and how far to shift this paste, so repeated pastes fan out instead of stacking. */
export function takeClipboard(): { fragment: Fragment; offset: { x: number; y: number } } | null {
  if (!copied || copied.nodes.length === 0) return null;
  pasteCount++;
  return { fragment: copied, offset: { x: 32 * pasteCount, y: 32 * pasteCount } };
}

/** The text of the nodes last copied, for the copy event to put on the system clipboard. */
export function copiedNodesText(): string | null {
  return copiedText;
}
