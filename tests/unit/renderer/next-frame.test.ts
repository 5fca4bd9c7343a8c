import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextFrame } from '../../../renderer/state/sync/next-frame';

/** The frames asked for and not yet drawn or cancelled, by id. */
let frames: Map<number, () => void>;
let lastFrame = 0;
const drawFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback();
};

beforeEach(() => {
  frames = new Map();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    frames.set(++lastFrame, callback);
    return lastFrame;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('nextFrame', () => {
  it('runs once with the next frame however often it was asked for', () => {
    const run = vi.fn();
    const shown = nextFrame(run);
    shown.request();
    shown.request();
    shown.request();
    expect(run).not.toHaveBeenCalled();
    drawFrame();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    shown.request();
    drawFrame();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs within 250 ms in a window that draws no frames (hidden), and not again at its next frame', () => {
    const run = vi.fn();
    nextFrame(run).request();
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    drawFrame();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('drops a run that was cancelled', () => {
    const run = vi.fn();
    const shown = nextFrame(run);
    shown.request();
    shown.cancel();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
