/** Bounds every text and collection the API accepts; an input past one is refused, not truncated. */
export const LIMITS = {
  id: 64,
  title: 200,
  label: 500,
  longText: 10_000,
  search: 200,
  opsPerBatch: 5_000,
  batchIdsPerGet: 100,
  boardsPerSession: 100,
  coordinate: 1_000_000,
  size: 100_000,
} as const;
