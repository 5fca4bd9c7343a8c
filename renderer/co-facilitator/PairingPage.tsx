import { useState } from 'react';
import { CO_FACILITATOR_CODE_LENGTH, ENDED_FRAGMENT } from '../../shared/api/co-facilitator-paths';
import { JoinFields } from '../ui/JoinFields';
import { codeFromFragment, pairWithCode } from './pairing';

/** The second laptop's way in: the code from the host's screen and a name, then the session's editor. */
export function PairingPage() {
  const [code, setCode] = useState(() => codeFromFragment(location.hash));
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ended = location.hash === ENDED_FRAGMENT;
  return (
    <main className="join">
      <h1>Join as co-facilitator</h1>
      {ended && (
        <p className="error" role="status">
          The host ended your access, or closed the room. Enter a new code from the host to join again.
        </p>
      )}
      <p className="hint">Enter the code shown on the host’s screen. You get the session’s boards, agenda, presentation and the room’s notes, beside the host.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError('');
          void pairWithCode(code, name).then((answer) => {
            setBusy(false);
            if (answer.ok) location.assign(answer.editor);
            else setError(answer.message);
          });
        }}
      >
        <JoinFields code={code} onCode={setCode} codeMaxLength={CO_FACILITATOR_CODE_LENGTH + 2} name={name} onName={setName} nameAutoComplete="name" error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Join as co-facilitator
        </button>
      </form>
    </main>
  );
}
