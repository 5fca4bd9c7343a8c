import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  parseWindowState,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
  type StateFiles,
} from '../../../main/electron/window-state';

const MIN = { width: 960, height: 600 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1415 };

function memoryFiles(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const fs: StateFiles = {
    readFile(file) {
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (file, text) => void files.set(file, text),
  };
  return { fs, files };
}

describe('remembering the window', () => {
  it('reads back what it wrote, in the data dir', () => {
    const { fs, files } = memoryFiles();
    const state = { x: 1600, y: 40, width: 1800, height: 1000, maximized: true };
    writeWindowState('/data', state, fs);
    expect([...files.keys()]).toEqual([path.join('/data', WINDOW_STATE_FILE)]);
    expect(readWindowState('/data', fs)).toEqual(state);
  });

  it('starts at 1440x900 when there is no file yet', () => {
    expect(readWindowState('/data', memoryFiles().fs)).toEqual(DEFAULT_WINDOW_STATE);
    expect(DEFAULT_WINDOW_STATE).toMatchObject({ width: 1440, height: 900, maximized: false });
  });

  it.each([
    ['corrupt JSON', '{"x": 10, "wid'],
    ['not an object', '[1, 2, 3]'],
    ['null', 'null'],
    ['a negative size', '{"width": -5, "height": 900}'],
    ['a size that is not a number', '{"width": "big", "height": 900}'],
    ['an absurd size', '{"width": 1e12, "height": 900}'],
  ])('falls back to the defaults on %s', (_label, text) => {
    const { fs } = memoryFiles({ [path.join('/data', WINDOW_STATE_FILE)]: text });
    expect(readWindowState('/data', fs)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps the size but forgets a position that is only half there', () => {
    expect(parseWindowState('{"x": 5, "width": 1000, "height": 700}')).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('fitToDisplays', () => {
  it('leaves a window that fits its display where it was', () => {
    const state = { x: 1600, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight], MIN)).toEqual(state);
  });

  it('centres a window on the primary display when its monitor was unplugged', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop], MIN)).toEqual({ x: 120, y: 38, width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than the display to its work area', () => {
    const state = { x: 0, y: 0, width: 2560, height: 1600, maximized: true };
    expect(fitToDisplays(state, [laptop], MIN)).toEqual({ x: 0, y: 0, width: 1440, height: 875, maximized: true });
  });

  it('pulls a window hanging off the edge back onto the display it mostly covers', () => {
    const state = { x: 600, y: -200, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight], MIN)).toEqual({ x: 440, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('centres the default window on the primary display, clamped to it', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [laptop, monitorRight], MIN)).toEqual({ x: 0, y: 0, width: 1440, height: 875, maximized: false });
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [monitorRight], MIN)).toEqual({ x: 1440 + 560, y: 258, width: 1440, height: 900, maximized: false });
  });

  it('grows a remembered window below the minimum size up to it', () => {
    const state = { x: 10, y: 10, width: 300, height: 200, maximized: false };
    expect(fitToDisplays(state, [laptop], MIN)).toMatchObject({ width: 960, height: 600 });
  });

  it('uses a display smaller than the minimum size in full', () => {
    const tiny = { x: 0, y: 0, width: 800, height: 560 };
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [tiny], MIN)).toMatchObject({ x: 0, y: 0, width: 800, height: 560 });
  });

  it('returns the state unchanged when no display is known', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [], MIN)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
