import { isLoopback } from '../transport/request-guard';

/**
 * What `serve --host` says when it listens beyond this machine: the facilitator's whole app and
 * API answer there, with no sign-in. Null on a loopback address.
 */
export function exposureWarning(host: string): string | null {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (isLoopback(name)) return null;
  const where = ['0.0.0.0', '::', ''].includes(name) ? 'every network this computer is on' : name;
  return (
    `warning: --host ${host} opens the facilitator's whole app and API on ${where}: every session, ` +
    'backups, templates, the library and settings, to anyone who can reach it, with no sign-in and over plain HTTP. ' +
    'For a second laptop, keep the default (127.0.0.1) and pair it from Room… → Add a co-facilitator instead.'
  );
}
