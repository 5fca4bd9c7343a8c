import { useCallback, useEffect, useId, useState } from 'react';
import type { MethodOutput } from '../../shared/api';
import type { RestorePoint, RestorePointReason } from '../../shared/model';
import { api } from '../api/client';
import { showError, showInfo } from '../state/toasts';
import { Dialog, Field } from '../ui/Dialog';
import './history.css';

type Preview = MethodOutput<'snapshot.preview'>;

const takenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const REASON_WORDS: Record<RestorePointReason, string> = {
  auto: 'Automatic',
  manual: 'Saved by hand',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-template': 'Before a template',
};

/** What the list calls a restore point: its name when it has one, else why it was taken. */
function restorePointLabel(point: Pick<RestorePoint, 'name' | 'reason'>): string {
  return point.name || REASON_WORDS[point.reason];
}

const nodes = (n: number) => (n === 1 ? '1 node' : `${n} nodes`);

/**
 * The session's restore points: save one by name, preview one (its boards, read-only) or restore
 * one, which saves the current state as a restore point first.
 */
export function HistoryDialog({ sessionId, onClose, onRestored }: { sessionId: string; onClose(): void; onRestored(): void }) {
  const [points, setPoints] = useState<RestorePoint[] | null>(null);
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<{ point: RestorePoint; document: Preview } | null>(null);
  const [confirming, setConfirming] = useState<RestorePoint | null>(null);
  const listId = useId();

  const load = useCallback(() => api().call('snapshot.list', { sessionId }).then(setPoints).catch(showError), [sessionId]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    try {
      const point = await api().call('snapshot.create', { sessionId, name });
      setName('');
      showInfo(`Saved the restore point “${point.name}”`);
      await load();
    } catch (error) {
      showError(error);
    }
  };

  const showPreview = async (point: RestorePoint) => {
    try {
      setPreview({ point, document: await api().call('snapshot.preview', { id: point.id }) });
    } catch (error) {
      showError(error);
    }
  };

  const restore = async (point: RestorePoint) => {
    try {
      await api().call('snapshot.restore', { id: point.id });
      onRestored();
      onClose();
      showInfo(`Restored “${restorePointLabel(point)}”; the state before is a restore point now`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Dialog title="History" submitLabel="Save restore point" onSubmit={save} onClose={onClose}>
      <Field label="Name of a new restore point" value={name} onChange={setName} required autoFocus />
      <h3 id={listId}>Restore points</h3>
      {points === null && <p>Loading the restore points…</p>}
      {points?.length === 0 && <p>No restore points yet. Groundwork takes one every 10 minutes of editing.</p>}
      {points && points.length > 0 && (
        <ul className="history-list" aria-labelledby={listId}>
          {points.map((point) => (
            <li key={point.id} aria-label={restorePointLabel(point)}>
              <span className="history-name">{restorePointLabel(point)}</span>
              <span className="history-meta">
                {takenFormat.format(point.createdAt)} · {nodes(point.nodeCount)}
              </span>
              <span className="history-actions">
                <button type="button" onClick={() => void showPreview(point)}>
                  Preview
                </button>
                <button type="button" onClick={() => setConfirming(point)}>
                  Restore
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <div role="group" aria-label={`Restore “${restorePointLabel(confirming)}”?`} className="history-confirm">
          <p>
            Restore “{restorePointLabel(confirming)}”? The current state is saved as a restore point first, so you can go back.
          </p>
          <button type="button" className="danger primary" onClick={() => void restore(confirming)}>
            Yes, restore
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Keep the current state
          </button>
        </div>
      )}
      {preview && (
        <section className="history-preview" aria-label={`Preview of “${restorePointLabel(preview.point)}”`}>
          <h3>{restorePointLabel(preview.point)}</h3>
          <ul>
            {preview.document.boards.map((board) => (
              <li key={board.id}>
                {board.title}: {nodes(board.nodes.length)}
              </li>
            ))}
          </ul>
          <p>{preview.document.agenda.length === 1 ? '1 agenda item' : `${preview.document.agenda.length} agenda items`}</p>
        </section>
      )}
    </Dialog>
  );
}
