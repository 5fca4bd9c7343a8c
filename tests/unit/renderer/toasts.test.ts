import { afterEach, describe, expect, it, vi } from 'vitest';
import { showError, showInfo, useToasts } from '../../../renderer/state/toasts';

afterEach(() => {
  useToasts.setState({ toasts: [] });
  vi.useRealTimers();
});

describe('toasts', () => {
  it('shows the same error once, however many calls were refused for it', () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    showError(new Error('No session with id s_1'));
    showError(new Error('No session with id s_1'));
    showInfo('No session with id s_1');
    expect(useToasts.getState().toasts.map((t) => [t.tone, t.message])).toEqual([
      ['error', 'No session with id s_1'],
      ['info', 'No session with id s_1'],
    ]);
  });

  it('keeps the four newest different messages', () => {
    vi.useFakeTimers();
    for (const n of [1, 2, 3, 4, 5]) showInfo(`Message ${n}`);
    expect(useToasts.getState().toasts.map((t) => t.message)).toEqual(['Message 2', 'Message 3', 'Message 4', 'Message 5']);
  });
});
