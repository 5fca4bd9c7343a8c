import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CallFrame, CLIENT_ID_HEADER, HTTP_API_PREFIX, WS_PATH, type Reply, type ServerFrame } from '../../shared/api';
import { newId } from '../../shared/model';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Backend } from '../service/backend';
import { STATUS_OF } from './http-status';
import { contentType, resolveStaticFile } from './static-files';

export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface ServeOptions {
  host: string;
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function errorReply(code: 'invalid_input' | 'too_large' | 'unknown_method' | 'internal', message: string): Reply {
  return { ok: false, error: { code, path: [], message } };
}

/** The body as text, or null past MAX_MESSAGE_BYTES; the rest of an oversized body is read and dropped. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MESSAGE_BYTES) {
        // Destroying the request here would also cut the socket the 413 is sent on.
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The method named by /api/<method>. A malformed %-escape names no method (unknown_method);
 * letting decodeURIComponent throw here, outside any handler, would take the server down.
 */
function methodOf(url: string): string {
  const raw = url.slice(HTTP_API_PREFIX.length).split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function handleApi(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, errorReply('unknown_method', 'Call API methods with POST and a JSON body'));
  }
  const body = await readBody(req);
  if (body === null) {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, errorReply('too_large', `The request is larger than ${MAX_MESSAGE_BYTES} bytes`));
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, errorReply('invalid_input', 'The request body is not valid JSON'));
  }
  const header = req.headers[CLIENT_ID_HEADER];
  const clientId = typeof header === 'string' && header.length <= 64 ? header : newId('http');
  const reply = await backend.dispatch(method, input, { clientId });
  sendJson(res, reply.ok ? 200 : STATUS_OF[reply.error.code], reply);
}

function serveStatic(rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const file = resolveStaticFile(rendererDir, req.url ?? '/');
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}

function attachSocket(backend: Backend, socket: WebSocket): void {
  const clientId = newId('ws');
  const send = (frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribe = backend.hub.subscribe(clientId, (name, payload) => send({ type: 'event', name, payload }));
  socket.on('close', unsubscribe);
  socket.on('message', async (data) => {
    let frame: CallFrame;
    try {
      frame = CallFrame.parse(JSON.parse(data.toString()));
    } catch {
      send({ type: 'reply', id: -1, reply: errorReply('invalid_input', 'A message must be JSON: {"id", "method", "input"}') });
      return;
    }
    send({ type: 'reply', id: frame.id, reply: await backend.dispatch(frame.method, frame.input, { clientId }) });
  });
  send({ type: 'hello', clientId });
}

/** The served shell: the built renderer, the API over HTTP POST, and a WebSocket for calls and events. */
export function serve(backend: Backend, options: ServeOptions): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith(HTTP_API_PREFIX)) {
      handleApi(backend, req, res, methodOf(url)).catch((error) => {
        console.error(error);
        if (!res.headersSent) sendJson(res, 500, errorReply('internal', 'The request could not be read'));
      });
      return;
    }
    serveStatic(options.rendererDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').split('?')[0] !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(backend, ws));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
