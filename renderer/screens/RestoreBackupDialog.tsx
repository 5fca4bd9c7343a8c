import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../shared/api';
import { api } from '../api/client';
import { showError } from '../state/toasts';
import { Dialog } from '../ui/Dialog';

type Backup = MethodOutput<'backup.list'>[number];

const madeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Why a backup was made, in the words its file name keeps: daily, manual, before-restore, before-<update step>. */
function backupReason(file: string): string {
  const reason = /-(daily|manual|before-restore|before-[A-Za-z0-9_-]+)\.db$/.exec(file)?.[1];
  if (reason === 'daily') return 'daily';
  if (reason === 'manual') return 'made by hand';
  if (reason === 'before-restore') return 'before a restore';
  if (reason?.startsWith('before-')) return 'before an update';
  return '';
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Lists the backups; restoring one replaces the database, after which every window reloads. */
function RestoreBackupDialog({ onClose }: { onClose(): void }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    api()
      .call('backup.list', {})
      .then((list) => {
        setBackups(list);
        setChosen(list[0]?.file ?? '');
      })
      .catch(showError);
  }, []);

  const restore = async () => {
    if (!chosen) return onClose();
    try {
      await api().call('backup.restore', { file: chosen });
      // The 'database.restored' event reloads too; this covers a reply that arrives first.
      location.reload();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Dialog title="Restore from backup" submitLabel="Restore" tone="danger" onSubmit={restore} onClose={onClose}>
      <p>
        Groundwork keeps its last 7 backups: one a day when it starts, one before each update and one before each restore. Restoring replaces
        everything with the backup; what is there now is kept as a backup first, so you can come back to it.
      </p>
      {backups === null && <p>Loading the backups…</p>}
      {backups?.length === 0 && <p>There are no backups yet. Groundwork makes the first one when it starts on a later day.</p>}
      {backups && backups.length > 0 && (
        <label className="field">
          <span>Backup</span>
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} size={Math.min(backups.length, 7)}>
            {backups.map((b) => (
              <option key={b.file} value={b.file}>
                {[madeFormat.format(b.createdAt), backupReason(b.file), formatSize(b.bytes)].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
      )}
    </Dialog>
  );
}

/** The home screen's "Restore from backup…" button, with the dialog it opens. */
export function RestoreBackupButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Restore from backup…
      </button>
      {open && <RestoreBackupDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/** Every window reloads once the database was replaced by a backup: nothing it shows is current any more. */
export function useReloadOnRestore(): void {
  useEffect(() => api().on('database.restored', () => location.reload()), []);
}
