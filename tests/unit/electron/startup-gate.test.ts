import { describe, expect, it, vi } from 'vitest';
import { APP_STARTING, FIRST_PAINT_TIMEOUT_MS, openDataAfterFirstPaint, PAINT_GRACE_MS, startupGate } from '../../../main/electron/startup-gate';
import { APP_READY } from '../../../main/service/service';
import type { Reply } from '../../../shared/api';

const ctx = { clientId: 'win-1' };
const effects = () => ({ takeCommands: vi.fn((_clientId: string) => [{ command: 'open-session' as const, sessionId: 's_acme' }]), publishStatus: vi.fn() });

describe('the desktop window before the database is open', () => {
  it('answers app.status at once: starting, with what it is doing', async () => {
    const gate = startupGate(effects());
    expect(await gate.dispatch('app.status', {}, ctx)).toEqual({ ok: true, result: APP_STARTING });
    expect(APP_STARTING.message).toMatch(/checking the database/);
  });

  it('holds every other call until the backend is open, then answers it from there', async () => {
    const gate = startupGate(effects());
    const backend = vi.fn(async (method: unknown): Promise<Reply> => ({ ok: true, result: `answer to ${String(method)}` }));
    let settled = false;
    const call = gate.dispatch('session.list', {}, ctx).then((reply) => {
      settled = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    gate.open(backend);
    expect(await call).toEqual({ ok: true, result: 'answer to session.list' });
    expect(backend).toHaveBeenCalledWith('session.list', {}, ctx);
    expect(await gate.dispatch('session.get', { id: 's_1' }, ctx)).toEqual({ ok: true, result: 'answer to session.get' });
  });

  it('says ready once open, to the pages listening and to any that ask', async () => {
    const fx = effects();
    const gate = startupGate(fx);
    gate.open(vi.fn());
    expect(fx.publishStatus).toHaveBeenCalledExactlyOnceWith(APP_READY);
    expect(gate.status()).toEqual(APP_READY);
    expect(await gate.dispatch('app.status', {}, ctx)).toEqual({ ok: true, result: APP_READY });
    gate.open(vi.fn());
    expect(fx.publishStatus).toHaveBeenCalledOnce();
  });

  it('gives the calling window its waiting commands, before and after the backend opens', async () => {
    const fx = effects();
    const gate = startupGate(fx);
    expect(await gate.dispatch('app.takeCommands', {}, { clientId: 'win-7' })).toEqual({ ok: true, result: [{ command: 'open-session', sessionId: 's_acme' }] });
    expect(fx.takeCommands).toHaveBeenCalledWith('win-7');
    gate.open(vi.fn());
    await gate.dispatch('app.takeCommands', {}, { clientId: 'win-7' });
    expect(fx.takeCommands).toHaveBeenCalledTimes(2);
  });

  it('checks its own methods’ input like every other call', async () => {
    const fx = effects();
    const gate = startupGate(fx);
    expect(await gate.dispatch('app.takeCommands', { all: true }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await gate.dispatch('app.status', 'now', ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fx.takeCommands).not.toHaveBeenCalled();
  });
});

describe('when the data opens', () => {
  function fakeShell() {
    let shown: () => void = () => undefined;
    const timers: { run: () => void; ms: number }[] = [];
    return {
      effects: { onceShown: (listener: () => void) => (shown = listener), setTimer: (run: () => void, ms: number) => timers.push({ run, ms }) },
      show: () => shown(),
      fire: (ms: number) => timers.filter((t) => t.ms === ms).forEach((t) => t.run()),
    };
  }

  it('waits for the window’s first paint, and a moment more, before opening the database', () => {
    const shell = fakeShell();
    const openData = vi.fn();
    openDataAfterFirstPaint(openData, shell.effects);
    expect(openData).not.toHaveBeenCalled();
    shell.show();
    expect(openData).not.toHaveBeenCalled();
    shell.fire(PAINT_GRACE_MS);
    expect(openData).toHaveBeenCalledOnce();
  });

  it('opens it after the timeout when the window never paints, and only once either way', () => {
    const shell = fakeShell();
    const openData = vi.fn();
    openDataAfterFirstPaint(openData, shell.effects);
    shell.fire(FIRST_PAINT_TIMEOUT_MS);
    expect(openData).toHaveBeenCalledOnce();
    shell.show();
    shell.fire(PAINT_GRACE_MS);
    expect(openData).toHaveBeenCalledOnce();
    expect(PAINT_GRACE_MS).toBeLessThan(FIRST_PAINT_TIMEOUT_MS);
  });
});
