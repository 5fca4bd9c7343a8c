import { ShortcutSheet } from '../ui/ShortcutSheet';

/** Where the sheet opens: the editor, whose canvas has a selection, or the audience view. */
type Place = 'editor' | 'audience';

/** The keys that work differently, or only, in one place. */
const BY_PLACE: Record<Place, { spotlight: [string, string][]; overlay: [string, string] }> = {
  editor: {
    spotlight: [
      ['F', 'Spotlight the selected node (the rest dims); again to end it'],
      ['Click a card', 'On the audience view with its controls shown (O there): spotlight it; again to end it'],
    ],
    overlay: ['O', 'On the audience view: these controls over it (one screen)'],
  },
  audience: {
    spotlight: [
      ['Click a card', 'With the controls shown (O): spotlight it (the rest dims); again to end it'],
      ['F', 'End the spotlight'],
    ],
    overlay: ['O', 'Presenter controls over this view (one screen)'],
  },
};

const shortcuts = (place: Place): [string, string][] => [
  ['→ ↓ Space PageDown', 'Next step (or next part, or reveal the next item)'],
  ['← ↑ PageUp', 'Back: the item, part or step before'],
  ['B or .', 'Black screen, and back'],
  ['W or ,', 'White screen, and back'],
  ...BY_PLACE[place].spotlight,
  ['T', 'Show or hide the timer on the projector'],
  ['V', 'Show or hide the live vote tally on the projector'],
  ['C', 'Show or hide the findings (compression, gap) on the projector'],
  BY_PLACE[place].overlay,
  ['Esc', 'End the presentation: the room sees a neutral screen'],
  ['?', 'This list'],
];

/** The presentation's `?` sheet: every presentation shortcut, as it works where the sheet opened. */
export function PresentationShortcuts({ place, onClose }: { place: Place; onClose(): void }) {
  return <ShortcutSheet title="Presentation shortcuts" shortcuts={shortcuts(place)} onClose={onClose} />;
}
