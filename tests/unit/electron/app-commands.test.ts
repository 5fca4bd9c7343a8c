import { describe, expect, it, vi } from 'vitest';
import { CommandQueue, routeAppCommand, type AppCommand } from '../../../main/electron/app-commands';

const editor = { name: 'editor' };
const ALL: AppCommand[] = ['undo', 'redo', 'new-session', 'open-session'];

describe('where a desktop command goes', () => {
  it('goes to the editor for every command: the focused window is not asked', () => {
    for (const command of ALL) expect(routeAppCommand(command, editor)?.to, command).toBe(editor);
  });

  it('brings the editor forward to start or open a session, not to undo or redo', () => {
    expect(routeAppCommand('new-session', editor)).toEqual({ to: editor, focus: true });
    expect(routeAppCommand('open-session', editor)).toEqual({ to: editor, focus: true });
    expect(routeAppCommand('undo', editor)).toEqual({ to: editor, focus: false });
    expect(routeAppCommand('redo', editor)).toEqual({ to: editor, focus: false });
  });

  it('opens an editor to start or open a session when none is open (macOS), and drops undo and redo', () => {
    expect(routeAppCommand('new-session', null)).toEqual({ to: 'new-editor', focus: true });
    expect(routeAppCommand('open-session', null)).toEqual({ to: 'new-editor', focus: true });
    expect(routeAppCommand('undo', null)).toBeNull();
    expect(routeAppCommand('redo', null)).toBeNull();
  });
});

describe('the command queue of a window', () => {
  const open = { command: 'open-session' as const, sessionId: 's_acme' };

  it('holds a command sent before the page listens, and gives it once when the page asks', () => {
    const queue = new CommandQueue();
    const send = vi.fn();
    expect(queue.deliver('win-1', open, send)).toBe('queued');
    expect(send).not.toHaveBeenCalled();
    expect(queue.take('win-1')).toEqual([open]);
    expect(queue.take('win-1')).toEqual([]);
  });

  it('gives waiting commands oldest first', () => {
    const queue = new CommandQueue();
    queue.deliver('win-1', { command: 'new-session' }, vi.fn());
    queue.deliver('win-1', open, vi.fn());
    expect(queue.take('win-1')).toEqual([{ command: 'new-session' }, open]);
  });

  it('sends live once the page has asked', () => {
    const queue = new CommandQueue();
    queue.take('win-1');
    const send = vi.fn();
    expect(queue.deliver('win-1', open, send)).toBe('sent');
    expect(send).toHaveBeenCalledExactlyOnceWith(open);
    expect(queue.waitingFor('win-1')).toBe(0);
  });

  it('keeps each window apart', () => {
    const queue = new CommandQueue();
    queue.take('win-2');
    const send = vi.fn();
    expect(queue.deliver('win-1', open, send)).toBe('queued');
    expect(queue.take('win-2')).toEqual([]);
    expect(queue.take('win-1')).toEqual([open]);
  });

  it('holds commands again while a reloaded page has not asked yet', () => {
    const queue = new CommandQueue();
    queue.take('win-1');
    queue.stopListening('win-1');
    const send = vi.fn();
    expect(queue.deliver('win-1', open, send)).toBe('queued');
    expect(send).not.toHaveBeenCalled();
    expect(queue.take('win-1')).toEqual([open]);
  });

  it('drops what waited for a window that closed', () => {
    const queue = new CommandQueue();
    queue.deliver('win-1', open, vi.fn());
    queue.forget('win-1');
    expect(queue.waitingFor('win-1')).toBe(0);
    expect(queue.take('win-1')).toEqual([]);
  });
});
