import type { NodeKind, Stance } from '../../shared/model';

/** A key press as the canvas reads it. */
export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the key was pressed and what is selected. */
export interface KeyContext {
  /** The kinds of the selected nodes, one entry per node. */
  selected: readonly NodeKind[];
  /** Whether any edge is selected. */
  edgeSelected: boolean;
  /** The focus is on the canvas (a node or the pane) or nowhere in particular (the page body). */
  inCanvas: boolean;
  /** The focus is on a node (Enter and Space then select it, as React Flow does). */
  onNode: boolean;
  /** Presenting from the editor: the letters, ? and Esc are the presentation's keys (B, W, F, T…). */
  presenting?: boolean;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export type CanvasAction =
  | { type: 'undo' | 'redo' | 'duplicate' | 'selectAll' | 'delete' | 'edit' | 'deselect' | 'help' | 'nextRegion' | 'previousRegion' }
  | { type: 'addReport' | 'addSibling' | 'addRole' | 'addNote' | 'reportsTo' | 'timeSpan' | 'purchaseRole' }
  | { type: 'type'; text: string }
  | { type: 'navigate'; direction: Direction }
  | { type: 'move'; direction: Direction; far: boolean }
  | { type: 'stratum'; stratum: number | null }
  | { type: 'stance'; stance: Stance };

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const STANCE_KEYS: Record<string, Stance> = { '+': 'supporter', '=': 'neutral', '-': 'sceptic' };
/** A letter of any script: typing one on a selected node starts editing its label with it. */
const LETTER = /^\p{L}$/u;

/**
 * Which canvas command a key press is, or null to leave it to the browser (Tab moving on, Enter
 * pressing a button). Letters type into the selected node, so commands that take a letter go with
 * Alt (Option), read from the physical key so macOS's Option characters do not matter.
 */
export function keyAction(input: KeyInput, context: KeyContext): CanvasAction | null {
  const { key, code, shiftKey, altKey } = input;
  const mod = input.ctrlKey || input.metaKey;
  const { selected, inCanvas } = context;
  const one = selected.length === 1 ? selected[0] : null;
  const lower = key.toLowerCase();

  if (mod && !altKey) {
    if (lower === 'z') return { type: shiftKey ? 'redo' : 'undo' };
    if (lower === 'y') return { type: 'redo' };
    // Copy and paste are the browser's copy and paste events (useClipboardEvents): they carry the text.
    if (lower === 'd') return { type: 'duplicate' };
    if (lower === 'a') return { type: 'selectAll' };
    return null;
  }
  if (key === 'F6') return { type: shiftKey ? 'previousRegion' : 'nextRegion' };
  if (key === 'Delete' || key === 'Backspace') return { type: 'delete' };
  if (altKey) {
    // On a board tab Alt+←/→ moves the board: the arrows are the canvas's only when its focus is there.
    if (ARROWS[key]) return inCanvas && selected.length ? { type: 'move', direction: ARROWS[key], far: shiftKey } : null;
    if (code === 'KeyN') return { type: 'addNote' };
    if (code === 'KeyR' && selected.includes('role')) return { type: 'reportsTo' };
    if (code === 'KeyT' && one === 'role') return { type: 'timeSpan' };
    if (code === 'KeyP' && one === 'decisionMaker') return { type: 'purchaseRole' };
    return null;
  }
  if (!inCanvas) return null;
  if (context.presenting && (key === 'Escape' || key === '?' || key === ' ' || LETTER.test(key))) return null;
  if (key === 'Tab') return one === 'role' && !shiftKey ? { type: 'addReport' } : null;
  if (key === 'Escape') return selected.length || context.edgeSelected ? { type: 'deselect' } : null;
  if (key === 'F2') return one ? { type: 'edit' } : null;
  if (key === 'Enter' && !shiftKey) {
    if (one === 'role' || one === 'decisionMaker') return { type: 'addSibling' };
    if (one) return { type: 'edit' };
    // A focused node that is not selected yet: Enter selects it (React Flow's own key).
    return selected.length || context.onNode ? null : { type: 'addRole' };
  }
  if (ARROWS[key] && selected.length) return { type: 'navigate', direction: ARROWS[key] };
  if (key === '?') return { type: 'help' };
  const strata = selected.length > 0 && selected.every((kind) => kind === 'role' || kind === 'decisionMaker');
  if (strata && /^[0-8]$/.test(key)) return { type: 'stratum', stratum: key === '0' ? null : Number(key) };
  if (STANCE_KEYS[key] && selected.length && selected.every((kind) => kind === 'decisionMaker')) return { type: 'stance', stance: STANCE_KEYS[key] };
  if (LETTER.test(key)) {
    if (one) return { type: 'type', text: key };
    if (!selected.length && lower === 'n') return { type: 'addNote' };
  }
  return null;
}
