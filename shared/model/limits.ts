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
  /**
   * A board's content. The same caps bound every way in: an edit (applyOps, in main and in the
   * renderer's replica), a file, a restore point, a template, a copy; so whatever a board holds
   * can be exported, previewed, restored and saved as a template.
   */
  nodesPerBoard: 20_000,
  edgesPerBoard: 40_000,
  agendaItems: 100,
  coordinate: 1_000_000,
  size: 100_000,
} as const;
