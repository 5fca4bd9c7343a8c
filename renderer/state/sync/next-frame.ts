/**
 * A window that draws no frames (hidden, minimised) still runs it this long after it was asked,
 * so its state keeps up with main's.
 */
const HIDDEN_WINDOW_MS = 250;

/**
 * `run` once, with the next frame, however often it is asked for before then; `cancel` drops a
 * run asked for and not yet made.
 */
export function nextFrame(run: () => void): { request(): void; cancel(): void } {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const fire = () => {
    cancel();
    run();
  };
  return {
    request() {
      if (frame !== null) return;
      frame = requestAnimationFrame(fire);
      timer = setTimeout(fire, HIDDEN_WINDOW_MS);
    },
    cancel,
  };
}
