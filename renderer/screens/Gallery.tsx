import { useCallback, useEffect, useId, useState } from 'react';
import type { BoardPreview, TemplateSummary } from '../../shared/model';
import { api } from '../api/client';
import { exportTemplate } from '../files/download';
import { ImportFileButton } from '../files/FileDrop';
import { navigate } from '../state/router';
import { showError, showInfo } from '../state/toasts';
import { Dialog, Field } from '../ui/Dialog';
import { DescriptionField } from './SaveTemplateDialog';
import { PublishDialog, TeamLibrary } from './TeamLibrary';
import './gallery.css';

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'builtIn', label: 'Built-in' },
  { value: 'mine', label: 'Mine' },
  { value: 'team', label: 'Team' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

type Modal = { kind: 'edit' | 'delete' | 'publish'; template: TemplateSummary } | null;

const PREVIEW = { width: 240, height: 140, padding: 8 };
/** Never drawn larger than this: a board with one heading should look like one, not a banner. */
const MAX_PREVIEW_SCALE = 0.16;
const KIND_FILL: Record<string, string> = { role: '#13222b', decisionMaker: '#7a2e8e', note: '#e0b400', text: '#0d5c63', stage: '#1f6fb2', goldenCircle: '#b4462d', frame: '#e4eced' };

interface PreviewRect {
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The board's nodes scaled to fit the card's preview (never enlarged past a board's usual scale), centred, frames first so they sit behind. */
function previewRects(nodes: BoardPreview['nodes'], box = PREVIEW): PreviewRect[] {
  if (nodes.length === 0) return [];
  const left = Math.min(...nodes.map((n) => n.x));
  const top = Math.min(...nodes.map((n) => n.y));
  const right = Math.max(...nodes.map((n) => n.x + n.width));
  const bottom = Math.max(...nodes.map((n) => n.y + n.height));
  const scale = Math.min((box.width - 2 * box.padding) / Math.max(right - left, 1), (box.height - 2 * box.padding) / Math.max(bottom - top, 1), MAX_PREVIEW_SCALE);
  const offsetX = (box.width - (right - left) * scale) / 2;
  const offsetY = (box.height - (bottom - top) * scale) / 2;
  const ordered = [...nodes.filter((n) => n.kind === 'frame'), ...nodes.filter((n) => n.kind !== 'frame')];
  return ordered.map((n) => ({
    kind: n.kind,
    x: offsetX + (n.x - left) * scale,
    y: offsetY + (n.y - top) * scale,
    width: Math.max(n.width * scale, 2),
    height: Math.max(n.height * scale, 2),
  }));
}

function describeTemplate(template: Pick<TemplateSummary, 'totalMinutes' | 'boardCount'>): string {
  const boards = `${template.boardCount} board${template.boardCount === 1 ? '' : 's'}`;
  return template.totalMinutes > 0 ? `${template.totalMinutes} min · ${boards}` : boards;
}

function TemplatePreview({ template }: { template: TemplateSummary }) {
  const rects = previewRects(template.preview.nodes);
  return (
    <svg className="template-preview" viewBox={`0 0 ${PREVIEW.width} ${PREVIEW.height}`} role="img" aria-label={rects.length ? `Preview of the first board of ${template.name}` : 'The first board is empty'}>
      <rect width={PREVIEW.width} height={PREVIEW.height} className="preview-paper" />
      {rects.map((r, i) => (
        <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} rx={r.kind === 'goldenCircle' ? r.width / 2 : 2} fill={KIND_FILL[r.kind] ?? '#8a9aa3'} className={r.kind === 'frame' ? 'preview-frame' : undefined} />
      ))}
      {rects.length === 0 && (
        <text x={PREVIEW.width / 2} y={PREVIEW.height / 2} textAnchor="middle" dominantBaseline="middle" className="preview-empty">
          Empty board
        </text>
      )}
    </svg>
  );
}

interface CardProps {
  template: TemplateSummary;
  onUse(): Promise<void>;
  onDuplicate(): void;
  onEdit(): void;
  onDelete(): void;
  onPublish(): void;
}

function TemplateCard({ template, onUse, onDuplicate, onEdit, onDelete, onPublish }: CardProps) {
  const nameId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <article className="template-card" aria-labelledby={nameId}>
      <TemplatePreview template={template} />
      <div className="template-text">
        <h2 id={nameId}>{template.name}</h2>
        {template.builtIn && <span className="template-badge">Built-in</span>}
        <p className="template-meta">{describeTemplate(template)}</p>
        {template.description && <p className="template-description">{template.description}</p>}
      </div>
      <div className="template-actions">
        <button
          type="button"
          className="primary"
          aria-describedby={nameId}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onUse().finally(() => setBusy(false));
          }}
        >
          Use template
        </button>
        <button type="button" aria-describedby={nameId} onClick={onDuplicate}>
          Duplicate
        </button>
        {!template.builtIn && (
          <>
            <button type="button" aria-describedby={nameId} onClick={onEdit}>
              Edit details
            </button>
            <button type="button" aria-describedby={nameId} onClick={() => void exportTemplate(template.id).catch(showError)}>
              Export
            </button>
            <button type="button" aria-describedby={nameId} onClick={onPublish}>
              Publish to team library…
            </button>
            <button type="button" className="danger" aria-describedby={nameId} onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </div>
    </article>
  );
}

function EditTemplateDialog({ template, onClose, onSaved }: { template: TemplateSummary; onClose(): void; onSaved(): void }) {
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description);
  return (
    <Dialog
      title="Edit template"
      submitLabel="Save"
      onClose={onClose}
      onSubmit={() =>
        api()
          .call('template.update', { id: template.id, name, description })
          .then(onSaved, showError)
      }
    >
      <Field label="Name" value={name} onChange={setName} required autoFocus />
      <DescriptionField value={description} onChange={setDescription} />
    </Dialog>
  );
}

