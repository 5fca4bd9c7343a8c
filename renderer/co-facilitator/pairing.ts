import { CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';

const ROOM_NOT_REACHED = 'The host’s room could not be reached: check that this laptop is on the room’s Wi-Fi and that the host has the room open, then try again.';

/** The code from the QR code's link (its fragment never reaches the server). */
export function codeFromFragment(hash: string): string {
  return /code=([A-Za-z0-9]{1,12})/.exec(hash)?.[1]?.toUpperCase() ?? '';
}

/**
 * Exchanges the code for access: the answer sets the token as an HttpOnly cookie and names the
 * editor's address. A refusal comes back as its plain-words message.
 */
export async function pairWithCode(code: string, name: string): Promise<{ ok: true; editor: string } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(CO_FACILITATOR_PATHS.pair, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  } catch {
    return { ok: false, message: ROOM_NOT_REACHED };
  }
  const reply = (await response.json().catch(() => null)) as { ok: boolean; result?: { editor: string }; error?: { message: string } } | null;
  if (reply?.ok && reply.result) return { ok: true, editor: reply.result.editor };
  return { ok: false, message: reply?.error?.message ?? ROOM_NOT_REACHED };
}
