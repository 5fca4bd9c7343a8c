import { useCallback, useEffect, useId, useState } from 'react';
import type { LibraryState } from '../../shared/model/library';
import type { TemplateSummary } from '../../shared/model';
import { api } from '../api/client';
import { navigate } from '../state/router';
import { showError, showInfo } from '../state/toasts';
import { Dialog, Field } from '../ui/Dialog';
import { syncedLine, teamTemplates, type TeamTemplate } from './team-library-view';

const formatTime = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });

const mayWithdraw = ({ caller }: LibraryState, { latest }: TeamTemplate) => caller !== null && (caller.admin || caller.name === latest.author);

async function openVersion(templateId: string, version: number): Promise<void> {
  try {
    const session = await api().call('library.use', { templateId, version });
    navigate({ screen: 'session', sessionId: session.id });
  } catch (error) {
    showError(error);
  }
}

/** `onWithdraw` is null where the library would refuse: the template is someone else's and the caller no administrator. */
function TeamCard({ template, onWithdraw }: { template: TeamTemplate; onWithdraw: (() => void) | null }) {
  const nameId = useId();
  const { latest, behind } = template;
  return (
    <article className="template-card team-card" aria-labelledby={nameId}>
      <div className="template-text">
        <h2 id={nameId}>{latest.name}</h2>
        <span className="template-badge">Version {latest.version}</span>
        <p className="template-meta">
          by {latest.author} · {formatDate(latest.publishedAt)}
        </p>
        {latest.description && <p className="template-description">{latest.description}</p>}
        <p className="team-note">
          <strong>What changed:</strong> {latest.note}
        </p>
        {behind.map(({ origin, notes }) => (
          <section key={origin.sessionId} className="team-update" aria-label={`Version ${latest.version} available for ${origin.sessionTitle}`}>
            <p>
              <strong>Version {latest.version} available.</strong> Your session “{origin.sessionTitle}” uses version {origin.version}.
            </p>
            <ul>
              {notes.map((v) => (
                <li key={v.version}>
                  Version {v.version}: {v.note}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void openVersion(latest.templateId, latest.version)}>
              Take version {latest.version}
            </button>
          </section>
        ))}
      </div>
      <div className="template-actions">
        <button type="button" className="primary" aria-describedby={nameId} onClick={() => void openVersion(latest.templateId, latest.version)}>
          Use template
        </button>
        {onWithdraw && (
          <button type="button" className="danger" aria-describedby={nameId} onClick={onWithdraw}>
            Withdraw
          </button>
        )}
      </div>
    </article>
  );
}

/** The address of the team library, kept in this app; the command line's `--library-url` wins over it. */
function LibrarySettingsDialog({ state, onClose, onSaved }: { state: LibraryState; onClose(): void; onSaved(state: LibraryState): void }) {
  const [url, setUrl] = useState('');
  const hintId = useId();
  return (
    <Dialog
      title="Team library settings"
      submitLabel="Save and connect"
      onClose={onClose}
      onSubmit={() =>
        api()
          .call('library.setUrl', { url })
          .then(onSaved, showError)
      }
    >
      <p id={hintId} className="field-hint">
        {state.address ? `Now: ${state.address}${state.addressFrom === 'command line' ? ' (set on the command line, which wins over this setting)' : ''}. ` : ''}
        The PostgreSQL connection string your firm gave you, such as postgresql://name:password@library.example.com:5432/groundwork.
      </p>
      <Field label="Library address" value={url} onChange={setUrl} required autoFocus maxLength={2000} />
    </Dialog>
  );
}

/** Publishes an own template's next version to the team library, with a change note. */
export function PublishDialog({ template, onClose }: { template: TemplateSummary; onClose(): void }) {
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={`Publish “${template.name}” to the team library`}
      submitLabel="Publish"
      onClose={onClose}
      onSubmit={() =>
        api()
          .call('library.publish', { templateId: template.id, note })
          .then((state) => {
            onClose();
            const published = state.versions.find((v) => v.templateId === template.id);
            if (state.waiting.some((w) => w.templateId === template.id)) showInfo(`“${template.name}” will be published when the team library is reachable.`);
            else showInfo(`Published “${template.name}” as version ${published?.version ?? 1}.`);
          }, showError)
      }
    >
      <label className="field">
        <span>Change note</span>
        <textarea rows={3} required value={note} maxLength={10_000} placeholder="What changed, for the trainers who use it" onChange={(e) => setNote(e.target.value)} />
      </label>
    </Dialog>
  );
}

/** The Team filter of the gallery: the library's templates, from the local cache, synced when shown. */
export function TeamLibrary({ query }: { query: string }) {
  const [state, setState] = useState<LibraryState | null>(null);
  const [syncing, setSyncing] = useState(true);
  const [settings, setSettings] = useState(false);

  const runSync = useCallback(
    () =>
      api()
        .call('library.sync', {})
        .then(setState, showError)
        .finally(() => setSyncing(false)),
    [],
  );
  const sync = () => {
    setSyncing(true);
    void runSync();
  };
  // The cache shows at once; the sync that follows replaces it (unless it answers first).
  useEffect(() => {
    api()
      .call('library.status', {})
      .then((cached) => setState((shown) => shown ?? cached), showError);
    void runSync();
    // What main delivers by itself (a publish made offline) shows without a press of Sync now.
    const timer = setInterval(() => void api().call('library.status', {}).then(setState, () => {}), 10_000);
    return () => clearInterval(timer);
  }, [runSync]);

  const withdraw = (templateId: string) =>
    api()
      .call('library.withdraw', { templateId })
      .then((next) => {
        setState(next);
        showInfo('Withdrawn from the team library. Sessions made from it keep their boards.');
      }, showError);

  if (!state) return <p className="empty">Loading the team library…</p>;
  const shown = teamTemplates(state, query);
  return (
    <section aria-label="Team library" className="team-library">
      <div className="team-status">
        <p role="status">
          {state.address ? `${syncedLine(state, formatTime)} · ${state.address}` : 'No team library is set.'}
          {syncing && ' · syncing…'}
        </p>
        <button type="button" onClick={sync} disabled={syncing || !state.address}>
          Sync now
        </button>
        <button type="button" onClick={() => setSettings(true)}>
          Library settings…
        </button>
      </div>
      {state.problem && (
        <p className={state.offline ? 'team-notice' : 'team-notice team-problem'} role="alert">
          {state.offline ? `Offline: showing the list as last synced. ${state.problem}` : state.problem}
        </p>
      )}
      {state.waiting.length > 0 && (
        <p className="team-notice">
          Waiting to publish when the library is reachable: {state.waiting.map((w) => `“${w.name}” (${w.note})`).join(', ')}.
        </p>
      )}
      {!state.address && <p className="empty">Connect to your firm’s team library to share templates with the other trainers: choose “Library settings…”.</p>}
      {state.address && shown.length === 0 && <p className="empty">{query ? `No team template matches “${query}”.` : 'The team library has no templates yet. Publish one of yours from Mine.'}</p>}
      <div className="template-grid">
        {shown.map((template) => (
          <TeamCard
            key={template.latest.templateId}
            template={template}
            onWithdraw={mayWithdraw(state, template) ? () => void withdraw(template.latest.templateId) : null}
          />
        ))}
      </div>
      {settings && (
        <LibrarySettingsDialog
          state={state}
          onClose={() => setSettings(false)}
          onSaved={(next) => {
            setState(next);
            setSettings(false);
            sync();
          }}
        />
      )}
    </section>
  );
}
