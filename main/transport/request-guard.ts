/**
 * Who may talk to the served shell: pure decisions over the Host and Origin headers, so the
 * server refuses DNS rebinding (a hostile name that resolves to us) and cross-site requests
 * (another page in the facilitator's browser posting to us) before anything else runs.
 */

export type GuardDecision = { ok: true } | { ok: false; header: 'host' | 'origin'; message: string };

const ALLOW: GuardDecision = { ok: true };

interface BindAddress {
  /** What the server listens on: 127.0.0.1, ::1, localhost, 0.0.0.0, :: or one LAN address. */
  host: string;
  /** The port it actually listens on (never 0). */
  port: number;
  /**
   * The machine's own addresses and names (os.networkInterfaces(), os.hostname()), used when
   * it listens on every interface (0.0.0.0 or ::) so participants may use any of them.
   */
  localAddresses?: readonly string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const ANY_ADDRESS = ['0.0.0.0', '::', ''];

/** A host name as it is compared: lower case, IPv6 without brackets, no trailing dot. */
function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** Whether a host name or address stays on this machine (127.0.0.0/8, localhost, ::1). */
export const isLoopback = (name: string) => LOOPBACK_NAMES.includes(name) || /^127\.\d+\.\d+\.\d+$/.test(name);

/** "name:port" with IPv6 names in brackets: the form a Host header takes. */
function hostKey(name: string, port: number): string {
  return `${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * The Host values the server answers: the bound address and port; on loopback also
 * 127.0.0.1, localhost and [::1]; on every interface also each of the machine's addresses.
 */
export function allowedHostsFor({ host, port, localAddresses = [] }: BindAddress): string[] {
  const bound = normaliseName(host);
  const names = new Set<string>();
  // The bound address itself, 0.0.0.0 included: it is the URL `serve` prints, and no other site can make a browser send it.
  names.add(bound);
  if (isLoopback(bound) || ANY_ADDRESS.includes(bound)) LOOPBACK_NAMES.forEach((n) => names.add(n));
  if (ANY_ADDRESS.includes(bound)) localAddresses.forEach((a) => names.add(normaliseName(a)));
  return [...names].filter(Boolean).map((name) => hostKey(name, port));
}

/** The origins a page of ours has: http:// and each allowed host. */
export function allowedOriginsFor(allowedHosts: readonly string[]): string[] {
  return allowedHosts.map((host) => `http://${host}`);
}

/** Parses "name[:port]" (IPv6 in brackets) into its normalised key, or null when malformed. */
function parseHostHeader(value: string): string | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/@?#]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match) return null;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return hostKey(normaliseName(match[1]), port);
}

/**
 * Allows a request whose Host header names this server. A missing Host (only HTTP/1.0 clients
 * send none) is refused too: without it there is no telling what name the caller used.
 */
export function checkHost(hostHeader: string | undefined, allowedHosts: readonly string[]): GuardDecision {
  const key = hostHeader === undefined ? null : parseHostHeader(hostHeader);
  if (key !== null && allowedHosts.includes(key)) return ALLOW;
  return {
    ok: false,
    header: 'host',
    message: `Groundwork only answers requests addressed to ${allowedHosts.join(', ')}; this one was addressed to ${JSON.stringify(hostHeader ?? '')}.`,
  };
}

/** "http://name:port" with the port spelled out, or null for anything but an http origin. */
function normaliseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  const key = parseHostHeader(url.port ? url.host : `${url.host}:80`);
  return key === null ? null : `http://${key}`;
}

/**
 * Allows a request with no Origin (curl, the CLI, a same-origin GET) or one from a page this
 * server served. Anything else (another site, "null" from a sandboxed frame or a file) is refused.
 */
export function checkOrigin(originHeader: string | undefined, allowedOrigins: readonly string[]): GuardDecision {
  if (originHeader === undefined) return ALLOW;
  if (allowedOrigins.includes(normaliseOrigin(originHeader) ?? '')) return ALLOW;
  return { ok: false, header: 'origin', message: `Groundwork does not accept requests from other sites (${JSON.stringify(originHeader.slice(0, 200))}).` };
}

/** Both checks, Host first, for one request. */
export function checkRequest(headers: { host?: string; origin?: string }, allowedHosts: readonly string[]): GuardDecision {
  const host = checkHost(headers.host, allowedHosts);
  return host.ok ? checkOrigin(headers.origin, allowedOriginsFor(allowedHosts)) : host;
}
