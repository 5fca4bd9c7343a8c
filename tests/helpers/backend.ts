import { CLIENT_ID_HEADER, type EventName, type MethodInput, type MethodName, type MethodOutput, type Reply } from '../../shared/api';
import { chromiumPrinter } from '../../main/export/chromium-printer';
import { startBackend, type Backend, type BackendOptions } from '../../main/service/backend';
import { serve, type RunningServer } from '../../main/transport/http-server';
import { onTestFinished } from 'vitest';
import { makeTempDir, removeDir } from './temp-dir';

interface PostResult {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export interface TestServer {
  backend: Backend;
  server: RunningServer;
  /** http://127.0.0.1:PORT/ */
  url: string;
  dataDir: string;
  /** POSTs any body (a string is sent as is, anything else as JSON) to /api/<method>. */
  post(method: string, body: unknown, headers?: Record<string, string>): Promise<PostResult>;
  /** Calls a method and returns its result; a failing reply throws with its error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, options?: { clientId?: string }): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

/** A real backend (SQLite in a temp dir) behind a real server on 127.0.0.1 and a free port. */
export async function startTestServer(options: { rendererDir?: string; printer?: 'chromium'; maxReplyBytes?: number } = {}): Promise<TestServer> {
  const dataDir = makeTempDir('data');
  // The printer opens the print view on this server, once its address is known.
  let url = '';
  const backend = startBackend(dataDir, options.printer ? { printer: chromiumPrinter(() => url) } : {});
  const ownRendererDir = options.rendererDir ? null : makeTempDir('renderer');
  const server = await serve(backend, { host: '127.0.0.1', port: 0, rendererDir: options.rendererDir ?? ownRendererDir!, maxReplyBytes: options.maxReplyBytes });
  url = server.url;

  const post = async (method: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> => {
    const response = await fetch(new URL(`api/${method}`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the assertion to show.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  const call = async <M extends MethodName>(method: M, input: MethodInput<M>, callOptions: { clientId?: string } = {}) => {
    const { body } = await post(method, input, callOptions.clientId ? { [CLIENT_ID_HEADER]: callOptions.clientId } : {});
    const reply = body as Reply<MethodOutput<M>>;
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
    return reply.result;
  };

  return {
    backend,
    server,
    url: server.url,
    dataDir,
    post,
    call,
    close: async () => {
      await server.close();
      backend.close();
      removeDir(dataDir);
      if (ownRendererDir) removeDir(ownRendererDir);
    },
  };
}

/** A backend (no server) on the data dir, closed when the current test finishes. Call it inside a test. */
export function backendForTest(dataDir: string, options: BackendOptions = {}): Backend {
  const backend = startBackend(dataDir, options);
  onTestFinished(() => backend.close());
  return backend;
}

export interface HeardEvents {
  /** What the server broadcast since the recorder started or was last cleared, in order. */
  readonly heard: { name: EventName; payload: unknown }[];
  clear(): void;
}

/** Records every event the server broadcasts to its windows from now on. */
export function recordEvents(app: TestServer): HeardEvents {
  const heard: { name: EventName; payload: unknown }[] = [];
  app.backend.hub.subscribe('event-recorder', (name, payload) => heard.push({ name, payload }));
  return { heard, clear: () => void heard.splice(0) };
}
