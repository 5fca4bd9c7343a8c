import { useEffect, useRef } from 'react';
import type { RoomStatus } from '../../shared/model/room';
import { QrCode } from './QrCode';

/** The code as the room reads it: in two halves, so "K7M 2QX" is easy to say and to type. */
export const spacedCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

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

/** The join card over the whole window, for the projector; Esc or a click closes it. */
export function JoinOverlay({ status, onClose }: { status: RoomStatus; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog ref={ref} className="join-overlay" aria-label="How to join the room" onClose={onClose} onCancel={onClose} onClick={onClose}>
      <JoinCard status={status} large />
      <button type="button" className="join-overlay-close" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
