import type { BoardDoc } from '../ops/doc';
import { checkDecisionMakers } from './decision-maker-checks';
import type { Finding } from './findings';
import { checkOrgMap } from './org-map-checks';

export { checkDecisionMakers, ESSENTIAL_PURCHASE_ROLES, purchaseRoleCoverage } from './decision-maker-checks';
export { checkOrgMap } from './org-map-checks';

/**
 * Every live check on a board. Runs after each edit (at most once a frame), so each check indexes
 * the board once and stays linear in its size.
 */
export function checkBoard(doc: BoardDoc): Finding[] {
  return [...checkOrgMap(doc), ...checkDecisionMakers(doc)];
}
