import { createContext, useContext, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { LIMITS, newId, type AgendaItem, type BoardNode, type BoardSummary, type SessionDetail } from '../../shared/model';
import { api } from '../api/client';
import { useBoard } from '../state/board-store';
import { showError, showInfo } from '../state/toasts';
import './agenda.css';

/** The open session, for the panels beside the canvas: the canvas sits between the editor and them. */
export interface EditorSession {
  session: SessionDetail;
  reload(): Promise<void>;
}
export const EditorSessionContext = createContext<EditorSession | null>(null);
export const useEditorSession = () => useContext(EditorSessionContext);

const MAX_PROMPTS = 20;
const DRAG_TYPE = 'application/x-groundwork-agenda-item';

export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export const plannedMinutes = (items: readonly AgendaItem[]) => items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

/**
 * The agenda as shown: the edit being saved, else the session's. Every change sends the whole list;
 * a failed one is shown and the session's list (main's truth) comes back.
 */
function useAgenda({ session, reload }: EditorSession) {
  const [saving, setSaving] = useState<AgendaItem[] | null>(null);
  const lastSave = useRef(0);
  const items = saving ?? session.agenda;
  const save = async (next: AgendaItem[]) => {
    const token = ++lastSave.current;
    setSaving(next);
    try {
      await api().call('session.setAgenda', { sessionId: session.id, items: next });
    } catch (error) {
      showError(error);
    }
    await reload();
    if (token === lastSave.current) setSaving(null);
  };
  return { items, save };
}

interface FrameChoice {
  id: string;
  title: string;
}
const framesOf = (nodes: Iterable<BoardNode>): FrameChoice[] => [...nodes].flatMap((n) => (n.kind === 'frame' ? [{ id: n.id, title: n.data.title || 'Untitled frame' }] : []));

/** A board's frames: the open board's from the live replica, any other board's read once from main. */
function useBoardFrames(boardId: string | null): FrameChoice[] | null {
  // A string, so that the store's updates re-render only when a frame is added, renamed or removed.
  const live = useBoard((s) => (boardId && s.boardId === boardId ? JSON.stringify(framesOf(s.doc.nodes.values())) : null));
  const [fetched, setFetched] = useState<{ boardId: string; frames: FrameChoice[] } | null>(null);
  useEffect(() => {
    if (!boardId || live !== null) return;
    let current = true;
    api()
      .call('board.get', { id: boardId })
      .then((board) => current && setFetched({ boardId, frames: framesOf(board.nodes) }), showError);
    return () => {
      current = false;
    };
  }, [boardId, live]);
  const liveFrames = useMemo(() => (live === null ? null : (JSON.parse(live) as FrameChoice[])), [live]);
  return liveFrames ?? (fetched?.boardId === boardId ? fetched.frames : null);
}

/** A text that commits when left (or on Enter, for one line); `onCommit` returning false puts the old value back. */
function DraftField({ id, label, value, multiline, hint, onCommit }: { id: string; label: string; value: string; multiline?: boolean; hint?: string; onCommit(value: string): boolean }) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value && !onCommit(draft)) setDraft(value);
  };
  const common = { id, value: draft, onBlur: commit, onChange: (e: { target: { value: string } }) => setDraft(e.target.value), 'aria-describedby': hint ? `${id}-hint` : undefined };
  return (
    <div className="agenda-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} type="text" inputMode={id.endsWith('minutes') ? 'numeric' : undefined} onKeyDown={(e) => e.key === 'Enter' && commit()} />}
      {hint && (
        <p id={`${id}-hint`} className="agenda-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function ItemEditor({ item, boards, onChange }: { item: AgendaItem; boards: BoardSummary[]; onChange(patch: Partial<AgendaItem>): void }) {
  const frames = useBoardFrames(item.boardId);
  const id = (field: string) => `agenda-${item.id}-${field}`;
  const refuse = (message: string) => {
    showError(new Error(message));
    return false;
  };
  return (
    <div id={id('editor')} className="agenda-editor">
      <DraftField
        id={id('title')}
        label="Title"
        value={item.title}
        onCommit={(title) => {
          if (!title.trim()) return refuse('An agenda item needs a title.');
          onChange({ title: title.trim() });
          return true;
        }}
      />
      <DraftField
        id={id('minutes')}
        label="Minutes"
        value={String(item.timeboxMinutes)}
        onCommit={(text) => {
          const minutes = Number(text);
          if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) return refuse('The timebox is a whole number of minutes, from 1 to 600.');
          onChange({ timeboxMinutes: minutes });
          return true;
        }}
      />
      <div className="agenda-field">
        <label htmlFor={id('board')}>Board</label>
        <select id={id('board')} value={item.boardId ?? ''} onChange={(e) => onChange({ boardId: e.target.value || null, frameId: null })}>
          <option value="">No board</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      <div className="agenda-field">
        <label htmlFor={id('frame')}>Frame</label>
        <select id={id('frame')} value={item.frameId ?? ''} disabled={!item.boardId} onChange={(e) => onChange({ frameId: e.target.value || null })}>
          <option value="">{item.boardId ? 'The whole board' : 'Choose a board first'}</option>
          {item.frameId && frames && !frames.some((f) => f.id === item.frameId) && <option value={item.frameId}>A frame no longer on the board</option>}
          {frames?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
        </select>
      </div>
      <DraftField
        id={id('prompts')}
        label="Prompts"
        multiline
        hint="The questions to ask at this step, one per line."
        value={item.prompts.join('\n')}
        onCommit={(text) => {
          const prompts = text
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean);
          if (prompts.length > MAX_PROMPTS) return refuse(`Up to ${MAX_PROMPTS} prompts per step; this has ${prompts.length}.`);
          if (prompts.some((p) => p.length > LIMITS.label)) return refuse(`A prompt is at most ${LIMITS.label} characters.`);
          onChange({ prompts });
          return true;
        }}
      />
    </div>
  );
}

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
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | null>(null);
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
    move(index, index + (event.key === 'ArrowUp' ? -1 : 1), (event.target as HTMLElement).id || undefined);
  };
  // Where a dragged item lands, read from the event itself: state set by the last dragover may not have rendered yet.
  const dropPosition = (event: DragEvent, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { index, after: event.clientY > box.top + box.height / 2 };
  };
  const onDragOver = (event: DragEvent, index: number) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const at = dropPosition(event, index);
    if (dropAt?.index !== at.index || dropAt.after !== at.after) setDropAt(at);
  };
  const onDrop = (event: DragEvent, index: number) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    const from = items.findIndex((i) => i.id === event.dataTransfer.getData(DRAG_TYPE));
    const at = dropPosition(event, index);
    const to = at.index + (at.after ? 1 : 0);
    if (from >= 0) move(from, from < to ? to - 1 : to);
    setDragId(null);
    setDropAt(null);
  };

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <header className="agenda-header">
        <h2 id="agenda-heading">Agenda</h2>
        <p className="agenda-total">
          {items.length} step{items.length === 1 ? '' : 's'} · {plannedMinutes(items)} min planned
        </p>
      </header>
      {items.length === 0 && <p className="panel-empty">No agenda yet. Add the steps of the workshop, each with its timebox and the prompts to ask.</p>}
      <ol className="agenda-items" aria-label="Agenda items">
        {items.map((item, index) => {
          const expanded = expandedId === item.id;
          const id = (control: string) => `agenda-${item.id}-${control}`;
          const board = boards.find((b) => b.id === item.boardId);
          const dropClass = dropAt?.index === index ? (dropAt.after ? ' drop-after' : ' drop-before') : '';
          return (
            <li
              key={item.id}
              aria-label={item.title}
              className={`agenda-item${dragId === item.id ? ' dragging' : ''}${item.boardId === currentBoardId && currentBoardId ? ' on-this-board' : ''}${dropClass}`}
              onKeyDown={(e) => onKeyDown(e, index)}
              onDragOver={(e) => onDragOver(e, index)}
              onDrop={(e) => onDrop(e, index)}
            >
              <div className="agenda-row">
                <span
                  className="agenda-grip"
                  aria-hidden="true"
                  title="Drag to reorder (or Alt+Up / Alt+Down)"
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, item.id);
                    e.dataTransfer.effectAllowed = 'move';
                    const row = e.currentTarget.closest('li');
                    if (row) e.dataTransfer.setDragImage(row, 16, 16);
                    setDragId(item.id);
                  }}
                  onDragEnd={() => {
                    setDragId(null);
                    setDropAt(null);
                  }}
                >
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
              {expanded && <ItemEditor item={item} boards={boards} onChange={(patch) => update(item.id, patch)} />}
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
