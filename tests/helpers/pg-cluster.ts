import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/** A throwaway PostgreSQL cluster on 127.0.0.1, in a temp dir owned by the `postgres` user (PostgreSQL refuses root). */
export interface PgCluster {
  port: number;
  /** A connection string for `user` (the cluster's superuser `postgres` by default, which needs no password). */
  url(user?: string, password?: string, database?: string): string;
  /** Runs SQL as the superuser through psql and returns its unaligned output. */
  psql(sql: string, database?: string): string;
  stop(): void;
  start(): void;
  /** Stops the server and removes its directory. */
  destroy(): void;
}

/** Debian keeps the server's programs under /usr/lib/postgresql/<major>/bin, off PATH: the newest there, else PATH. */
function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : null;
}
const BIN = binDir();
const binary = (name: string) => (BIN ? path.join(BIN, name) : name);
const asPostgres = (command: string, args: string[], input?: string) =>
  execFileSync('runuser', ['-u', 'postgres', '--', binary(command), ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], input });


/**
 * initdb with password authentication on TCP (scram) and trust on the cluster's own socket, so
 * the helper's psql needs no password while a login role's password is really checked.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8'], undefined);
  let running = false;
  const start = () => {
    asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
    running = true;
  };
  // A test may leave it stopped (an outage it staged): stopping again is a no-op, not an error.
  const stop = () => {
    if (!running) return;
    asPostgres('pg_ctl', ['-D', data, 'stop', '-m', 'fast', '-w']);
    running = false;
  };
  start();
  // The superuser logs in over TCP with a password too.
  const psql = (sql: string, database = 'postgres') => asPostgres('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt'], sql);
  psql("ALTER ROLE postgres PASSWORD 'postgres'");
  return {
    port,
    url: (user = 'postgres', password = user, database = 'postgres') =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    psql,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
