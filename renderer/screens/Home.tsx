import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../../shared/model';
import { api } from '../api/client';
import { exportSession } from '../files/download';
import { ImportFileButton } from '../files/FileDrop';
import { navigate } from '../state/router';
import { showError, showInfo } from '../state/toasts';
import { Dialog } from '../ui/Dialog';
import { RestoreBackupButton } from './RestoreBackupDialog';
import { SessionDetailsDialog } from './SessionDetailsDialog';
import { StartupReportBanner, type StartupReport } from './StartupReport';

type Modal = { kind: 'create' } | { kind: 'edit'; session: Session } | { kind: 'delete'; session: Session } | null;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const editedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatWorkshopDate(date: string | null): string {
  return date ? dateFormat.format(new Date(`${date}T12:00:00`)) : '—';
}

/** The list of workshop sessions, newest first, with search and the session commands. */
export function Home({ creating = false }: { creating?: boolean }) {
  const [query, setQuery] = useState('');
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [modal, setModal] = useState<Modal>(creating ? { kind: 'create' } : null);
  const [startupReport, setStartupReport] = useState<StartupReport | null>(null);

  const load = useCallback(() => {
    api()
      .call('session.list', { query })
      .then(setSessions)
      .catch(showError);
  }, [query]);

  useEffect(load, [load]);
  useEffect(() => {
    api().call('app.startupReport', {}).then(setStartupReport).catch(showError);
  }, []);
  useEffect(() => api().on('session.changed', load), [load]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setModal(null);
      load();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <main className="home">
      <header className="home-header">
        <h1>Groundwork</h1>
        <p className="tagline">Workshop sessions</p>
        <a href="#/templates" className="button-link">
          Templates
        </a>
        <ImportFileButton />
        <RestoreBackupButton />
        <button type="button" className="primary" onClick={() => setModal({ kind: 'create' })}>
          New session
        </button>
      </header>
      {startupReport && <StartupReportBanner report={startupReport} onDismissed={() => setStartupReport(null)} />}
      <input type="search" className="search" aria-label="Search sessions" placeholder="Search by title, group or date" value={query} onChange={(e) => setQuery(e.target.value)} />
      {sessions && sessions.length === 0 && <p className="empty">{query ? `No session matches “${query}”.` : 'No sessions yet. Start one with “New session”.'}</p>}
      {sessions && sessions.length > 0 && (
        <table className="sessions" aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Group or client</th>
              <th scope="col">Workshop date</th>
              <th scope="col">Last edited</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  <a href={`#/session/${session.id}`} className="session-title">
                    {session.title}
                  </a>
                </td>
                <td>{session.client || '—'}</td>
                <td>{formatWorkshopDate(session.workshopDate)}</td>
                <td>{editedFormat.format(session.updatedAt)}</td>
                <td className="row-actions">
                  <button type="button" aria-label={`Edit details of ${session.title}`} onClick={() => setModal({ kind: 'edit', session })}>
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Duplicate ${session.title}`}
                    onClick={() => run(async () => showInfo(`Duplicated as “${(await api().call('session.duplicate', { id: session.id })).title}”`))}
                  >
                    Duplicate
                  </button>
                  <button type="button" aria-label={`Export ${session.title}`} onClick={() => void exportSession(session.id).catch(showError)}>
                    Export
                  </button>
                  <button type="button" className="danger" aria-label={`Delete ${session.title}`} onClick={() => setModal({ kind: 'delete', session })}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {modal?.kind === 'create' && (
        <SessionDetailsDialog
          heading="New session"
          submitLabel="Create session"
          onClose={() => {
            setModal(null);
            if (creating) navigate({ screen: 'home' }, { replace: true });
          }}
          onSubmit={(details) =>
            run(async () => {
              const session = await api().call('session.create', details);
              navigate({ screen: 'session', sessionId: session.id });
            })
          }
        />
      )}
      {modal?.kind === 'edit' && (
        <SessionDetailsDialog
          heading="Edit session"
          submitLabel="Save"
          initial={modal.session}
          onClose={() => setModal(null)}
          onSubmit={(details) => run(() => api().call('session.update', { id: modal.session.id, ...details }))}
        />
      )}
      {modal?.kind === 'delete' && (
        <Dialog
          title={`Delete “${modal.session.title}”?`}
          submitLabel="Delete session"
          tone="danger"
          onClose={() => setModal(null)}
          onSubmit={() => run(() => api().call('session.delete', { id: modal.session.id }))}
        >
          <p>Its boards and everything on them are deleted too.</p>
        </Dialog>
      )}
    </main>
  );
}
