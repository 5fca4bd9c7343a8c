import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/api';
import type { ApiClient } from '../../../renderer/api/client';
import { listenForAppCommands, watchAppStatus, type AppStatus } from '../../../renderer/api/desktop-shell';

/** A client whose calls the test answers and whose events the test fires; it records the order of both. */
function fakeClient(answers: Record<string, unknown>) {
  const log: string[] = [];
  const listeners = new Map<string, (payload: never) => void>();
  const client = {
    on: (name: EventName, listener: (payload: never) => void) => {
      log.push(`on ${name}`);
      listeners.set(name, listener);
      return () => {
        log.push(`off ${name}`);
        listeners.delete(name);
      };
    },
    call: (method: string) => {
      log.push(`call ${method}`);
      return Promise.resolve(answers[method]);
    },
  } as unknown as Pick<ApiClient, 'on' | 'call'>;
  const fire = (name: string, payload: unknown) => listeners.get(name)?.(payload as never);
  return { client, log, fire };
}

describe('a page’s desktop commands', () => {
  it('listens first, then takes what waited for it and runs it in order', async () => {
    const waiting = [{ command: 'open-session', sessionId: 's_acme' }, { command: 'new-session' }];
    const { client, log, fire } = fakeClient({ 'app.takeCommands': waiting });
    const run = vi.fn();
    const off = listenForAppCommands(client, run, vi.fn());
    expect(log).toEqual(['on app.command', 'call app.takeCommands']);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
    expect(run.mock.calls.map(([c]) => c)).toEqual(waiting);
    fire('app.command', { command: 'undo' });
    expect(run).toHaveBeenLastCalledWith({ command: 'undo' });
    off();
    expect(log.at(-1)).toBe('off app.command');
  });

  it('shows why when the commands could not be taken', async () => {
    const { client } = fakeClient({});
    const failing = { ...client, call: () => Promise.reject(new Error('gone')) } as typeof client;
    const onError = vi.fn();
    listenForAppCommands(failing, vi.fn(), onError);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('gone')));
  });
});

describe('a page waiting for the app to start', () => {
  const starting: AppStatus = { state: 'starting', message: 'Opening…' };
  const ready: AppStatus = { state: 'ready', message: 'Ready' };

  it('shows the answer, then follows the events to ready', async () => {
    const { client, fire } = fakeClient({ 'app.status': starting });
    const seen: AppStatus[] = [];
    watchAppStatus(client, (s) => seen.push(s), vi.fn());
    await vi.waitFor(() => expect(seen).toEqual([starting]));
    fire('app.status', ready);
    expect(seen).toEqual([starting, ready]);
  });

  it('stays ready when a late answer still says starting', async () => {
    let answer: (s: AppStatus) => void = () => undefined;
    const { client, fire } = fakeClient({});
    const slow = { ...client, call: () => new Promise<AppStatus>((resolve) => (answer = resolve)) } as typeof client;
    const seen: string[] = [];
    watchAppStatus(slow, (s) => seen.push(s.state), vi.fn());
    fire('app.status', ready);
    answer(starting);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['ready']);
  });
});
