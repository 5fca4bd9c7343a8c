import { ShortcutSheet } from '../ui/ShortcutSheet';

const SHORTCUTS: [string, string][] = [
  ['→ ↓ Space PageDown', 'Next step (or next part, or reveal the next item)'],
  ['← ↑ PageUp', 'Previous step'],
  ['B or .', 'Black screen, and back'],
  ['W or ,', 'White screen, and back'],
  ['F', 'Spotlight the selected node (the rest dims); again to end it'],
  ['Click a card', 'On the audience view with its controls shown: spotlight it; again to end it'],
  ['T', 'Show or hide the timer on the projector'],
  ['V', 'Show or hide the live vote tally on the projector'],
  ['C', 'Show or hide the findings (compression, gap) on the projector'],
  ['O', 'Presenter controls over the audience view (one screen)'],
  ['Esc', 'End the presentation: the room sees a neutral screen'],
  ['?', 'This list'],
];

/** The presentation's `?` sheet: every presentation shortcut. */
export function PresentationShortcuts({ onClose }: { onClose(): void }) {
  return <ShortcutSheet title="Presentation shortcuts" shortcuts={SHORTCUTS} onClose={onClose} />;
}
