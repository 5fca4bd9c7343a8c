import type http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventWithinSession, type SessionOf } from '../../shared/api/co-facilitator-scope';
import { CallFrame, type Reply, type ServerFrame } from '../../shared/api';
import { GroundworkError, fromZodError } from '../../shared/errors';
import { newId } from '../../shared/model';
import { PairingRequest } from '../../shared/model/co-facilitator';
import { CO_FACILITATOR_ENDED_CODE, CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';
import type { EventHub } from '../service/events';
import type { Dispatcher } from '../transport/dispatch';
import { refuseUpgrade, SECURITY_HEADERS, sendFile, sendNotFound } from '../transport/http-kit';
import { STATUS_OF } from '../transport/http-status';
import { jsonWithin, replyJson } from '../transport/reply-json';
import { EDITOR_PAGE, PAIRING_PAGE, pageAssets } from './assets';
import { coFacilitatorCall } from './co-facilitator-dispatch';
import type { CoFacilitatorHolder, CoFacilitators } from './co-facilitators';

/** The token rides in this cookie: HttpOnly (no script reads it), sent only to the room's address under /co-facilitator. */
export const CO_FACILITATOR_COOKIE = 'groundwork-co-facilitator';
const MAX_PAIRING_BYTES = 2048;
/** A batch of a large paste or an org chart import fits; a file import (the host's alone) need not. */
const MAX_CALL_BYTES = 8 * 1024 * 1024;

/** What the door needs of the room. */
export interface CoFacilitatorRoom {
  readonly coFacilitators: CoFacilitators;
  readonly hub: EventHub;
  /** The backend's dispatcher, once it is wired. */
  readonly dispatch: Dispatcher;
  sessionOf: SessionOf;
  /** Who is connected changed: the host's room panel lists them. */
  statusChanged(now?: boolean): void;
}

function tokenInCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CO_FACILITATOR_COOKIE) return value.join('=');
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: Reply, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readSmallBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_PAIRING_BYTES) resolve(null);
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/**
 * The co-facilitator's way in on the room's listener: the pairing page (anyone on the room's
 * network may see it, as the participant page), the exchange of a code for a token in a cookie,
 * then for a paired browser only: the editor's page, its files and the API socket, where every
 * call is checked against the holder's session (co-facilitator-dispatch.ts).
 */
