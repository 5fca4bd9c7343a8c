import { getNodesBounds, type Rect } from '@xyflow/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { DEFAULT_PRINT_OPTIONS, printRoute, type Paper, type PrintOptions } from '../../shared/export/print-options';
import { newId, type SessionDetail } from '../../shared/model';
import { api } from '../api/client';
import { downloadBlob, exportSession, safeFileName } from '../files/download';
import { flagEdges } from '../findings/flagged-edges';
import { useFindings } from '../findings/findings-store';
import { selectionOf, useBoard } from '../state/board-store';
import { withoutEstimate, type BoardFlowEdge, type BoardFlowNode } from '../state/flow';
import { showError, showInfo } from '../state/toasts';
import { Dialog } from '../ui/Dialog';
import { planImage, type ImageFormat, type ImagePlan, type ImageScale } from './image-plan';
import { ImageStage } from './ImageStage';
import { renderImage } from './render-image';
import './export.css';

type Kind = 'pdf' | 'image' | 'file';
const FACILITATOR_KEY = 'groundwork.export.facilitator';
const SUBMIT: Record<Kind, string> = { pdf: 'Export PDF', image: 'Export image', file: 'Export file' };
const KINDS: [Kind, string][] = [
  ['pdf', 'PDF handout of the session'],
  ['image', 'Image of this board'],
  ['file', 'Session file (.groundwork), to share or keep'],
];
const APPENDIX: [keyof Pick<PrintOptions, 'findings' | 'signals' | 'notes'>, string][] = [
  ['findings', 'Findings'],
  ['signals', 'Top-voted signals'],
  ['notes', 'All notes, as a list'],
];

function Choice<T extends string | number>({ legend, value, options, onChange, disabled }: { legend: string; value: T; options: readonly [T, string][]; onChange(value: T): void; disabled?: boolean }) {
  const name = useId();
  return (
    <fieldset className="field export-choice" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={String(option)} className="check">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function PdfProgress({ done, total }: { done: number; total: number }) {
  return (
    <div className="export-progress">
      <progress max={total || 1} value={done} aria-label="Export progress" />
      <p aria-live="polite">{total ? `Drawing board ${Math.min(done + 1, total)} of ${total}…` : 'Opening the handout…'}</p>
    </div>
  );
}

/**
 * What the image holds: the whole board or the selection, with the edges between those nodes and
 * their findings. A node the canvas has never drawn (it culls) has only an estimated size: the
 * image measures it (ImageStage).
 */
function imageContent(selectionOnly: boolean): { nodes: BoardFlowNode[]; edges: BoardFlowEdge[] } {
  const { nodes } = useBoard.getState();
  const edges = flagEdges(useBoard.getState().edges, useFindings.getState().byEdge);
  const chosen = (selectionOnly ? nodes.filter((n) => n.selected) : nodes).map((node) => {
    const n = withoutEstimate(node)!;
    return { ...n, selected: false, width: n.measured?.width ?? n.width, height: n.measured?.height ?? n.height };
  });
  const ids = new Set(chosen.map((n) => n.id));
  return { nodes: chosen, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e, selected: false })) };
}

const sameBounds = (a: Rect, b: Rect) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;

