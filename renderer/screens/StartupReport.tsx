import { useState } from 'react';
import { api } from '../api/client';
import { showError } from '../state/toasts';
import { backupSentence, backupToOffer, headingOf, type Backup, type StartupReport } from './startup-report';
import './startup-report.css';

export type { StartupReport } from './startup-report';

const madeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * What start-up found wrong with the database, on the home screen until the facilitator restores
 * the newest backup (every window then reloads, with the sessions back) or carries on empty.
 */
export function StartupReportBanner({ report, onDismissed }: { report: StartupReport; onDismissed(): void }) {
  const [busy, setBusy] = useState(false);
  const offer = backupToOffer(report);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const restore = (backup: Backup) =>
    act(async () => {
      await api().call('backup.restore', { file: backup.file });
      // The 'database.restored' event reloads too; this covers a reply that arrives first.
      location.reload();
    });

  const dismiss = () =>
    act(async () => {
      await api().call('app.dismissStartupReport', {});
      onDismissed();
    });

  return (
    <section className="startup-report" role="alert" aria-labelledby="startup-report-title">
      <h2 id="startup-report-title">{headingOf(report)}</h2>
      <p>{report.message}</p>
      <p>{backupSentence(report, (at) => madeFormat.format(at))}</p>
      <details>
        <summary>What SQLite said</summary>
        {report.detail}
      </details>
      <div className="startup-report-actions">
        {offer && (
          <button type="button" className="primary" disabled={busy} onClick={() => void restore(offer)}>
            Restore newest backup
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void dismiss()}>
          Start with an empty database
        </button>
      </div>
    </section>
  );
}
