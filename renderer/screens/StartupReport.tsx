import { useState } from 'react';
import { api } from '../api/client';
import { showError } from '../state/toasts';
import { backupSentence, backupToOffer, dismissLabelOf, headingOf, SALVAGE_OFFER, type Backup, type StartupReport } from './startup-report';
import './startup-report.css';

export type { StartupReport } from './startup-report';

const madeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * What start-up found wrong with the database, on the home screen until the facilitator restores
 * the newest backup (every window then reloads, with the sessions back) or carries on empty. A
 * salvage copies what is readable of the damaged file in; the report then says what came back.
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

  const salvage = () =>
    act(async () => {
      await api().call('app.salvage', {});
      // The 'database.restored' event reloads too; the report, read again, says what came back.
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
      {report.salvaged && <p className="startup-report-salvaged">{report.salvaged.message}</p>}
      <p>{backupSentence(report, (at) => madeFormat.format(at))}</p>
      {report.canSalvage && <p>{SALVAGE_OFFER}</p>}
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
        {report.canSalvage && (
          <button type="button" className={offer ? undefined : 'primary'} disabled={busy} onClick={() => void salvage()}>
            Salvage what is readable
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void dismiss()}>
          {dismissLabelOf(report)}
        </button>
      </div>
    </section>
  );
}
