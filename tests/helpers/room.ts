import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { PdfPrinter } from '../../main/export/printer';
import { configureRoom } from '../../main/room/config';
import { stopRoomListener } from '../../main/room/room-service';
import { startBackend, type Backend } from '../../main/service/backend';
import { serve, type RunningServer } from '../../main/transport/http-server';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { makeTempDir, removeDir } from './temp-dir';

/** The room's address in tests: a loopback address, never a real interface. */
export const ROOM_HOST = '127.0.0.2';

/**
 * A built renderer in miniature, with its build manifest: participant.html loads its script, which imports a chunk; the
 * facilitator's index.html and its script sit beside them and must never be served to phones.
 */
export function fakeRendererDir(): string {
  const dir = makeTempDir('room-renderer');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'participant.html'), '<!doctype html><title>Join</title><script type="module" src="./assets/participant-1.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'participant-1.js'), 'import{a}from"./chunk-2.js";console.log(a)');
  fs.writeFileSync(path.join(dir, 'assets', 'chunk-2.js'), 'export const a=1');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Groundwork</title><script type="module" src="./assets/index-3.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-3.js'), 'console.log("facilitator")');
  fs.writeFileSync(path.join(dir, 'co-facilitator.html'), '<!doctype html><title>Pair</title><script type="module" src="./assets/pairing-4.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'pairing-4.js'), 'console.log("pairing")');
  // What Vite's build manifest says of these files (vite.config.ts `build.manifest`).
  const manifest = {
    '_chunk-2.js': { file: 'assets/chunk-2.js' },
    'index.html': { file: 'assets/index-3.js', src: 'index.html', isEntry: true, imports: ['_chunk-2.js'] },
    'participant.html': { file: 'assets/participant-1.js', src: 'participant.html', isEntry: true, imports: ['_chunk-2.js'] },
    'co-facilitator.html': { file: 'assets/pairing-4.js', src: 'co-facilitator.html', isEntry: true },
  };
  fs.writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify(manifest));
  return dir;
}

export interface RoomBackend {
  backend: Backend;
  server: RunningServer;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Stops the listeners and closes the database, leaving the data dir for a restart. */
  stop(): Promise<void>;
}

/** A real backend on `dataDir`, the facilitator's server on 127.0.0.1, the room's on ROOM_HOST. */
export async function startRoomBackend(dataDir: string, rendererDir: string, printer?: PdfPrinter): Promise<RoomBackend> {
  configureRoom({ host: ROOM_HOST, rendererDir, preferredPort: 0 });
  const backend = startBackend(dataDir, { printer });
  const server = await serve(backend, { host: '127.0.0.1', port: 0, rendererDir });
  return {
    backend,
    server,
    call: async (method, input) => {
      const reply = await backend.dispatch(method, input, { clientId: 'test' });
      if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
      return reply.result as never;
    },
    stop: async () => {
      await stopRoomListener(backend.hub);
      await server.close();
      backend.close();
    },
  };
}

/**
 * A data folder and a miniature renderer that all of one file's tests share: made before them,
 * removed after them, once `close` has closed what the tests opened on them (phones, the backend).
 */
export function roomFoldersForAll(name: string, close: () => Promise<unknown>): { readonly dataDir: string; readonly rendererDir: string } {
  const folders = { dataDir: '', rendererDir: '' };
  beforeAll(() => {
    folders.dataDir = makeTempDir(name);
    folders.rendererDir = fakeRendererDir();
  });
  afterAll(async () => {
    await close();
    removeDir(folders.dataDir);
    removeDir(folders.rendererDir);
  });
  return folders;
}

export interface OpenRoom {
  app: RoomBackend;
  sessionId: string;
  boardId: string;
  status: MethodOutput<'room.status'>;
  /** Stops the backend and removes its folders. */
  close(): Promise<void>;
}

/** A backend on fresh folders holding one session, `title`, with its room open to phones. */
export async function openRoomOnFreshBackend(name: string, title: string): Promise<OpenRoom> {
  const dataDir = makeTempDir(name);
  const rendererDir = fakeRendererDir();
  const app = await startRoomBackend(dataDir, rendererDir);
  const session = await app.call('session.create', { title });
  return {
    app,
    sessionId: session.id,
    boardId: session.boards[0].id,
    status: await app.call('room.open', { sessionId: session.id }),
    close: async () => {
      await app.stop();
      removeDir(dataDir);
      removeDir(rendererDir);
    },
  };
}