/** Export: the session as a PDF handout, the board (or the selection) as PNG or SVG, or the session file. */
export function ExportDialog({ session, boardTitle, onClose }: { session: SessionDetail; boardTitle: string; onClose(): void }) {
  const [kind, setKind] = useState<Kind>('pdf');
  const [options, setOptions] = useState<PrintOptions>(() => ({ ...DEFAULT_PRINT_OPTIONS, facilitator: localStorage.getItem(FACILITATOR_KEY) ?? '' }));
  const [format, setFormat] = useState<ImageFormat>('png');
  const [scale, setScale] = useState<ImageScale>(2);
  const [transparent, setTransparent] = useState(false);
  const hasSelection = useBoard((s) => selectionOf(s).nodeIds.length > 0);
  const strataBands = useBoard((s) => s.strataBands);
  const [selectionOnly, setSelectionOnly] = useState(hasSelection);
  const [pdfJob, setPdfJob] = useState<{ id: string; done: number; total: number } | null>(null);
  const [image, setImage] = useState<{ content: ReturnType<typeof imageContent>; plan: ImagePlan; bounds: Rect } | null>(null);
  const closed = useRef(false);

  const imagePreview = useMemo(() => {
    if (kind !== 'image') return null;
    const content = imageContent(selectionOnly);
    return content.nodes.length ? planImage(getNodesBounds(content.nodes), format, scale) : null;
  }, [kind, selectionOnly, format, scale]);

  useEffect(() => () => void (closed.current = true), []);
  useEffect(() => {
    if (!pdfJob) return;
    return api().on('export.progress', (event) => {
      if (event.jobId === pdfJob.id) setPdfJob((job) => job && { ...job, done: event.done, total: event.total });
    });
  }, [pdfJob?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- one subscription per job

  const exportPdf = async () => {
    localStorage.setItem(FACILITATOR_KEY, options.facilitator);
    const jobId = newId('export');
    setPdfJob({ id: jobId, done: 0, total: 0 });
    try {
      const { pdf } = await api().call('export.pdf', { sessionId: session.id, options, jobId });
      const bytes = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
      const filename = safeFileName(session.title, '.pdf');
      downloadBlob(new Blob([bytes], { type: 'application/pdf' }), filename);
      showInfo(`Saved the handout as ${filename}`);
      onClose();
    } catch (error) {
      // Cancel closed the dialog: the refusal that follows is the cancel itself, not a failure.
      if (closed.current) showInfo('Export cancelled: nothing was saved');
      else {
        setPdfJob(null);
        showError(error);
      }
    }
  };

  const cancel = () => {
    if (pdfJob) void api().call('export.cancel', { jobId: pdfJob.id }).catch(showError);
    onClose();
  };

  const startImage = () => {
    const content = imageContent(selectionOnly);
    if (!content.nodes.length) {
      showError(new Error(selectionOnly ? 'Select the nodes to export first' : 'This board is empty: there is nothing to export'));
      return;
    }
    const bounds = getNodesBounds(content.nodes);
    setImage({ content, bounds, plan: planImage(bounds, format, scale) });
  };

  const background = useMemo(() => (transparent ? null : getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#ffffff'), [transparent]);
  const onDrawn = useCallback(
    (element: HTMLElement, drawn: Rect) => {
      if (!image) return;
      // Nodes measured only now make the image larger: it is drawn again at the size they take.
      if (!sameBounds(drawn, image.bounds)) return setImage({ ...image, bounds: drawn, plan: planImage(drawn, format, scale) });
      const { plan } = image;
      const name = `${session.title} - ${boardTitle}${selectionOnly ? ' (selection)' : ''}`;
      const filename = safeFileName(name, plan.format === 'png' ? `@${plan.scale}x.png` : '.svg');
      renderImage(element, plan, background)
        .then((blob) => {
          downloadBlob(blob, filename);
          showInfo(plan.fallback ? `${plan.fallback}: ${filename}` : `Saved the image as ${filename}`);
          onClose();
        })
        .catch((error: unknown) => {
          setImage(null);
          showError(error);
        });
    },
    [image, background, session.title, boardTitle, selectionOnly, onClose, format, scale],
  );

  const submit = () => {
    if (pdfJob || image) return;
    if (kind === 'pdf') return exportPdf();
    if (kind === 'image') return startImage();
    onClose();
    return exportSession(session.id).catch(showError);
  };

  const set = <K extends keyof PrintOptions>(key: K, value: PrintOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const busy = pdfJob !== null || image !== null;

  return (
    <Dialog title="Export" submitLabel={SUBMIT[kind]} onClose={cancel} onSubmit={submit}>
      <Choice<Kind> legend="What to export" value={kind} options={KINDS} onChange={setKind} disabled={busy} />

      {kind === 'pdf' && (
        <fieldset className="export-options" disabled={busy}>
          <Choice<Paper> legend="Paper" value={options.paper} options={[['a4', 'A4'], ['letter', 'Letter']]} onChange={(v) => set('paper', v)} />
          <label className="field">
            <span>Facilitator</span>
            <input value={options.facilitator} maxLength={200} onChange={(e) => set('facilitator', e.target.value)} />
          </label>
          <fieldset className="field export-choice">
            <legend>After the boards</legend>
            {APPENDIX.map(([key, label]) => (
              <label key={key} className="check">
                <input type="checkbox" checked={options[key]} onChange={(e) => set(key, e.target.checked)} />
                {label}
              </label>
            ))}
          </fieldset>
          <p className="field-hint">
            A cover with the agenda, then each board on a landscape page. Or <a href={printRoute(session.id, options)}>open the print view</a> and print it from the browser.
          </p>
        </fieldset>
      )}
      {pdfJob && <PdfProgress done={pdfJob.done} total={pdfJob.total} />}

      {kind === 'image' && (
        <fieldset className="export-options" disabled={busy}>
          <Choice<ImageFormat> legend="Format" value={format} options={[['png', 'PNG'], ['svg', 'SVG']]} onChange={setFormat} />
          <Choice<'board' | 'selection'>
            legend="Nodes"
            value={selectionOnly ? 'selection' : 'board'}
            options={hasSelection ? [['board', 'The whole board'], ['selection', 'The selection']] : [['board', 'The whole board']]}
            onChange={(v) => setSelectionOnly(v === 'selection')}
          />
          {format === 'png' && (
            <>
              <Choice<ImageScale> legend="Scale" value={scale} options={[[1, '1×'], [2, '2×'], [4, '4×']]} onChange={setScale} />
              <Choice<'themed' | 'transparent'> legend="Background" value={transparent ? 'transparent' : 'themed'} options={[['themed', 'The canvas colour'], ['transparent', 'Transparent']]} onChange={(v) => setTransparent(v === 'transparent')} />
            </>
          )}
          {imagePreview && (
            <p className="field-hint" aria-label="Image size">
              {imagePreview.pixelWidth} × {imagePreview.pixelHeight} {imagePreview.format === 'png' ? 'pixels' : 'px, SVG'}
              {imagePreview.fallback && ` (${imagePreview.fallback.split(', so')[0]}: it will be saved as SVG)`}
            </p>
          )}
        </fieldset>
      )}
      {image && (
        <>
          <p aria-live="polite">Drawing the image…</p>
          <ImageStage key={`${image.bounds.x} ${image.bounds.y} ${image.bounds.width} ${image.bounds.height}`} nodes={image.content.nodes} edges={image.content.edges} bounds={image.bounds} strataBands={strataBands} onDrawn={onDrawn} />
        </>
      )}
    </Dialog>
  );
}
