/** Groundwork's own pages are served from this origin by the app:// protocol handler (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'groundwork';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_URL_LENGTH = 8192;

/**
 * True only for pages of our own origin. The raw prefix check comes first so that nothing a URL
 * parser might read differently (case, backslashes, whitespace, credentials) gets through; the
 * parsed check then rules out ports, user info and look-alike hosts.
 */
export function isTrustedAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