const emptyMessage = (filter: Filter, query: string) => {
  if (query) return `No template matches “${query}”.`;
  if (filter === 'mine') return 'No templates of your own yet. Open a session and choose “Save as template…”, or duplicate a built-in template to change it.';
  return 'No templates here.';
};

/** The templates: built-in and the facilitator's own, each a card that starts a session in one click. */
export function Gallery() {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [modal, setModal] = useState<Modal>(null);

  const load = useCallback(() => {
    api().call('template.list', { query }).then(setTemplates).catch(showError);
  }, [query]);
  useEffect(load, [load]);
  useEffect(() => api().on('templates.changed', load), [load]);
  useEffect(() => api().onReconnect(load), [load]);

  const shown = filter === 'team' ? undefined : templates?.filter((t) => filter === 'all' || t.builtIn === (filter === 'builtIn'));
  const close = () => setModal(null);

  const use = async (template: TemplateSummary) => {
    try {
      const session = await api().call('session.createFromTemplate', { templateId: template.id });
      navigate({ screen: 'session', sessionId: session.id });
    } catch (error) {
      showError(error);
    }
  };
  const duplicate = async (template: TemplateSummary) => {
    try {
      const copy = await api().call('template.duplicate', { id: template.id });
      load();
      showInfo(`Duplicated as “${copy.name}”`, filter === 'builtIn' ? { label: 'Show mine', run: () => setFilter('mine') } : undefined);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <main className="gallery">
      <header className="gallery-header">
        <a href="#/" className="back">
          ← Sessions
        </a>
        <h1>Templates</h1>
        <ImportFileButton />
      </header>
      <div className="gallery-tools">
        <input type="search" className="search" aria-label="Search templates" placeholder="Search by name or description" value={query} onChange={(e) => setQuery(e.target.value)} />
        <div role="group" aria-label="Show templates" className="gallery-filter">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
              {f.label}
            </button>
          ))}
        </div>
      </div>
      {filter === 'team' && <TeamLibrary query={query} />}
      {shown && shown.length === 0 && <p className="empty">{emptyMessage(filter, query)}</p>}
      {filter !== 'team' && <div className="template-grid" aria-busy={!templates}>
        {shown?.map((template) => (
          <TemplateCard
            key={template.id}
            template={template}
            onUse={() => use(template)}
            onDuplicate={() => void duplicate(template)}
            onEdit={() => setModal({ kind: 'edit', template })}
            onDelete={() => setModal({ kind: 'delete', template })}
            onPublish={() => setModal({ kind: 'publish', template })}
          />
        ))}
      </div>}
      {modal?.kind === 'publish' && <PublishDialog template={modal.template} onClose={close} />}
      {modal?.kind === 'edit' && (
        <EditTemplateDialog
          template={modal.template}
          onClose={close}
          onSaved={() => {
            close();
            load();
          }}
        />
      )}
      {modal?.kind === 'delete' && (
        <Dialog
          title={`Delete template “${modal.template.name}”?`}
          submitLabel="Delete template"
          tone="danger"
          onClose={close}
          onSubmit={() =>
            api()
              .call('template.delete', { id: modal.template.id })
              .then(() => {
                close();
                load();
              }, showError)
          }
        >
          <p>Sessions made from it keep their boards and agenda.</p>
        </Dialog>
      )}
    </main>
  );
}
