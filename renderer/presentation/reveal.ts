import type { RevealItem } from '../../shared/presentation/reveal';

/** The CSS that hides what is not revealed yet: nodes not reached, and rings of a circle not reached. */
export function hiddenByReveal(items: readonly RevealItem[], revealed: number | null): string {
  if (revealed === null) return '';
  const rules: string[] = [];
  items.slice(revealed).forEach((item) => {
    const node = `.react-flow__node[data-id="${CSS.escape(item.nodeId)}"]`;
    rules.push(item.ring && item.ring !== 'why' ? `${node} .gc-${item.ring}, ${node} .gc-label-${item.ring}, ${node} .gc-text-${item.ring}` : node);
  });
  // Important: React Flow sets each node's visibility in its style attribute, which a plain rule never overrides.
  return rules.length ? `${rules.join(', ')} { visibility: hidden !important; }` : '';
}
