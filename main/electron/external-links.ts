/** Opens a URL outside the app, e.g. Electron's shell.openExternal; injected so tests pass a fake. */
export type ExternalOpener = (url: string) => Promise<void> | void;

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

/**
 * Only web and mail links leave the app. Anything the OS would hand to another program
 * (file:, UNC paths, custom schemes, javascript:, data:) stays closed.
 */
export function shouldOpenExternally(url: unknown): boolean {
  return externalHref(url) !== null;
}

/** The parsed, normalised form of an allowed link, so the opener never sees a string we did not check. */
function externalHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0 ? parsed.href : null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

/** Returns whether the link was handed to the opener. */
export async function openExternalUrl(url: unknown, opener: ExternalOpener): Promise<boolean> {
  const href = externalHref(url);
  if (href === null) return false;
  await opener(href);
  return true;
}
