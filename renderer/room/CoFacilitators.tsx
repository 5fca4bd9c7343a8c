import { useEffect, useState } from 'react';
import type { Invitation } from '../../shared/model/co-facilitator';
import type { RoomStatus } from '../../shared/model/room';
import { api } from '../api/client';
import { isCoFacilitator } from '../state/address';
import { showError } from '../state/toasts';
import { QrCode } from './QrCode';
import { roomCall } from './room-state';
import './co-facilitators.css';

/** "ABCD EFGH": two halves, easy to read off the host's screen. */
const spacedPairingCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Whether the code's time is up, following the clock while it runs. */
function useExpired(expiresAt: number): boolean {
  const [expired, setExpired] = useState(() => Date.now() >= expiresAt);
  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), Math.max(0, expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return expired;
}

function PairingCard({ invitation, onDone }: { invitation: Invitation; onDone(): void }) {
  const expired = useExpired(invitation.expiresAt);
  const address = invitation.url.replace(/^http:\/\//, '').replace(/#.*$/, '');
  return (
    <section className="pairing-card" aria-label="Pair a co-facilitator">
      {expired ? (
        <p className="room-note">That code has expired. Make a new one when the second laptop is ready.</p>
      ) : (
        <>
          <QrCode className="pairing-qr" text={invitation.url} label={`QR code to pair a co-facilitator: ${invitation.url}`} />
          <p className="join-step">On the second laptop, on this room’s Wi-Fi, open</p>
          <p className="pairing-url">{address}</p>
          <p className="join-step">and enter the code</p>
          <p className="pairing-code" aria-label={`Pairing code ${invitation.code.split('').join(' ')}`}>
            {spacedPairingCode(invitation.code)}
          </p>
          <p className="room-note">Valid once, until {clock(invitation.expiresAt)}. It gives this session’s editor only.</p>
        </>
      )}
      <button type="button" onClick={onDone}>
        {expired ? 'Close' : 'Done'}
      </button>
    </section>
  );
}

/** The room's co-facilitators: pair a second laptop, see who is connected, revoke one at once. */
export function CoFacilitators({ status }: { status: RoomStatus }) {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  // Only the host pairs and revokes; a co-facilitator sees the list.
  const host = !isCoFacilitator();
  const invite = () =>
    api()
      .call('coFacilitator.invite', {})
      .then(setInvitation)
      .catch(showError);
  return (
    <section className="co-facilitators" aria-labelledby="co-facilitators-heading">
      <h3 id="co-facilitators-heading">Co-facilitators</h3>
      {status.coFacilitators.length === 0 && <p className="room-note">A second laptop on this room’s network can edit this session beside you.</p>}
      <ul className="co-facilitator-list">
        {status.coFacilitators.map((person) => (
          <li key={person.id}>
            <span>
              {person.name} <span className="room-note">· {person.connected ? 'connected' : 'not connected'}</span>
            </span>
            {host && (
              <button type="button" className="danger" aria-label={`Revoke ${person.name}`} onClick={() => void roomCall(() => api().call('coFacilitator.revoke', { id: person.id }))}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      {host &&
        (invitation ? (
          <PairingCard invitation={invitation} onDone={() => setInvitation(null)} />
        ) : (
          <button type="button" onClick={() => void invite()}>
            Add a co-facilitator
          </button>
        ))}
    </section>
  );
}
