import type { RevealItem } from '../../shared/presentation/reveal';

export interface Unrevealed {
  /** Hides the cards not reached yet, and the rings of a circle not reached. */
  css: string;
  /** The cards hidden whole: the edges that meet one are not drawn either. */
  nodeIds: ReadonlySet<string>;
}

/** What the projector keeps back while revealing: the items from `revealed` on. */
export function hiddenByReveal(items: readonly RevealItem[], revealed: number): Unrevealed {
  const rules: string[] = [];
  const nodeIds = new Set<string>();
  items.slice(revealed).forEach((item) => {
    const node = `.react-flow__node[data-id="${CSS.escape(item.nodeId)}"]`;
    // A circle's why is its innermost ring: while it is hidden, so is the whole circle.
    if (item.ring && item.ring !== 'why') rules.push(`${node} .gc-${item.ring}, ${node} .gc-label-${item.ring}, ${node} .gc-text-${item.ring}`);
    else {
      rules.push(node);
      nodeIds.add(item.nodeId);
    }
  });
  // Important: React Flow sets each node's visibility in its style attribute, which a plain rule never overrides.
  return { css: rules.length ? `${rules.join(', ')} { visibility: hidden !important; }` : '', nodeIds };
}

const dimmed = '{ opacity: 0.12; }';

/**
 * While a step is revealed, the rest of the board dims, so the room reads the step and not the
 * frames beside it (often the answers of steps to come). `step`: the ids of the step's frame,
 * the cards that head it and the cards in it; an edge stays clear only between two of them.
 */
export function dimmedAround(step: ReadonlySet<string>, edges: readonly { id: string; source: string; target: string }[]): string {
  const not = (attribute: string, ids: Iterable<string>) => [...ids].map((id) => `:not([${attribute}="${CSS.escape(id)}"])`).join('');
  const inside = edges.filter((e) => step.has(e.source) && step.has(e.target)).map((e) => e.id);
  return `.audience .react-flow__node${not('data-id', step)}, .audience .react-flow__edge${not('data-id', inside)}, .audience .edge-label${not('data-edge-id', inside)} ${dimmed}`;
}

/** The spotlight: every card but `nodeId` dims, with every edge, label and the legend. */
export function dimmedBesideSpotlight(nodeId: string): string {
  return `.audience .react-flow__node:not([data-id="${CSS.escape(nodeId)}"]), .audience .react-flow__edge, .audience .edge-label, .audience .edge-legend ${dimmed}`;
}
