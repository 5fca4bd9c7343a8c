import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ParticipantCallFrame, ROOM_CLOSED_CODE, ROOM_PDF_PATH, ROOM_TOKEN_HEADER, ROOM_WS_PATH, type ParticipantEventName } from '../../shared/api/participant-contract';
import type { Reply } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import { newId } from '../../shared/model';
import { ROOM_LIMITS } from '../../shared/model/room';
import { CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';
import { hostGuard, refusalBody, refuseUpgrade, SECURITY_HEADERS, sendFile } from '../transport/http-kit';
import { jsonWithin, replyJson } from '../transport/reply-json';
import { allowedHostsFor } from '../transport/request-guard';
import { pageAssets, PARTICIPANT_PAGE } from './assets';
import { coFacilitatorDoor, type CoFacilitatorRoom } from './co-facilitator-door';
import { createParticipantDispatcher } from './participant-dispatch';
import { RateLimiter } from './rate-limit';
import type { ParticipantActions } from './participant-actions';
import type { OpenRoom } from './room-store';

/** A phone's message is a note or a vote: a few kilobytes at most. */
const MAX_PARTICIPANT_MESSAGE_BYTES = 16 * 1024;
const MAX_SOCKETS = ROOM_LIMITS.participants * 2;


export interface LanListener {
  port: number;
  /** Sends a ready-made event frame to every phone that has shown a valid token. */
  broadcast(text: string): void;
  broadcastEvent(name: ParticipantEventName, payload: unknown): void;
  /** Sends an event to the phones of these participants only. */
  sendEvent(participantIds: ReadonlySet<string>, name: ParticipantEventName, payload: unknown): void;
  connectedCount(): number;
  /** Tells every phone the room closed, then stops listening. */
  close(): Promise<void>;
}

interface LanOptions {
  host: string;
  port: number;
  rendererDir: string;
}

function sendText(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}


/** What the listener needs of the room: its participants and co-facilitators, the open room, its PDF, and a word when its status changed. */
interface ListenedRoom extends CoFacilitatorRoom {
  readonly participants: ParticipantActions;
  current(): OpenRoom | null;
  pdf(sessionId: string): Promise<Uint8Array>;
  statusChanged(now?: boolean): void;
}

/**
 * The room's listener on the LAN address: participant.html and its own assets, the participant
 * API over one WebSocket, and nothing of the facilitator's (no /api, no /ws); the editor only to
 * a paired co-facilitator (co-facilitator-door.ts). Host and Origin must name this address and port.
 */
export function startLanListener(room: ListenedRoom, options: LanOptions): Promise<LanListener> {
  const assets = pageAssets(options.rendererDir, PARTICIPANT_PAGE);
  const assetsDir = path.join(options.rendererDir, 'assets');
  const page = path.join(options.rendererDir, PARTICIPANT_PAGE);
  const dispatch = createParticipantDispatcher(room.participants);
  const identified = new Map<WebSocket, string>();
  const pdfLimit = new RateLimiter(3, 0.05);
  const hosts = hostGuard((port) => allowedHostsFor({ host: options.host, port }));
  const coFacilitators = coFacilitatorDoor(room, options.rendererDir);

  const server = http.createServer((req, res) => {
    const decision = hosts.check(req);
    if (!decision.ok) {
      res.setHeader('Connection', 'close');
      return sendText(res, 403, refusalBody(decision), 'application/json; charset=utf-8');
    }
    const url = (req.url ?? '/').split('?')[0];
    if (coFacilitators.handle(req, res, url)) return;
    if (url === ROOM_PDF_PATH) return void servePdf(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    if ((url === '/' || url === '/join') && fs.existsSync(page)) return void sendFile(req, res, page, false);
    const asset = /^\/assets\/([A-Za-z0-9_.-]+)$/.exec(url)?.[1];
    if (asset && assets.has(asset)) return void sendFile(req, res, path.join(assetsDir, asset), true);
    sendText(res, 404, 'Not found');
  });

  const servePdf = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const header = req.headers[ROOM_TOKEN_HEADER];
    const participant = typeof header === 'string' && header.length <= 100 ? room.participants.participantOf(header) : null;
    if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
    if (!participant) return sendText(res, 403, 'Join the room first');
    const open = room.current();
    if (!open?.settings.allowPdf) return sendText(res, 403, 'The facilitator has not shared the PDF yet');
    if (!pdfLimit.take(participant.id)) return sendText(res, 429, 'The PDF is on its way: wait a moment before asking again');
    try {
      const bytes = await room.pdf(open.sessionId);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="session.pdf"', 'Cache-Control': 'no-store' });
      res.end(bytes);
    } catch (error) {
      if (error instanceof GroundworkError) return sendText(res, 503, error.message);
      console.error(error);
      sendText(res, 500, 'The PDF could not be made');
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PARTICIPANT_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = (req.url ?? '').split('?')[0];
    if (url !== ROOM_WS_PATH && url !== CO_FACILITATOR_PATHS.socket) return void socket.destroy();
    const decision = hosts.check(req);
    if (!decision.ok) return refuseUpgrade(socket, '403 Forbidden', refusalBody(decision));
    if (url === CO_FACILITATOR_PATHS.socket) return coFacilitators.upgrade(req, socket, head);
    if (wss.clients.size >= MAX_SOCKETS) return refuseUpgrade(socket, '503 Service Unavailable', '{"ok":false}');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, req.socket.remoteAddress ?? 'unknown'));
  });

  const attach = (socket: WebSocket, address: string) => {
    const socketId = newId('phone');
    const send = (text: string) => {
      if (socket.readyState === socket.OPEN) socket.send(text);
    };
    const reply = (id: number, body: Reply, method = 'this message') => send(replyJson(body, method, (r) => ({ type: 'reply', id, reply: r })).text);
    socket.on('error', (error) => console.warn(`Closed a participant's connection: ${error.message}`));
    socket.on('close', () => {
      if (identified.delete(socket)) room.statusChanged();
    });
    socket.on('message', async (data) => {
      let frame;
      try {
        frame = ParticipantCallFrame.parse(JSON.parse(data.toString()));
      } catch {
        return reply(-1, { ok: false, error: { code: 'invalid_input', path: [], message: 'A message must be JSON: {"id", "method", "token", "input"}' } });
      }
      const context = {
        socketId,
        address,
        identified: (participant: { id: string }) => {
          if (identified.get(socket) === participant.id) return;
          identified.set(socket, participant.id);
          room.statusChanged();
        },
      };
      reply(frame.id, await dispatch(frame.method, frame.token, frame.input, context), frame.method);
    });
    send(JSON.stringify({ type: 'hello', clientId: socketId }));
  };

  const eventFrame = (name: ParticipantEventName, payload: unknown): string | null => {
    const text = jsonWithin({ type: 'event', name, payload });
    if (text === null) console.warn(`Did not send a ${name} event to the room: too large`);
    return text;
  };

  const broadcast = (text: string) => {
    for (const socket of identified.keys()) if (socket.readyState === socket.OPEN) socket.send(text);
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      server.on('error', (error) => console.error('The room listener failed', error));
      const port = (server.address() as AddressInfo).port;
      hosts.listening(port);
      resolve({
        port,
        broadcast,
        broadcastEvent: (name, payload) => {
          const text = eventFrame(name, payload);
          if (text !== null) broadcast(text);
        },
        sendEvent: (participantIds, name, payload) => {
          const text = eventFrame(name, payload);
          if (text === null) return;
          for (const [socket, id] of identified) if (participantIds.has(id) && socket.readyState === socket.OPEN) socket.send(text);
        },
        connectedCount: () => new Set(identified.values()).size,
        close: () =>
          new Promise<void>((done) => {
            broadcast(JSON.stringify({ type: 'event', name: 'room.closed', payload: {} }));
            for (const client of wss.clients) client.close(ROOM_CLOSED_CODE, 'room closed');
            coFacilitators.close();
            identified.clear();
            setTimeout(() => {
              for (const client of wss.clients) client.terminate();
              wss.close();
              server.closeAllConnections();
              server.close(() => done());
            }, 50);
          }),
      });
    });
  });
}
