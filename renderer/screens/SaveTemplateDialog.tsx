import { useId, useState } from 'react';
import { LIMITS, type SessionDetail } from '../../shared/model';
import { api } from '../api/client';
import { navigate } from '../state/router';
import { showError, showInfo } from '../state/toasts';
import { Dialog, Field } from '../ui/Dialog';
import './gallery.css';

export function DescriptionField({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <label className="field">
      <span>Description</span>
      <textarea rows={3} value={value} maxLength={LIMITS.longText} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** Saves some of a session's boards, with its agenda, as the facilitator's own template. */
export function SaveTemplateDialog({ session, onClose }: { session: SessionDetail; onClose(): void }) {
  const [name, setName] = useState(session.title);
  const [description, setDescription] = useState('');
  const [boardIds, setBoardIds] = useState(() => new Set(session.boards.map((b) => b.id)));
  const [keepContent, setKeepContent] = useState(false);
  const [noBoards, setNoBoards] = useState(false);
  const hintId = useId();

  const toggle = (id: string, on: boolean) => {
    const next = new Set(boardIds);
    if (on) next.add(id);
    else next.delete(id);
    setBoardIds(next);
    if (next.size) setNoBoards(false);
  };

  const save = async () => {
    if (boardIds.size === 0) {
      setNoBoards(true);
      return;
    }
    try {
      const template = await api().call('template.saveFromSession', {
        sessionId: session.id,
        name,
        description,
        // In the session's order, whatever order they were ticked in.
        boardIds: session.boards.filter((b) => boardIds.has(b.id)).map((b) => b.id),
        keepContent,
      });
      onClose();
      showInfo(`Saved the template “${template.name}”`, { label: 'Show templates', run: () => navigate({ screen: 'templates' }) });
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Dialog title="Save as template" submitLabel="Save template" onClose={onClose} onSubmit={save}>
      <Field label="Name" value={name} onChange={setName} required autoFocus />
      <DescriptionField value={description} onChange={setDescription} />
      <fieldset className="field board-choice" aria-invalid={noBoards} aria-describedby={noBoards ? `${hintId}-boards` : undefined}>
        <legend>Boards</legend>
        {session.boards.map((board) => (
          <label key={board.id} className="check">
            <input type="checkbox" checked={boardIds.has(board.id)} onChange={(e) => toggle(board.id, e.target.checked)} />
            {board.title}
          </label>
        ))}
        {noBoards && (
          <p id={`${hintId}-boards`} className="field-error" role="alert">
            Choose at least one board.
          </p>
        )}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={keepContent} aria-describedby={hintId} onChange={(e) => setKeepContent(e.target.checked)} />
        Keep the boards’ content
      </label>
      <p id={hintId} className="field-hint">
        {keepContent ? 'Everything on the chosen boards goes into the template.' : 'The template keeps the frames, headings and prompts; notes, roles and the rest are cleared.'}
      </p>
    </Dialog>
  );
}
