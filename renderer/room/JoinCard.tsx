import { useEffect } from 'react';
import type { RoomStatus } from '../../shared/model/room';
import { QrCode } from './QrCode';
import { followRoom, useRoom } from './room-state';
import './room.css';

/** The code as the room reads it: in two halves, so "K7M 2QX" is easy to say and to type. */
const spacedCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/** The QR code, the code and the address, large enough for the back of the room. */
export function JoinCard({ status, large = false }: { status: RoomStatus; large?: boolean }) {
  return (
    <div className={large ? 'join-card large' : 'join-card'}>
      <QrCode className="join-qr" text={status.joinUrl!} label={`QR code to join: ${status.joinUrl}`} />
      <div className="join-text">
        <p className="join-step">Join from your phone, on this room’s Wi-Fi</p>
        <p className="join-url">{status.url!.replace(/^http:\/\//, '').replace(/\/$/, '')}</p>
        <p className="join-step">Code</p>
        <p className="join-code" aria-label={`Join code ${status.code!.split('').join(' ')}`}>
          {spacedCode(status.code!)}
        </p>
      </div>
    </div>
  );
}

/**
 * The join card over the whole audience view, read from the back of the room. The facilitator
 * shows and hides it from the room panel; the editor's own window never covers itself with it.
 */
export function JoinOnScreen({ sessionId }: { sessionId: string }) {
  const status = useRoom((s) => s.status);
  useEffect(followRoom, []);
  if (!status?.open || status.sessionId !== sessionId) return null;
  return (
    <section className="join-on-screen" aria-label="How to join the room">
      <JoinCard status={status} large />
    </section>
  );
}
