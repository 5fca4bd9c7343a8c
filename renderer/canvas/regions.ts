/** The editor's regions in the order F6 visits them: header, board tabs, toolbar, canvas, side panel. */
const REGIONS = ['.editor-header', '.board-tabs', '.palette', '.react-flow', '.side-panel'];
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

function focusIn(region: HTMLElement): void {
  if (region.matches('.react-flow')) {
    // The selected node, else the canvas itself: Enter there adds a role, Tab walks the nodes.
    const node = region.querySelector<HTMLElement>('.react-flow__node.selected');
    if (node) return node.focus();
    return focusCanvas();
  }
  const target = region.querySelector<HTMLElement>('[aria-selected="true"]:not([tabindex="-1"])') ?? region.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}

/** The canvas itself takes the focus (after Esc): Enter there adds a role, Tab walks its nodes and then leaves. */
export function focusCanvas(): void {
  const canvas = document.querySelector<HTMLElement>('.react-flow');
  if (!canvas) return;
  canvas.tabIndex = -1;
  canvas.focus({ preventScroll: true });
}

/** F6 and Shift+F6: the focus jumps to the next (previous) region, however many nodes the canvas holds. */
export function cycleRegion(forward: boolean): boolean {
  const regions = REGIONS.map((selector) => document.querySelector<HTMLElement>(selector)).filter((r): r is HTMLElement => !!r);
  if (!regions.length) return false;
  const current = regions.findIndex((region) => region.contains(document.activeElement));
  const next = current === -1 ? (forward ? 0 : regions.length - 1) : (current + (forward ? 1 : -1) + regions.length) % regions.length;
  focusIn(regions[next]);
  return true;
}
