import { ShortcutSheet } from '../ui/ShortcutSheet';

/** Where the sheet opens: the editor, whose canvas has a selection, or the audience view. */
type Place = 'editor' | 'audience';

const SPOTLIGHT: Record<Place, [string, string][]> = {
  editor: [
    ['F', 'Spotlight the selected node (the rest dims); again to end it'],
    ['Click a card', 'On the audience view with its controls shown (O): spotlight it; again to end it'],
  ],
  audience: [
    ['Click a card', 'With the controls shown (O): spotlight it (the rest dims); again to end it'],
    ['F', 'End the spotlight'],
  ],
};

const shortcuts = (place: Place): [string, string][] => [
  ['→ ↓ Space PageDown', 'Next step (or next part, or reveal the next item)'],
  ['← ↑ PageUp', 'Previous step'],
  ['B or .', 'Black screen, and back'],
  ['W or ,', 'White screen, and back'],
  ...SPOTLIGHT[place],
  ['T', 'Show or hide the timer on the projector'],
  ['V', 'Show or hide the live vote tally on the projector'],
  ['C', 'Show or hide the findings (compression, gap) on the projector'],
  ['O', 'Presenter controls over the audience view (one screen)'],
  ['Esc', 'End the presentation: the room sees a neutral screen'],
  ['?', 'This list'],
];

/** The presentation's `?` sheet: every presentation shortcut, as it works where the sheet opened. */
export function PresentationShortcuts({ place, onClose }: { place: Place; onClose(): void }) {
  return <ShortcutSheet title="Presentation shortcuts" shortcuts={shortcuts(place)} onClose={onClose} />;
}
