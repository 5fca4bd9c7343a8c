import { useState, type KeyboardEvent } from 'react';
import { draftKey } from './draft-keys';

export interface DraftTextProps {
  id: string;
  value: string;
  /** A text area, where Enter makes a new line; else one line, where Enter keeps the text. */
  multiline?: boolean;
  rows?: number;
  inputMode?: 'numeric';
  'aria-describedby'?: string;
  /** Returning false refuses the text: the value comes back. */
  onCommit(text: string): boolean | void;
}

/**
 * A text field that holds what is typed as a draft, so that a change is one edit (one undo step,
 * one save), not one per key: leaving the field keeps it, as does Enter on one line, and Escape
 * puts the value back. A change from elsewhere (undo, another window) replaces the draft.
 */
export function DraftText({ id, value, multiline = false, rows, inputMode, onCommit, ...described }: DraftTextProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value && onCommit(draft) === false) setDraft(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const action = draftKey(event, multiline ? 'enter' : 'none');
    if (action === 'commit') commit();
    else if (action === 'cancel') setDraft(value);
  };
  const common = { id, value: draft, onBlur: commit, onKeyDown, onChange: (e: { target: { value: string } }) => setDraft(e.target.value), ...described };
  return multiline ? <textarea {...common} rows={rows} /> : <input {...common} type="text" inputMode={inputMode} />;
}
