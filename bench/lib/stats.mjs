/** Small statistics for the bench: every figure is a median of runs, shown with its min and max. */

export function quantile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p95 of 120 frames is the 114th slowest, a frame that really happened.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export const median = (values) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** { median, min, max, runs } of per-run values. */
export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length, values };
}

/** p50, p95 and max of one run's frame deltas. */
export function frameStats(deltas) {
  return { p50: quantile(deltas, 0.5), p95: quantile(deltas, 0.95), max: Math.max(...deltas), frames: deltas.length };
}

const quantiles = (runs) => ({
  p50: summary(runs.map((r) => r.p50)),
  p95: summary(runs.map((r) => r.p95)),
  max: summary(runs.map((r) => r.max)),
  frames: summary(runs.map((r) => r.frames)),
});

/**
 * Per-run frame stats → a summary for each of p50, p95 and max; and where counted, of the moves
 * drawn per second and of the times between the frames that drew them.
 */
export function summariseFrames(runs) {
  return {
    ...quantiles(runs),
    ...(runs.every((r) => r.drawnPerSecond !== undefined) && { drawnPerSecond: summary(runs.map((r) => r.drawnPerSecond)) }),
    ...(runs.every((r) => r.drawnEvery) && { drawnEvery: quantiles(runs.map((r) => r.drawnEvery)) }),
  };
}

export const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
export const now = () => process.hrtime.bigint();

/** Runs `fn` `runs` times after `warmup` unmeasured runs and summarises the milliseconds each took. */
export async function timeRuns(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const values = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await fn(i);
    values.push(ms(start));
  }
  return summary(values);
}
