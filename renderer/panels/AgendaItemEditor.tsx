import { LIMITS, type AgendaItem, type BoardSummary } from '../../shared/model';
import { showError } from '../state/toasts';
import { DraftText, type DraftTextProps } from '../ui/DraftText';
import { useBoardFrames } from './useBoardFrames';

const MAX_PROMPTS = 20;

function refuse(message: string): false {
  showError(new Error(message));
  return false;
}

function DraftField({ id, label, hint, ...field }: { id: string; label: string; hint?: string } & Omit<DraftTextProps, 'id' | 'aria-describedby'>) {
  return (
    <div className="agenda-field">
      <label htmlFor={id}>{label}</label>
      <DraftText id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...field} />
      {hint && (
        <p id={`${id}-hint`} className="agenda-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** One agenda item's fields: its title, timebox, board and frame, and the prompts to ask. */
export function AgendaItemEditor({ item, boards, onChange }: { item: AgendaItem; boards: BoardSummary[]; onChange(patch: Partial<AgendaItem>): void }) {
  const frames = useBoardFrames(item.boardId);
  const id = (field: string) => `agenda-${item.id}-${field}`;
  return (
    <div id={id('editor')} className="agenda-editor">
      <DraftField
        id={id('title')}
        label="Title"
        value={item.title}
        onCommit={(title) => {
          if (!title.trim()) return refuse('An agenda item needs a title.');
          onChange({ title: title.trim() });
        }}
      />
      <DraftField
        id={id('minutes')}
        label="Minutes"
        inputMode="numeric"
        value={String(item.timeboxMinutes)}
        onCommit={(text) => {
          const minutes = Number(text);
          if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) return refuse('The timebox is a whole number of minutes, from 1 to 600.');
          onChange({ timeboxMinutes: minutes });
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
        rows={4}
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
        }}
      />
    </div>
  );
}
