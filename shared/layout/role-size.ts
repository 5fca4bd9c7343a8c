/**
 * How large a role card is, for the layouts that must keep cards apart before (or without) the
 * canvas measuring them. The card (renderer/canvas/nodes.css, `.gw-node.role`) is 200 to 320 px
 * wide, sized to its longest line, and shows at most two lines of name and three of title, so its
 * height is bounded: every card fits inside its stratum band (BAND_HEIGHT, 240) with room to spare.
 */
import type { RoleData } from '../model/nodes';
import type { Size } from '../model/schemas';
import type { BoardDoc } from '../ops/doc';
import { recoveryHorizon } from '../levels/strata';

export const ROLE_WIDTH = { min: 200, max: 320 } as const;
/** The tallest a card can render: padding and border 40, two name lines, three title lines, the recovery line (which may wrap once). */
export const MAX_ROLE_HEIGHT = 224;

/** Padding and border across (18 + 18 + 2 + 2) and down (22 + 14 + 2 + 2), from nodes.css. */
const PAD_X = 40;
const PAD_Y = 40;
/** Average glyph widths of the system sans at the card's sizes: name 24px bold, title 18px, recovery 16px. */
const CHAR = { person: 14.2, title: 9.4, recovery: 8.4 } as const;
const LINE = { person: 28.8, title: 22.5, recovery: 20 } as const;

/**
 * The card's size worked out from its text, as the canvas will draw it, within a few pixels: what
 * the layout uses for a card not measured yet (just added, or renamed a moment ago).
 */
export function estimateRoleSize(role: Pick<RoleData, 'person' | 'title' | 'stratum' | 'timeSpan'>): Size {
  const person = (role.person || 'Unnamed').length * CHAR.person;
  const title = role.title.length * CHAR.title;
  const horizon = recoveryHorizon(role);
  const recovery = horizon ? `Recovers in ${horizon}`.length * CHAR.recovery : 0;
  const width = Math.min(ROLE_WIDTH.max, Math.max(ROLE_WIDTH.min, Math.ceil(PAD_X + Math.max(person, title, recovery))));
  const inner = width - PAD_X;
  const lines = (textWidth: number, most: number) => Math.min(most, Math.max(1, Math.ceil(textWidth / inner)));
  let height = PAD_Y + lines(person, 2) * LINE.person;
  if (role.title) height += 4 + lines(title, 3) * LINE.title;
  if (horizon) height += 15 + lines(recovery, 2) * LINE.recovery;
  return { width, height: Math.min(MAX_ROLE_HEIGHT, Math.ceil(height)) };
}

/**
 * The size of every role on the board: measured by the canvas where it has been, else its set
 * size, else the estimate. The one size function of the arrange command, Keep arranged and the
 * import, so all three agree on where each card goes.
 */
export function roleSizes(doc: BoardDoc, measured?: ReadonlyMap<string, Size>): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const node of doc.nodes.values()) {
    if (node.kind === 'role') sizes.set(node.id, measured?.get(node.id) ?? node.size ?? estimateRoleSize(node.data));
  }
  return sizes;
}
