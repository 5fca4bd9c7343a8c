import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CallFrame, CLIENT_ID_HEADER, HTTP_API_PREFIX, WS_PATH, type Reply, type ServerFrame } from '../../shared/api';
import { newId } from '../../shared/model';
import type { ErrorCode } from '../../shared/errors';
import type { Backend } from '../service/backend';
import { STATUS_OF } from './http-status';
import { jsonWithin, MAX_REPLY_BYTES, replyJson } from './reply-json';
import { allowedHostsFor } from './request-guard';
import { hostGuard, refusalBody, refuseUpgrade, SECURITY_HEADERS, sendFile, sendNotFound } from './http-kit';
import { resolveStaticFile } from './static-files';

// A 20 MB `.groundwork.json` (MAX_FILE_BYTES) sent to file.import, with its JSON envelope, fits.
export const MAX_MESSAGE_BYTES = 24 * 1024 * 1024;

interface ServeOptions {
  host: string;
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The machine's addresses and names accepted as Host when bound to every interface; defaults to this machine's. */
  localAddresses?: readonly string[];
  /** Replies past this are sent as a too_large error instead (MAX_REPLY_BYTES); tests pass a small one. */
  maxReplyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The body is serialised before the head is written: a failure after writeHead would leave the request hanging. */
function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function errorReply(code: ErrorCode, message: string, errorPath: string[] = []): Reply {
  return { ok: false, error: { code, path: errorPath, message } };
}

/** Every address and name this machine answers to, for a server bound to every interface. */
function machineAddresses(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  const name = os.hostname().toLowerCase();
  return [...addresses, name, `${name}.local`];
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

async function handleApi(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse, method: string, maxReplyBytes: number): Promise<void> {
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
  const { text, reply } = replyJson(await backend.dispatch(method, input, { clientId }), method, undefined, maxReplyBytes);
  sendJsonText(res, reply.ok ? 200 : STATUS_OF[reply.error.code], text);
}

function serveStatic(rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const file = resolveStaticFile(rendererDir, req.url ?? '/');
  if (!file) return sendNotFound(res);
  void sendFile(req, res, file, file.includes(`${path.sep}assets${path.sep}`));
}

function attachSocket(backend: Backend, socket: WebSocket, maxReplyBytes: number): void {
  const clientId = newId('ws');
  const sendText = (text: string) => {
    if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const send = (frame: ServerFrame) => sendText(JSON.stringify(frame));
  const unsubscribe = backend.hub.subscribe(clientId, (name, payload) => {
    // An event too large to send is dropped: the next one's revision tells the client to reload.
    const text = jsonWithin({ type: 'event', name, payload } satisfies ServerFrame, maxReplyBytes);
    if (text === null) console.warn(`Did not send a ${name} event: larger than ${maxReplyBytes} bytes`);
    else sendText(text);
  });
  socket.on('close', unsubscribe);
  // A frame past the size limit (or a broken one) ends this client's socket with its close
  // code (1009 for size); without a listener the error would take the whole server down.
  socket.on('error', (error) => console.warn(`Closed a WebSocket client's connection: ${error.message}`));
  socket.on('message', async (data) => {
    let frame: CallFrame;
    try {
      frame = CallFrame.parse(JSON.parse(data.toString()));
    } catch {
      send({ type: 'reply', id: -1, reply: errorReply('invalid_input', 'A message must be JSON: {"id", "method", "input"}') });
      return;
    }
    const reply = await backend.dispatch(frame.method, frame.input, { clientId });
    sendText(replyJson(reply, frame.method, (body): ServerFrame => ({ type: 'reply', id: frame.id, reply: body }), maxReplyBytes).text);
  });
  send({ type: 'hello', clientId });
}

/** The served shell: the built renderer, the API over HTTP POST, and a WebSocket for calls and events. */
export function serve(backend: Backend, options: ServeOptions): Promise<RunningServer> {
  const maxReplyBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  const hosts = hostGuard((port) => allowedHostsFor({ host: options.host, port, localAddresses: options.localAddresses ?? machineAddresses() }), {
    recheck: !options.localAddresses,
  });

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const decision = hosts.check(req);
    if (!decision.ok) {
      res.setHeader('Connection', 'close');
      return sendJsonText(res, 403, refusalBody(decision));
    }
    if (url.startsWith(HTTP_API_PREFIX)) {
      handleApi(backend, req, res, methodOf(url), maxReplyBytes).catch((error) => {
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
    const decision = hosts.check(req);
    if (!decision.ok) return refuseUpgrade(socket, '403 Forbidden', refusalBody(decision));
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(backend, ws, maxReplyBytes));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      hosts.listening(port);
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
