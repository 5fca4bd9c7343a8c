import { Dialog } from './Dialog';

/** A `?` sheet: keys and what they do, in a dialog that scrolls when the list is long. */
export function ShortcutSheet({ title, shortcuts, onClose }: { title: string; shortcuts: readonly (readonly [string, string])[]; onClose(): void }) {
  return (
    <Dialog title={title} submitLabel="Close" cancellable={false} onSubmit={onClose} onClose={onClose}>
      <div className="shortcuts-sheet">
        <table className="shortcuts">
          <tbody>
            {shortcuts.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
