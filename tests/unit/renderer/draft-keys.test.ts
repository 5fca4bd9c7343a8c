import { describe, expect, it } from 'vitest';
import { draftKey } from '../../../renderer/ui/draft-keys';

const key = (key: string, shiftKey = false) => ({ key, shiftKey });

describe('draftKey', () => {
  it('drops the draft on Escape, wherever the field is', () => {
    for (const newLine of ['none', 'shift-enter', 'enter'] as const) expect(draftKey(key('Escape'), newLine)).toBe('cancel');
  });

  it('keeps a one-line draft on Enter, with or without Shift', () => {
    expect(draftKey(key('Enter'), 'none')).toBe('commit');
    expect(draftKey(key('Enter', true), 'none')).toBe('commit');
  });

  it('leaves Shift+Enter to make a new line in a label on the canvas, and keeps it on Enter', () => {
    expect(draftKey(key('Enter', true), 'shift-enter')).toBeNull();
    expect(draftKey(key('Enter'), 'shift-enter')).toBe('commit');
  });

  it('leaves Enter to make a new line in a form’s text area', () => {
    expect(draftKey(key('Enter'), 'enter')).toBeNull();
    expect(draftKey(key('Enter', true), 'enter')).toBeNull();
  });

  it('lets other keys type', () => {
    expect(draftKey(key('a'), 'none')).toBeNull();
    expect(draftKey(key('Tab'), 'shift-enter')).toBeNull();
  });
});
