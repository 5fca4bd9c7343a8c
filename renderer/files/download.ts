import { documentFileName } from '../../shared/fileformat/file-name';
import { api } from '../api/client';
import { showInfo } from '../state/toasts';

export { documentFileName, safeFileName } from '../../shared/fileformat/file-name';

/**
 * Saves a document as a file. A download of a Blob works in both shells: the browser saves it
 * as any download, and Electron, with no will-download handler of ours, shows its own save dialog.
 */
function downloadDocument(document: unknown, filename: string): void {
  downloadBlob(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), filename);
}

/** Saves any bytes as a file, the same way in both shells. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function exportSession(id: string): Promise<void> {
  const document = await api().call('session.export', { id });
  const filename = documentFileName(document.session.title);
  downloadDocument(document, filename);
  showInfo(`Exported “${document.session.title}” as ${filename}`);
}

export async function exportTemplate(id: string): Promise<void> {
  const document = await api().call('template.export', { id });
  const filename = documentFileName(document.template.name);
  downloadDocument(document, filename);
  showInfo(`Exported the template “${document.template.name}” as ${filename}`);
}
