import { describe, expect, it } from 'vitest';
import { jsonWithin, MAX_REPLY_BYTES, replyJson } from '../../main/transport/reply-json';

describe('jsonWithin', () => {
  it('gives the JSON text of a value within the cap, 256 MB unless told', () => {
    expect(MAX_REPLY_BYTES).toBe(256 * 1024 * 1024);
    expect(jsonWithin({ ok: true, result: [1, 'two'] })).toBe('{"ok":true,"result":[1,"two"]}');
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(jsonWithin('e'.repeat(40), 60)).toBe(`"${'e'.repeat(40)}"`);
    expect(jsonWithin('é'.repeat(40), 60)).toBeNull();
  });

  it('gives null where JSON.stringify throws past the longest string V8 can build', () => {
    // Building a real 512 MB string would take a gigabyte of memory: this throws what V8 throws.
    const endless = { toJSON: () => { throw new RangeError('Invalid string length'); } };
    expect(jsonWithin({ result: endless })).toBeNull();
  });

  it('throws any other failure to serialise, which is a bug', () => {
    expect(() => jsonWithin({ result: 1n })).toThrow(TypeError);
  });
});

describe('replyJson', () => {
  const frame = (reply: unknown) => ({ type: 'reply', id: 7, reply });

  it('sends a reply that fits as it is, in its frame', () => {
    const reply = { ok: true as const, result: { id: 'b1' } };
    expect(replyJson(reply, 'board.get', frame, 1_000)).toEqual({ text: JSON.stringify(frame(reply)), reply });
  });

  it('sends a too_large error reply in the same frame when the reply does not fit', () => {
    const { text, reply } = replyJson({ ok: true, result: 'x'.repeat(2_000) }, 'session.export', frame, 1_000);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'too_large',
        path: [],
        message: 'The answer to session.export is more than Groundwork can send (over 1,000 bytes). Move part of the largest board onto another board, then try again.',
      },
    });
    expect(JSON.parse(text)).toEqual(frame(reply));
  });
});
