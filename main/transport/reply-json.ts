import type { Reply } from '../../shared/api';

/**
 * The largest reply any transport sends. V8 cannot build a string much past 512 MB (JSON.stringify
 * throws "Invalid string length"), and a client would choke on far less; half that is the cap.
 */
export const MAX_REPLY_BYTES = 256 * 1024 * 1024;

/**
 * `value` as JSON text, or null when it is more than `maxBytes` of UTF-8, or more than a string
 * can hold. Any other failure to serialise is a bug and is thrown.
 */
export function jsonWithin(value: unknown, maxBytes = MAX_REPLY_BYTES): string | null {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  // A UTF-16 unit is 1 to 3 bytes of UTF-8: only the middle ground needs counting.
  if (text.length > maxBytes) return null;
  if (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes) return null;
  return text;
}

function tooLargeReply(method: string, maxBytes = MAX_REPLY_BYTES): Reply {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${maxBytes.toLocaleString('en')} bytes`;
  return {
    ok: false,
    error: {
      code: 'too_large',
      path: [],
      message: `The answer to ${method.slice(0, 100)} is more than Groundwork can send (over ${size}). Move part of the largest board onto another board, then try again.`,
    },
  };
}

/**
 * The one way a transport turns a reply into text: `frame` wraps it as the transport sends it
 * (the reply itself over HTTP, `{type: 'reply', id, reply}` over a WebSocket). A reply too large
 * to send goes as a too_large error reply in the same frame, so the caller gets an answer, and the
 * server neither crashes nor leaves the request hanging. Returns the text and the reply it holds.
 */
export function replyJson(reply: Reply, method: string, frame: (reply: Reply) => unknown = (r) => r, maxBytes = MAX_REPLY_BYTES): { text: string; reply: Reply } {
  const text = jsonWithin(frame(reply), maxBytes);
  if (text !== null) return { text, reply };
  console.warn(`Refused to send the reply to ${method}: larger than ${maxBytes} bytes`);
  const refusal = tooLargeReply(method, maxBytes);
  return { text: JSON.stringify(frame(refusal)), reply: refusal };
}
