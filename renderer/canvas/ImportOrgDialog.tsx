import { useState } from 'react';
import { parseOrgCsv, validRows, type OrgCsvResult } from '../../shared/import/org-csv';
import type { Position } from '../../shared/model';
import { showInfo } from '../state/toasts';
import { importOrgChart } from './commands';

const SHOWN_PROBLEMS = 12;

interface Props {
  origin: Position;
  /** Text already read (a paste with problems): the dialog opens on its report. */
  initial?: { name: string; result: OrgCsvResult };
  onClose(): void;
  onImported(nodeIds: string[]): void;
}

/**
 * Org chart from a CSV file or pasted text: nothing is imported until it is valid, or until the
 * facilitator chooses to import only the valid rows.
 */
export function ImportOrgDialog({ origin, initial, onClose, onImported }: Props) {
  const [file, setFile] = useState<{ name: string; result: OrgCsvResult } | null>(initial ?? null);
  const valid = file ? validRows(file.result) : [];
  const problems = file?.result.problems ?? [];

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    setFile({ name: picked.name, result: parseOrgCsv(await picked.text()) });
  };

  const importRows = () => {
    const nodeIds = importOrgChart(valid, origin);
    if (!nodeIds) return;
    showInfo(`Imported ${valid.length} role${valid.length === 1 ? '' : 's'} from ${file!.name}`);
    onImported(nodeIds);
    onClose();
  };

  return (
    <dialog
      className="dialog import-dialog"
      aria-labelledby="import-title"
      ref={(d) => {
        if (d && !d.open) d.showModal();
      }}
      onClose={onClose}
    >
      <h2 id="import-title">Import an org chart</h2>
      <p>
        A CSV file (separated by commas, semicolons or tabs) with a header row: <code>name</code>, <code>title</code>, <code>manager</code> (the manager’s name), and <code>stratum</code> (I–VIII)
        or <code>time-span</code> (such as “18 months”).
      </p>
      <label className="field">
        <span>CSV file</span>
        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={(e) => load(e.target.files?.[0])} />
      </label>
      {file && (
        <div className="import-report" role="status">
          <p>
            <strong>{file.result.rows.length}</strong> rows read from {file.name}; <strong>{problems.length}</strong> problem{problems.length === 1 ? '' : 's'}.
            {file.result.ignoredColumns.length > 0 && ` Ignored columns: ${file.result.ignoredColumns.join(', ')}.`}
          </p>
          {problems.length > 0 && (
            <ul className="import-problems" aria-label="Problems">
              {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  Line {p.line}: {p.message}
                </li>
              ))}
              {problems.length > SHOWN_PROBLEMS && <li>…and {problems.length - SHOWN_PROBLEMS} more</li>}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {problems.length > 0 && valid.length > 0 && (
          <button type="button" onClick={importRows}>
            Import the {valid.length} valid rows
          </button>
        )}
        <button type="button" className="primary" disabled={!file || problems.length > 0 || valid.length === 0} onClick={importRows}>
          Import {file && !problems.length ? `${valid.length} roles` : ''}
        </button>
      </div>
    </dialog>
  );
}
