import path from 'node:path';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Remembered editor window bounds; x and y are absent until the window has been placed once. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Size {
  width: number;
  height: number;
}

/** Synchronous file access, injected so tests need no disk and Electron gets asar-aware fs. */
export interface StateFiles {
  readFile(file: string): string;
  writeFile(file: string, text: string): void;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e6;

/** A remembered state, or null when the text is not one (corrupt, hand-edited, from elsewhere). */
export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  const placed = isInt(x) && isInt(y);
  return { ...(placed ? { x, y } : {}), width, height, maximized: maximized === true };
}

/** A missing or unreadable file is the first start, not an error: the window opens at the defaults. */
export function readWindowState(dataDir: string, files: StateFiles): WindowState {
  let text: string;
  try {
    text = files.readFile(path.join(dataDir, WINDOW_STATE_FILE));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  return parseWindowState(text) ?? { ...DEFAULT_WINDOW_STATE };
}

export function writeWindowState(dataDir: string, state: WindowState, files: StateFiles): void {
  files.writeFile(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify(state));
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Puts the window where it can be seen: on the display it overlaps most, or centred on the
 * first (primary) display when it overlaps none (a monitor was unplugged), and never larger
 * than that display's work area.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[], minSize: Size): WindowState {
  if (workAreas.length === 0) return state;
  const placed = state.x !== undefined && state.y !== undefined;
  const bounds: Rect = { x: state.x ?? 0, y: state.y ?? 0, width: state.width, height: state.height };
  let area = workAreas[0];
  let best = 0;
  if (placed) {
    for (const candidate of workAreas) {
      const shared = overlap(bounds, candidate);
      if (shared > best) [area, best] = [candidate, shared];
    }
  }
  const width = clamp(state.width, Math.min(minSize.width, area.width), area.width);
  const height = clamp(state.height, Math.min(minSize.height, area.height), area.height);
  const centred = !placed || best === 0;
  const x = centred ? area.x + Math.round((area.width - width) / 2) : clamp(bounds.x, area.x, area.x + area.width - width);
  const y = centred ? area.y + Math.round((area.height - height) / 2) : clamp(bounds.y, area.y, area.y + area.height - height);
  return { x, y, width, height, maximized: state.maximized };
}
