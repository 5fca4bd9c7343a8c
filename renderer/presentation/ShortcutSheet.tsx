import { Dialog } from '../ui/Dialog';

const SHORTCUTS: [string, string][] = [
  ['→ ↓ Space PageDown', 'Next step (or next part, or reveal the next item)'],
  ['← ↑ PageUp', 'Previous step'],
  ['B or .', 'Black screen, and back'],
  ['W or ,', 'White screen, and back'],
  ['F', 'Spotlight the selected node (the rest dims); again to end it'],
  ['T', 'Show or hide the timer on the projector'],
  ['V', 'Show or hide the live vote tally on the projector'],
  ['O', 'Presenter controls over the audience view (one screen)'],
  ['Esc', 'Leave the presentation'],
  ['?', 'This list'],
];

/** The `?` sheet: every presentation shortcut. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Presentation shortcuts" submitLabel="Close" onSubmit={onClose} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
