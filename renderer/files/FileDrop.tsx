import { useEffect, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../shared/fileformat/document';
import { GroundworkError } from '../../shared/errors';
import { api } from '../api/client';
import { navigate } from '../state/router';
import { showError, showInfo } from '../state/toasts';
import './files.css';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's document, or why it cannot be imported before it ever reaches main. */
function parseDocumentText(name: string, text: string): { document: unknown } | { problem: string } {
  try {
    return { document: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problem: `“${name}” is not a Groundwork file: its JSON is broken or cut short (${detail}). Nothing was imported.` };
  }
}

/**
 * Imports a `.groundwork` file (or one saved as `.groundwork.json` before): refused above the size limit or when it is not JSON; main
 * checks the rest and writes all of it or nothing. Opens what was imported.
 */
async function importDocumentFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    showError(new GroundworkError('too_large', `“${file.name}” is ${megabytes(file.size)}; Groundwork imports files up to ${megabytes(MAX_FILE_BYTES)}. Nothing was imported.`));
    return;
  }
  const parsed = parseDocumentText(file.name, await file.text());
  if ('problem' in parsed) {
    showError(new GroundworkError('invalid_input', parsed.problem));
    return;
  }
  try {
    const result = await api().call('file.import', { document: parsed.document });
    if (result.kind === 'session') {
      showInfo(`Imported the session “${result.session.title}”`);
      navigate({ screen: 'session', sessionId: result.session.id });
    } else {
      showInfo(`Imported the template “${result.template.name}”`);
      navigate({ screen: 'templates' });
    }
  } catch (error) {
    const info = error instanceof GroundworkError ? error : new GroundworkError('internal', String(error));
    showError(new GroundworkError(info.code, `“${file.name}” was not imported: ${info.message}`, info.path));
  }
}

const carriesFiles = (event: DragEvent) => !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');

/** The whole window takes a dropped `.groundwork` file; other drags (tabs, agenda items) pass through. */
export function FileDrop() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the depth says whether we are still inside.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser (or Electron) would open the file in place of the app.
      event.preventDefault();
      depth = 0;
      setOver(false);
      const files = Array.from(event.dataTransfer!.files);
      if (files.length > 1) showInfo('One file at a time: importing the first one.');
      if (files[0]) void importDocumentFile(files[0]);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="file-drop" aria-hidden="true">
      <p>Drop a .groundwork file to import it</p>
    </div>
  );
}

/** "Import file…": the keyboard's way to what a drop does. */
export function ImportFileButton({ className }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        Import file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".groundwork,.json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          event.target.value = '';
          if (file) void importDocumentFile(file);
        }}
      />
    </>
  );
}
