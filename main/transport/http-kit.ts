import fs from 'node:fs';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { checkRequest, type GuardDecision } from './request-guard';
import { contentType } from './static-files';

// What both listeners, the facilitator's (http-server.ts) and the room's (main/room/lan-server.ts), answer alike.

/** Sent with every response, by this server and by the room's listener. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site may not even embed our files with <script> or <img>, where no Origin is sent.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The Host and Origin check of a listener whose port is known only once it listens: `hostsAt(port)`
 * lists the names it answers to. With `recheck`, a refusal lists them again and checks once more
 * (the machine may have joined another network, with a new address, since).
 */
export function hostGuard(hostsAt: (port: number) => string[], { recheck = false } = {}) {
  // Filled in once listening; no request arrives before that.
  let port = 0;
  let allowed: string[] = [];
  return {
    listening(at: number): void {
      port = at;
      allowed = hostsAt(port);
    },
    check(req: http.IncomingMessage): GuardDecision {
      const headers = { host: req.headers.host, origin: req.headers.origin };
      const decision = checkRequest(headers, allowed);
      if (decision.ok || !recheck) return decision;
      allowed = hostsAt(port);
      return checkRequest(headers, allowed);
    },
  };
}

/** A request the guard refused, as the JSON reply the clients read. */
export function refusalBody(refusal: Extract<GuardDecision, { ok: false }>): string {
  return JSON.stringify({ ok: false, error: { code: 'forbidden', path: ['headers', refusal.header], message: refusal.message } });
}

/** Answers a refused upgrade on the raw socket: the WebSocket never opens. */
export function refuseUpgrade(socket: Duplex, status: string, body: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function sendNotFound(res: http.ServerResponse): void {
  res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

/**
 * Sends a static file. The file is opened before anything is answered, so one gone since it was
 * found (a rebuild under a running server) is a 404, and a read that fails later cuts that reply
 * off; neither reaches the process as an unhandled error.
 */
export async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, immutable: boolean): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      return sendNotFound(res);
    }
  } catch {
    return sendNotFound(res);
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    await handle.close().catch(() => undefined);
    return;
  }
  const stream = handle.createReadStream();
  stream.on('error', (error) => res.destroy(error));
  stream.pipe(res);
}
