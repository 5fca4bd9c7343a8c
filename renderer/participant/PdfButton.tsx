import { useState } from 'react';
import { ROOM_PDF_PATH, ROOM_TOKEN_HEADER } from '../../shared/api/room-paths';
import type { RoomConnection } from './connection';

/** Downloads the session's PDF, once the facilitator has shared it. */
export function PdfButton({ connection, onError }: { connection: RoomConnection; onError(message: string): void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(ROOM_PDF_PATH, { headers: { [ROOM_TOKEN_HEADER]: connection.token ?? '' } });
      if (!response.ok) throw new Error(await response.text());
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'workshop.pdf';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="primary wide" disabled={busy} onClick={() => void download()}>
      Download the session PDF
    </button>
  );
}
