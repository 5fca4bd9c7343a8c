import http from 'node:http';
import { CO_FACILITATOR_COOKIE } from '../../main/room/co-facilitator-door';
import { CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';
import { connectSocket, type SocketClient } from './ws-client';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** An HTTP request to the room's listener with its Host, as a browser on the room's network sends it. */
export function roomRequest(roomUrl: string, path: string, { method = 'GET', body, cookie }: { method?: string; body?: string; cookie?: string } = {}): Promise<Answer> {
  const target = new URL(roomUrl);
  const headers: Record<string, string> = { Host: target.host };
  if (cookie) headers.Cookie = cookie;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Exchanges a pairing code on the room's address: the answer, and the cookie it set (null when refused). */
export async function pair(roomUrl: string, code: string, name: string): Promise<{ answer: Answer; cookie: string | null }> {
  const answer = await roomRequest(roomUrl, CO_FACILITATOR_PATHS.pair, { method: 'POST', body: JSON.stringify({ code, name }) });
  const set = answer.headers['set-cookie']?.find((c) => c.startsWith(`${CO_FACILITATOR_COOKIE}=`));
  return { answer, cookie: set ? set.split(';')[0] : null };
}

/** The co-facilitator's API socket on the room's address, with the cookie pairing gave. */
export function connectCoFacilitator(roomUrl: string, cookie: string): Promise<SocketClient> {
  return connectSocket(roomUrl, { path: CO_FACILITATOR_PATHS.socket, headers: { Cookie: cookie, Host: new URL(roomUrl).host } });
}
