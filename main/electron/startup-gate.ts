import { methods, type MethodOutput, type Reply } from '../../shared/api';
import { fromZodError } from '../../shared/errors';
import { APP_READY } from '../service/service';
import type { Dispatcher } from '../transport/dispatch';
import type { AppCommandPayload } from './app-commands';

type AppStatus = MethodOutput<'app.status'>;

export const APP_STARTING: AppStatus = {
  state: 'starting',
  message: 'Opening your sessions: checking the database and bringing it up to date. A large one takes a moment.',
};

/** What the gate needs from the shell: the window's queued commands, and a way to tell every page the status changed. */
interface StartupGateEffects {
  takeCommands(clientId: string): AppCommandPayload[];
  publishStatus(status: AppStatus): void;
}

interface StartupGate {
  /** The transport's dispatcher from the first window on: answers 'app.status' and 'app.takeCommands' itself, holds every other call until the backend is open. */
  dispatch: Dispatcher;
  /** The backend is open: held calls go to it, and so does every call from now on. */
  open(backend: Dispatcher): void;
  status(): AppStatus;
}

/**
 * The desktop window opens before the database does (quick_check, migrations and the first
 * backup can take a while on a large database, and the window would otherwise stay away that
 * long). Its page asks 'app.status' and shows the start-up message until 'ready'; any call it
 * makes meanwhile waits for the backend rather than failing.
 */
export function startupGate(effects: StartupGateEffects): StartupGate {
  let backend: Dispatcher | null = null;
  let opened: (dispatch: Dispatcher) => void = () => undefined;
  const whenOpen = new Promise<Dispatcher>((resolve) => (opened = resolve));

  const shellCall = (method: 'app.status' | 'app.takeCommands', input: unknown, clientId: string): Reply => {
    const parsed = methods[method].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toInfo() };
    if (method === 'app.status') return { ok: true, result: backend ? APP_READY : APP_STARTING };
    return { ok: true, result: effects.takeCommands(clientId) };
  };

  return {
    dispatch: async (method, input, ctx) => {
      if (method === 'app.status' || method === 'app.takeCommands') return shellCall(method, input, ctx.clientId);
      return (backend ?? (await whenOpen))(method, input, ctx);
    },
    open(dispatch) {
      if (backend) return;
      backend = dispatch;
      opened(dispatch);
      effects.publishStatus(APP_READY);
    },
    status: () => (backend ? APP_READY : APP_STARTING),
  };
}

/** How the shell learns the window has painted, and sets a timer: Electron's once('ready-to-show') and setTimeout, or a test's fakes. */
interface FirstPaintEffects {
  onceShown(listener: () => void): void;
  setTimer(run: () => void, ms: number): void;
}

/** A moment after the first paint, so the window is on screen before the main thread is busy opening the database. */
export const PAINT_GRACE_MS = 50;
/** Should the window never report a first paint (a page that fails to load), the data opens all the same after this long. */
export const FIRST_PAINT_TIMEOUT_MS = 3000;

/** Runs `openData` once: shortly after the window first paints, or after the timeout, whichever comes first. */
export function openDataAfterFirstPaint(openData: () => void, effects: FirstPaintEffects): void {
  let begun = false;
  const once = () => {
    if (begun) return;
    begun = true;
    openData();
  };
  effects.onceShown(() => effects.setTimer(once, PAINT_GRACE_MS));
  effects.setTimer(once, FIRST_PAINT_TIMEOUT_MS);
}
