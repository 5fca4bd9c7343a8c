/** What the live checks can find on a board (DOMAIN.md §1 and §2). */
type FindingCode =
  | 'compression'
  | 'gap'
  | 'time-span-mismatch'
  | 'no-stratum'
  | 'reports-to-cycle'
  | 'several-managers'
  | 'purchase-roles-missing'
  | 'no-challenge'
  | 'single-contact';

export interface Finding {
  /** Stable across runs for the same problem (code + the ids involved), so lists keep their keys. */
  id: string;
  code: FindingCode;
  /** In plain words, naming the people involved. */
  message: string;
  /** The nodes to badge; clicking the finding selects them and centres the first. Empty for board-wide findings. */
  nodeIds: string[];
  /** The edges to badge (the reports-to edge of a compression or a gap). */
  edgeIds: string[];
}
