import { useEffect } from 'react';
import { navigate, routeHash } from '../state/router';

/**
 * The audience window opens with `noopener`, so Chromium gives it its own renderer process: a
 * busy editor (a long layout, a big paste) no longer holds up the frames the projector paints.
 * Without an opener the editor gets no handle on it, and a named window.open no longer finds it.
 * So the open audience window holds a Web Lock while it lives, and Present, seeing the lock
 * held, tells it over a BroadcastChannel which session to show instead of opening a second one.
 * Where Web Locks are missing (a co-facilitator on a plain-http LAN address) it opens the old
 * way, sharing the editor's process.
 */
/** The audience window's name, and its lock's and channel's. */
const AUDIENCE = 'groundwork-audience';
const FEATURES = 'popup,width=1280,height=720';
/** How long Present waits for a window it opened to say it is there before it would open another. */
const OPENING_MS = 10_000;
/** How long Present waits for the open window to answer before taking it for closed. */
const ANSWER_MS = 1_000;

type Message = { type: 'show'; sessionId: string } | { type: 'here' };

const locks = () => (window.isSecureContext ? navigator.locks : undefined);

let channel: BroadcastChannel | null = null;
const editorChannel = () => (channel ??= new BroadcastChannel(AUDIENCE));

/** Whether an audience window says it is there within `ms` (false: it was blocked, or it closed). */
function heardWithin(ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const here = ({ data }: MessageEvent<Message>) => {
      if (data.type === 'here') done(true);
    };
    const timer = setTimeout(() => done(false), ms);
    const done = (heard: boolean) => {
      clearTimeout(timer);
      editorChannel().removeEventListener('message', here);
      resolve(heard);
    };
    editorChannel().addEventListener('message', here);
  });
}

async function showOrOpen(sessionId: string, available: LockManager): Promise<void> {
  const { held = [] } = await available.query();
  if (held.some((lock) => lock.name === AUDIENCE)) {
    // A window closed a moment ago can still hold the lock: without an answer, open a new one.
    const answered = heardWithin(ANSWER_MS);
    editorChannel().postMessage({ type: 'show', sessionId } satisfies Message);
    if (await answered) return;
  }
  const listening = heardWithin(OPENING_MS);
  window.open(audienceUrl(sessionId), AUDIENCE, `${FEATURES},noopener`);
  await listening;
}

const audienceUrl = (sessionId: string) => `${location.pathname}${routeHash({ screen: 'audience', sessionId })}`;

/** Presses wait for the one before (a double click on Present opens one window, not two). */
let queue = Promise.resolve();

/** Opens the audience view, a second window (on the projector in the desktop app), or has the open one show this session. */
export function openAudienceWindow(sessionId: string): void {
  const available = locks();
  if (!available) {
    window.open(audienceUrl(sessionId), AUDIENCE, FEATURES);
    return;
  }
  queue = queue.then(() => showOrOpen(sessionId, available)).catch((error: unknown) => console.error('Could not open the audience window', error));
}

/** The audience screen's side: holds the lock while it is open and shows the session Present names. */
export function useAudienceWindow(): void {
  useEffect(() => {
    const available = locks();
    if (!available) return;
    const listen = new BroadcastChannel(AUDIENCE);
    listen.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.type !== 'show') return;
      navigate({ screen: 'audience', sessionId: data.sessionId }, { replace: true });
      listen.postMessage({ type: 'here' } satisfies Message);
    };
    const closing = new AbortController();
    let release = () => {};
    available
      .request(AUDIENCE, { signal: closing.signal }, () => {
        listen.postMessage({ type: 'here' } satisfies Message);
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch((error: unknown) => {
        // Closed before the lock came: nothing held, nothing to let go.
        if (!closing.signal.aborted) console.error('The audience window could not hold its lock', error);
      });
    return () => {
      closing.abort();
      release();
      listen.close();
    };
  }, []);
}