export function coFacilitatorDoor(room: CoFacilitatorRoom, rendererDir: string) {
  const pairingAssets = pageAssets(rendererDir, PAIRING_PAGE);
  const editorAssets = pageAssets(rendererDir, EDITOR_PAGE);
  const assetsDir = path.join(rendererDir, 'assets');
  const call = coFacilitatorCall(
    (method, input, ctx) => room.dispatch(method, input, ctx),
    (kind, id) => room.sessionOf(kind, id),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_BYTES });
  const holderOf = (req: http.IncomingMessage) => room.coFacilitators.holderOf(tokenInCookie(req.headers.cookie));
  const file = (req: http.IncomingMessage, res: http.ServerResponse, name: string, immutable: boolean) => {
    void sendFile(req, res, name, immutable);
    return true;
  };

  const pair = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', path: [], message: 'Pair with POST' } });
    const body = await readSmallBody(req);
    let parsed;
    try {
      parsed = PairingRequest.safeParse(JSON.parse(body ?? ''));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', path: [], message: 'Send the code and your name as JSON' } });
    }
    if (!parsed.success) return sendJson(res, 400, { ok: false, error: fromZodError(parsed.error).toInfo() });
    try {
      const { token, holder } = room.coFacilitators.pair(parsed.data.code, parsed.data.name, req.socket.remoteAddress ?? 'unknown');
      room.statusChanged(true);
      const cookie = `${CO_FACILITATOR_COOKIE}=${token}; Path=${CO_FACILITATOR_PATHS.pairing}; HttpOnly; SameSite=Strict`;
      sendJson(res, 200, { ok: true, result: { name: holder.name, editor: `${CO_FACILITATOR_PATHS.editor}#/session/${holder.sessionId}` } }, { 'Set-Cookie': cookie });
    } catch (error) {
      if (!(error instanceof GroundworkError)) throw error;
      sendJson(res, STATUS_OF[error.code], { ok: false, error: error.toInfo() });
    }
  };

  const attach = (socket: WebSocket, token: string, holder: CoFacilitatorHolder) => {
    const clientId = newId('cofac');
    const sendText = (text: string) => {
      if (socket.readyState === socket.OPEN) socket.send(text);
    };
    const unsubscribe = room.hub.subscribe(clientId, (name, payload) => {
      if (!eventWithinSession(name, payload, holder.sessionId, (kind, id) => room.sessionOf(kind, id))) return;
      const text = jsonWithin({ type: 'event', name, payload } satisfies ServerFrame);
      if (text !== null) sendText(text);
    });
    const forget = room.coFacilitators.connected(holder, () => socket.close(CO_FACILITATOR_ENDED_CODE, 'access ended'));
    room.statusChanged(true);
    socket.on('close', () => {
      unsubscribe();
      forget();
      room.statusChanged(true);
    });
    socket.on('error', (error) => console.warn(`Closed a co-facilitator's connection: ${error.message}`));
    socket.on('message', async (data) => {
      let frame: CallFrame;
      try {
        frame = CallFrame.parse(JSON.parse(data.toString()));
      } catch {
        return sendText(JSON.stringify({ type: 'reply', id: -1, reply: { ok: false, error: { code: 'invalid_input', path: [], message: 'A message must be JSON: {"id", "method", "input"}' } } }));
      }
      // The token is checked again on every call: a revoked one stops here even before its socket closes.
      const current = room.coFacilitators.holderOf(token);
      const reply: Reply = current?.id === holder.id ? await call(holder, frame.method, frame.input, clientId) : { ok: false, error: { code: 'forbidden', path: ['token'], message: 'The host ended your access: ask for a new code' } };
      sendText(replyJson(reply, frame.method, (body): ServerFrame => ({ type: 'reply', id: frame.id, reply: body })).text);
    });
    sendText(JSON.stringify({ type: 'hello', clientId } satisfies ServerFrame));
  };

  return {
    /** Answers the request when it is the co-facilitator's, true; false leaves it to the room's listener. */
    handle(req: http.IncomingMessage, res: http.ServerResponse, url: string): boolean {
      if (url === CO_FACILITATOR_PATHS.pair) {
        pair(req, res).catch((error: unknown) => {
          console.error(error);
          if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', path: [], message: 'The code could not be checked' } });
        });
        return true;
      }
      const publicAsset = /^\/assets\/([A-Za-z0-9_.-]+)$/.exec(url)?.[1];
      if (publicAsset && pairingAssets.has(publicAsset)) return file(req, res, path.join(assetsDir, publicAsset), true);
      if (url !== CO_FACILITATOR_PATHS.pairing && !url.startsWith(`${CO_FACILITATOR_PATHS.pairing}/`)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
        res.end();
        return true;
      }
      if (url === CO_FACILITATOR_PATHS.pairing) return file(req, res, path.join(rendererDir, PAIRING_PAGE), false);
      const paired = holderOf(req) !== null;
      if (url === CO_FACILITATOR_PATHS.editor) {
        if (paired) return file(req, res, path.join(rendererDir, EDITOR_PAGE), false);
        res.writeHead(303, { ...SECURITY_HEADERS, Location: CO_FACILITATOR_PATHS.pairing });
        res.end();
        return true;
      }
      const editorAsset = new RegExp(`^${CO_FACILITATOR_PATHS.pairing}/assets/([A-Za-z0-9_.-]+)$`).exec(url)?.[1];
      if (paired && editorAsset && editorAssets.has(editorAsset)) return file(req, res, path.join(assetsDir, editorAsset), true);
      sendNotFound(res);
      return true;
    },
    /** Ends every co-facilitator socket: the room is closing. */
    close(): void {
      for (const client of wss.clients) client.close(CO_FACILITATOR_ENDED_CODE, 'room closed');
      wss.close();
    },
    /** The API socket, for a paired browser only (Host and Origin were checked by the listener). */
    upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
      const token = tokenInCookie(req.headers.cookie);
      const holder = room.coFacilitators.holderOf(token);
      if (!token || !holder) return refuseUpgrade(socket, '403 Forbidden', JSON.stringify({ ok: false, error: { code: 'forbidden', path: ['token'], message: 'Pair with the host’s code first' } }));
      wss.handleUpgrade(req, socket, head, (ws) => attach(ws, token, holder));
    },
  };
}
