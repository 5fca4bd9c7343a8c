import { useState, type KeyboardEvent } from 'react';
import type { BoardSummary } from '../../shared/model';
import { Dialog, Field } from '../ui/Dialog';
import { moved } from '../ui/moved';

interface Props {
  boards: BoardSummary[];
  activeId: string;
  onSelect(id: string): void;
  onAdd(title: string): Promise<void>;
  onRename(id: string, title: string): Promise<void>;
  onReorder(ids: string[]): Promise<void>;
  onDelete(id: string): Promise<void>;
}

type Modal = { kind: 'add' } | { kind: 'rename'; board: BoardSummary } | { kind: 'delete'; board: BoardSummary } | null;

/** A session's boards as tabs: switch with the arrow keys, reorder by dragging or with Alt+arrows. */
export function BoardTabs({ boards, activeId, onSelect, onAdd, onRename, onReorder, onDelete }: Props) {
  const [modal, setModal] = useState<Modal>(null);
  const [title, setTitle] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const ids = boards.map((b) => b.id);
  const active = boards.find((b) => b.id === activeId);
  const close = () => setModal(null);
  const open = (next: Modal, initialTitle = '') => {
    setTitle(initialTitle);
    setModal(next);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step && index + step >= 0 && index + step < boards.length) {
      event.preventDefault();
      if (event.altKey) void onReorder(moved(ids, index, index + step));
      else {
        onSelect(boards[index + step].id);
        document.getElementById(`tab-${boards[index + step].id}`)?.focus();
      }
    } else if (event.key === 'F2') open({ kind: 'rename', board: boards[index] }, boards[index].title);
  };

  return (
    <nav className="board-tabs">
      <div role="tablist" aria-label="Boards">
        {boards.map((board, index) => (
          <button
            key={board.id}
            id={`tab-${board.id}`}
            role="tab"
            type="button"
            aria-selected={board.id === activeId}
            tabIndex={board.id === activeId ? 0 : -1}
            className={dragged === index ? 'tab dragging' : 'tab'}
            draggable
            onClick={() => onSelect(board.id)}
            onDoubleClick={() => open({ kind: 'rename', board }, board.title)}
            onKeyDown={(e) => onKeyDown(e, index)}
            onDragStart={() => setDragged(index)}
            onDragEnd={() => setDragged(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragged !== null && dragged !== index) void onReorder(moved(ids, dragged, index));
              setDragged(null);
            }}
          >
            {board.title}
          </button>
        ))}
      </div>
      <button type="button" className="tab-add" aria-label="Add board" onClick={() => open({ kind: 'add' }, `Board ${boards.length + 1}`)}>
        +
      </button>
      {active && (
        <div className="tab-actions" role="group" aria-label={`Board ${active.title}`}>
          <button type="button" onClick={() => open({ kind: 'rename', board: active }, active.title)}>
            Rename board
          </button>
          <button type="button" aria-label="Move board left" disabled={active.position === 0} onClick={() => onReorder(moved(ids, active.position, active.position - 1))}>
            ◀
          </button>
          <button type="button" aria-label="Move board right" disabled={active.position === boards.length - 1} onClick={() => onReorder(moved(ids, active.position, active.position + 1))}>
            ▶
          </button>
          <button type="button" className="danger" disabled={boards.length === 1} onClick={() => open({ kind: 'delete', board: active })}>
            Delete board
          </button>
        </div>
      )}
      {modal?.kind === 'add' && (
        <Dialog title="New board" submitLabel="Add board" onClose={close} onSubmit={() => onAdd(title).then(close)}>
          <Field label="Board title" value={title} onChange={setTitle} required autoFocus />
        </Dialog>
      )}
      {modal?.kind === 'rename' && (
        <Dialog title="Rename board" submitLabel="Rename" onClose={close} onSubmit={() => onRename(modal.board.id, title).then(close)}>
          <Field label="Board title" value={title} onChange={setTitle} required autoFocus />
        </Dialog>
      )}
      {modal?.kind === 'delete' && (
        <Dialog title={`Delete board “${modal.board.title}”?`} submitLabel="Delete board" tone="danger" onClose={close} onSubmit={() => onDelete(modal.board.id).then(close)}>
          <p>Everything on this board is deleted with it.</p>
        </Dialog>
      )}
    </nav>
  );
}
