import { describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../main/service/events';
import { parseStoredJson, storedText } from '../../../main/store/stored-text';
import { parseDocument } from '../../../shared/fileformat/validate';
import { findBrokenText, isWellFormedText, refuseBrokenText, repairText, toWellFormedText } from '../../../shared/text/well-formed';

describe('well-formed text', () => {
  it('tells a lone surrogate, high or low, from a pair and from plain text', () => {
    for (const text of ['', 'Sales', 'Sales 😀', 'Zürich — Q3', '\uD83D\uDE00']) expect(isWellFormedText(text)).toBe(true);
    for (const text of ['Sales\uD800', '\uDC00Sales', 'a\uD800b', '\uDE00\uD83D', '😀\uD800']) expect(isWellFormedText(text)).toBe(false);
  });

  it('replaces each lone surrogate with U+FFFD and keeps pairs', () => {
    expect(toWellFormedText('Sales\uD800')).toBe('Sales\uFFFD');
    expect(toWellFormedText('\uDC00😀\uD800\uD800')).toBe('\uFFFD😀\uFFFD\uFFFD');
    expect(toWellFormedText('Sales 😀')).toBe('Sales 😀');
  });

  it('names the path of the first broken string in reading order, keys included', () => {
    expect(findBrokenText({ title: 'ok', ops: [{ node: { data: { person: 'Dana\uD800' } } }, { label: '\uDC00' }] })).toEqual(['ops', 0, 'node', 'data', 'person']);
    expect(findBrokenText({ a: 'fine', ['k\uD800']: 'fine' })).toEqual(['k\uFFFD']);
    expect(findBrokenText('\uD800')).toEqual([]);
    expect(findBrokenText({ title: 'Sales 😀', n: 3, list: [null, true, ['x']] })).toBeNull();
  });

  it('walks input nested far deeper than the call stack allows', () => {
    let deep: unknown = '\uD800';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findBrokenText(deep)).toHaveLength(20_000);
  });

  it('refuses with invalid_input, the field path and plain words', () => {
    expect(() => refuseBrokenText({ title: 'Sales\uD800' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', path: ['title'], message: 'title: contains a broken character (a lone UTF-16 surrogate)' }),
    );
    expect(() => refuseBrokenText({ title: 'Sales' })).not.toThrow();
  });

  it('repairs every string of a value read back, and returns a sound value as it is', () => {
    const sound = { label: 'ok', list: ['a'] };
    expect(repairText(sound)).toBe(sound);
    expect(repairText({ label: 'x\uD800', list: ['\uDC00', 2], ['k\uD800']: null })).toEqual({ label: 'x\uFFFD', list: ['\uFFFD', 2], ['k\uFFFD']: null });
  });
});

describe('a refusal of a file', () => {
  it('names a lone surrogate’s JSON path, and never cuts a quoted pair (an emoji) in two', () => {
    expect(parseDocument('{"format":"groundwork","title":"Sales\\ud800"}')).toEqual({
      ok: false,
      problems: [{ path: '$.title', message: 'The text contains a broken character (a lone UTF-16 surrogate)' }],
    });
    const quoted = parseDocument({ format: `${'x'.repeat(38)}😀yy` });
    expect(quoted).toMatchObject({ ok: false, problems: [{ path: '$.format' }] });
    const message = quoted.ok ? '' : quoted.problems[0].message;
    expect(message).toContain(`"${'x'.repeat(38)}…"`);
    expect(isWellFormedText(message)).toBe(true);
  });
});

describe('text as an older version stored it', () => {
  it('reads a TEXT column’s lone surrogate (three U+FFFD as read) as one U+FFFD', () => {
    expect(storedText('Sales\uFFFD\uFFFD\uFFFD')).toBe('Sales\uFFFD');
    expect(storedText('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD')).toBe('\uFFFD\uFFFD');
    expect(storedText('Sales \uFFFD')).toBe('Sales \uFFFD');
  });

  it('reads a JSON column’s escaped lone surrogate as U+FFFD and leaves escaped pairs alone', () => {
    expect(parseStoredJson(JSON.stringify({ label: 'x\uD800' }))).toEqual({ label: 'x\uFFFD' });
    expect(parseStoredJson('{"label":"\\ud83d\\ude00"}')).toEqual({ label: '😀' });
  });
});

describe('events held while a call runs', () => {
  it('are sent once the work returns, and dropped when it throws', () => {
    const hub = new EventHub();
    const heard: string[] = [];
    hub.subscribe('window', (name) => heard.push(name));
    hub.holdWhile(() => {
      hub.publish('templates.changed', {});
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['templates.changed']);
    expect(() =>
      hub.holdWhile(() => {
        hub.publish('database.restored', {});
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    hub.publish('templates.changed', {});
    expect(heard).toEqual(['templates.changed', 'templates.changed']);
  });

  it('a listener failing once the work is done does not fail the work, and the others still hear', () => {
    const hub = new EventHub();
    const heard: string[] = [];
    hub.subscribe('broken-window', () => {
      throw new Error('socket gone');
    });
    hub.subscribe('window', (name) => heard.push(name));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(hub.holdWhile(() => (hub.publish('templates.changed', {}), 'done'))).toBe('done');
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
    expect(heard).toEqual(['templates.changed']);
  });
});
