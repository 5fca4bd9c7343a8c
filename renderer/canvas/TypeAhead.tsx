import { useId, useMemo, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { matchChoices, type Choice } from './match-choices';


interface Props {
  title: string;
  /** The combobox's name. */
  label: string;
  submitLabel: string;
  choices: readonly Choice[];
  onPick(id: string): void;
  onClose(): void;
}

/**
 * A type-ahead list in a dialog: a combobox filters the listbox as you type, ↑/↓ move through it,
 * Enter picks the highlighted choice, Esc closes; a click on a choice picks it too.
 */
export function TypeAhead({ title, label, submitLabel, choices, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchChoices(choices, query), [choices, query]);
  const listId = useId();
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <Dialog title={title} submitLabel={submitLabel} onClose={onClose} onSubmit={() => current && onPick(current.id)}>
      <label className="field">
        <span>{label}</span>
        <input
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(matches.indexOf(current)) : undefined}
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((i) => Math.max(0, Math.min(matches.length - 1, Math.min(i, matches.length - 1) + step)));
            }
          }}
        />
      </label>
      <ul id={listId} role="listbox" aria-label={label} className="type-ahead-list">
        {matches.map((choice, i) => (
          <li
            key={choice.id}
            id={optionId(i)}
            role="option"
            aria-selected={choice === current}
            className={choice === current ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(choice.id)}
          >
            {choice.label}
            {choice.detail && <span className="type-ahead-detail"> · {choice.detail}</span>}
          </li>
        ))}
        {!matches.length && <li className="type-ahead-empty">No match</li>}
      </ul>
    </Dialog>
  );
}
