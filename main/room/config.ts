import os from 'node:os';
import path from 'node:path';

/** The environment variable that pins the room's address (tests bind 127.0.0.2, never a real interface). */
const ROOM_HOST_ENV = 'GROUNDWORK_ROOM_HOST';

interface RoomConfig {
  /** `serve --room-host ADDR`: the room opens on this address only. */
  host?: string;
  /** The built renderer, where participant.html and its assets are. */
  rendererDir: string;
  /** The port tried first, so the room's URL is the same from one workshop to the next; taken, any free one. */
  preferredPort: number;
}

// dist/main/room → dist/renderer, in the served shell and in Electron alike.
const config: RoomConfig = { rendererDir: path.join(__dirname, '..', '..', 'renderer'), preferredPort: 5418 };

export function setRoomHost(host: string): void {
  config.host = host;
}

export function configureRoom(patch: Partial<RoomConfig>): void {
  Object.assign(config, patch);
}

export function roomConfig(): Readonly<RoomConfig> {
  return config;
}

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/**
 * The addresses the facilitator may open the room on: the machine's own IPv4 addresses on a
 * network (not loopback), or only the configured one. Never 0.0.0.0: the room listens on the
 * one network the phones are on, and the facilitator's own listener stays on loopback.
 */
export function roomAddresses(env: NodeJS.ProcessEnv = process.env, interfaces: Interfaces = os.networkInterfaces()): string[] {
  const pinned = config.host ?? env[ROOM_HOST_ENV];
  if (pinned) return [pinned];
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
  return [...new Set(found)];
}
