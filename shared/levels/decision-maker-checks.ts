import { PURCHASE_ROLE_NAMES, PurchaseRole } from '../model/nodes';
import type { BoardDoc } from '../ops/doc';
import type { Finding } from './findings';
import { decisionMakerName, type DecisionMakerNode } from './org-map';
import { listInWords } from './words';

/**
 * The purchase roles every deal has someone in, whether or not the seller has met them. An
 * influencer, a gatekeeper or a blocker may simply not exist in a given deal, so asking for one
 * would push the room to invent a person; coverage still lists them, the finding does not.
 */
export const ESSENTIAL_PURCHASE_ROLES: readonly PurchaseRole[] = ['economic-buyer', 'champion', 'technical-evaluator', 'user'];

function decisionMakersOf(doc: BoardDoc): DecisionMakerNode[] {
  const found: DecisionMakerNode[] = [];
  for (const node of doc.nodes.values()) if (node.kind === 'decisionMaker') found.push(node);
  return found;
}

/** Which purchase roles someone on the board holds, and which none does, both in the usual order. */
export function purchaseRoleCoverage(doc: BoardDoc): { covered: PurchaseRole[]; missing: PurchaseRole[] } {
  const held = new Set<PurchaseRole>();
  for (const node of decisionMakersOf(doc)) if (node.data.purchaseRole) held.add(node.data.purchaseRole);
  return { covered: PurchaseRole.options.filter((r) => held.has(r)), missing: PurchaseRole.options.filter((r) => !held.has(r)) };
}

/** The decision-maker rules of DOMAIN.md §2; silent on a board without decision-makers. */
export function checkDecisionMakers(doc: BoardDoc): Finding[] {
  const people = decisionMakersOf(doc);
  if (!people.length) return [];
  return [...missingPurchaseRoles(doc), ...people.flatMap(unknownChallenge), ...singleContact(people)];
}

function missingPurchaseRoles(doc: BoardDoc): Finding[] {
  const missing = purchaseRoleCoverage(doc).missing.filter((r) => ESSENTIAL_PURCHASE_ROLES.includes(r));
  if (!missing.length) return [];
  const message = `No one is recorded as ${listInWords(missing.map((r) => `the ${PURCHASE_ROLE_NAMES[r].toLowerCase()}`), 'or')}.`;
  return [{ id: 'purchase-roles-missing', code: 'purchase-roles-missing', message, nodeIds: [], edgeIds: [] }];
}

function unknownChallenge(person: DecisionMakerNode): Finding[] {
  if (person.data.challenge.trim()) return [];
  const message = `The challenge ${decisionMakerName(person)} is living is not noted yet: what keeps them busy?`;
  return [{ id: `no-challenge:${person.id}`, code: 'no-challenge', message, nodeIds: [person.id], edgeIds: [] }];
}

/**
 * The map rests on one person when there is only one decision-maker on it, or when several are
 * mapped but only one of them supports you: lose that person and the deal has no voice inside.
 * With no supporter at all the risk is a different one, and not this finding.
 */
function singleContact(people: DecisionMakerNode[]): Finding[] {
  if (people.length === 1) {
    const [only] = people;
    const message = `Everything rests on ${decisionMakerName(only)}, the only decision-maker on the map: who else has a say in this decision?`;
    return [{ id: `single-contact:${only.id}`, code: 'single-contact', message, nodeIds: [only.id], edgeIds: [] }];
  }
  const supporters = people.filter((p) => p.data.stance === 'supporter');
  if (supporters.length !== 1) return [];
  const [only] = supporters;
  const message = `Everything runs through ${decisionMakerName(only)}, your only supporter: who else could speak for you?`;
  return [{ id: `single-contact:${only.id}`, code: 'single-contact', message, nodeIds: [only.id], edgeIds: [] }];
}
