import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { contentType, resolveStaticFile } from '../transport/static-files';
import { APP_HOST, APP_SCHEME } from './trusted-url';

interface AppRequest {
  url: string;
  method: string;
}

interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | null;
}

/** Reads a file; injected because Electron's fs reads inside app.asar and tests use a temp dir. */
type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

/** What the app:// scheme is registered with: a standard, secure origin of its own, like https. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function refuse(status: number, message: string): AppResponse {
  return { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: message };
}

/**
 * Answers a request to app://groundwork/... from the built renderer folder, with the same
 * Content-Security-Policy header the served shell sends. Nothing outside that folder is reachable.
 */
export async function serveAppRequest(request: AppRequest, rendererDir: string, readFile: ReadFile): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'Bad URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return refuse(404, 'Not found');
  const file = resolveStaticFile(rendererDir, url.pathname);
  if (!file) return refuse(404, 'Not found');
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(file);
  } catch {
    return refuse(404, 'Not found');
  }
  return { status: 200, headers: { ...HEADERS, 'Content-Type': contentType(file) }, body: request.method === 'HEAD' ? null : body };
}
