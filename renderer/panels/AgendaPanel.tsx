import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { newId, type AgendaItem } from '../../shared/model';
import { useBoard } from '../state/board-store';
import { showInfo } from '../state/toasts';
import { moved } from '../ui/moved';
import { AgendaItemEditor } from './AgendaItemEditor';
import { useEditorSession, type EditorSession } from './editor-session';
import { plannedMinutes, useAgenda } from './useAgenda';
import { useAgendaDrag } from './useAgendaDrag';
import './agenda.css';

/** The session's agenda: timeboxed steps, each on a board or a frame of it, with the prompts to ask. */
export function AgendaPanel() {
  const editor = useEditorSession();
  return editor ? <AgendaList editor={editor} /> : <p className="panel-empty">No session is open.</p>;
}

function AgendaList({ editor }: { editor: EditorSession }) {
  const { items, save } = useAgenda(editor);
  const boards = editor.session.boards;
  const currentBoardId = useBoard((s) => s.boardId);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a move React may re-insert the focused element, which drops focus: put it back.
  const refocus = useRef<string | null>(null);
  const latest = useRef(items);
  useEffect(() => {
    latest.current = items;
    const wanted = refocus.current ? (document.getElementById(refocus.current) as HTMLButtonElement | null) : null;
    refocus.current = null;
    if (wanted && !wanted.disabled) wanted.focus();
    else if (wanted) document.getElementById(wanted.id.replace(/-(up|down)$/, '-edit'))?.focus();
  });

  const update = (id: string, patch: Partial<AgendaItem>) => void save(items.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  const move = (from: number, to: number, focusId?: string) => {
    if (to < 0 || to >= items.length || from === to) return;
    refocus.current = focusId ?? null;
    setAnnouncement(`Moved “${items[from].title}” to position ${to + 1} of ${items.length}.`);
    void save(moved(items, from, to));
  };
  const drag = useAgendaDrag(items, move);
  const add = () => {
    const item: AgendaItem = { id: newId('a'), title: 'New step', timeboxMinutes: 10, boardId: currentBoardId, frameId: null, prompts: [] };
    setExpandedId(item.id);
    refocus.current = `agenda-${item.id}-title`;
    void save([...items, item]);
  };
  const remove = (index: number) => {
    const item = items[index];
    void save(items.filter((_, i) => i !== index));
    showInfo(`Deleted the agenda item “${item.title}”`, {
      label: 'Undo',
      run: () => {
        const now = latest.current;
        if (!now.some((i) => i.id === item.id)) void save([...now.slice(0, index), item, ...now.slice(index)]);
      },
    });
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    // Only from the item's buttons: a field's own keys (Alt+Down opens a select) stay its own, and
    // moving a field with an uncommitted draft would race its commit.
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || !(event.target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    move(index, index + (event.key === 'ArrowUp' ? -1 : 1), event.target.id || undefined);
  };

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <header className="agenda-header">
        <h2 id="agenda-heading">Agenda</h2>
        <p className="agenda-total">
          {items.length} step{items.length === 1 ? '' : 's'} · {plannedMinutes(items)} min planned
        </p>
      </header>
      {items.length === 0 && <p className="panel-empty">No agenda yet. Add an item for each part of the workshop, with its timebox and the prompts to ask.</p>}
      <ol className="agenda-items" aria-label="Agenda items">
        {items.map((item, index) => {
          const expanded = expandedId === item.id;
          const id = (control: string) => `agenda-${item.id}-${control}`;
          const board = boards.find((b) => b.id === item.boardId);
          return (
            <li
              key={item.id}
              aria-label={item.title}
              className={`agenda-item${item.boardId === currentBoardId && currentBoardId ? ' on-this-board' : ''}${drag.rowClass(item.id, index)}`}
              onKeyDown={(e) => onKeyDown(e, index)}
              {...drag.row(index)}
            >
              <div className="agenda-row">
                <span className="agenda-grip" aria-hidden="true" title="Drag to reorder (or Alt+Up / Alt+Down)" {...drag.grip(item.id)}>
                  ⠿
                </span>
                <span className="agenda-number">{index + 1}</span>
                <span className="agenda-summary">
                  <span className="agenda-title">{item.title}</span>
                  <span className="agenda-where">
                    {board ? board.title : 'No board'}
                    {item.prompts.length > 0 && ` · ${item.prompts.length} prompt${item.prompts.length === 1 ? '' : 's'}`}
                  </span>
                </span>
                <span className="agenda-minutes">{item.timeboxMinutes} min</span>
              </div>
              <div className="agenda-buttons">
                <button type="button" id={id('edit')} aria-expanded={expanded} aria-controls={expanded ? id('editor') : undefined} onClick={() => setExpandedId(expanded ? null : item.id)}>
                  <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>Edit
                </button>
                <button type="button" id={id('up')} aria-label="Move up" title="Move up (Alt+Up)" disabled={index === 0} onClick={() => move(index, index - 1, id('up'))}>
                  ↑
                </button>
                <button type="button" id={id('down')} aria-label="Move down" title="Move down (Alt+Down)" disabled={index === items.length - 1} onClick={() => move(index, index + 1, id('down'))}>
                  ↓
                </button>
                <button type="button" className="danger" onClick={() => remove(index)}>
                  Delete
                </button>
              </div>
              {expanded && <AgendaItemEditor item={item} boards={boards} onChange={(patch) => update(item.id, patch)} />}
            </li>
          );
        })}
      </ol>
      <button type="button" className="agenda-add" onClick={add}>
        Add agenda item
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
