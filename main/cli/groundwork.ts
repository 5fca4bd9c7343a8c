#!/usr/bin/env node
import os from 'node:os';
import path from 'node:path';
import { DatabaseRefusedError } from '../store/database';
import { resolveDataDir } from '../store/data-dir';
import { chromiumPrinter } from '../export/chromium-printer';
import { startBackend } from '../service/backend';
import { serve } from '../transport/http-server';
import { setRoomHost } from '../room/config';
import { parseArgs, USAGE, UsageError, type ServeArgs } from './args';
import { runBackupCommand } from './backup-command';
import { CommandFailed, runDataCommand } from './commands';
import { startupNotice } from './startup-notice';

const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');

const dataDirOf = (flag: string | undefined) => resolveDataDir({ env: process.env, platform: process.platform, home: os.homedir(), flag });

async function runServe(args: ServeArgs): Promise<void> {
  const dataDir = dataDirOf(args.dataDir);
  if (args.roomHost) setRoomHost(args.roomHost);
  // The printer opens the print view on this very server, whose address is known once it listens.
  let url = '';
  const backend = startBackend(dataDir, { printer: chromiumPrinter(() => url) });
  const server = await serve(backend, { host: args.host, port: args.port, rendererDir: RENDERER_DIR });
  url = server.url;
  // A room left open by the last run (a crash, a restart) listens again, with the same code and tokens.
  await backend.dispatch('room.status', {}, { clientId: 'cli' });
  console.log(`Groundwork is running at ${server.url}`);
  console.log(`Data: ${path.join(dataDir, 'groundwork.db')}`);
  const report = backend.startupReport;
  if (report) {
    const notice = startupNotice(report, server.url, backend.backups.dir, (at) => new Date(at).toLocaleString());
    for (const line of notice) console.error(`groundwork: ${line}`);
  }
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  if (args.command === 'serve') return runServe(args);
  if (args.command === 'backup') return runBackupCommand(dataDirOf(args.dataDir), { out: (text) => console.log(text), err: (text) => console.error(text) });
  await runDataCommand(args, dataDirOf(args.dataDir), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
}

// Exit codes: 1 the command could not do its job, 2 bad usage, 4 port in use, 3 a database that
// cannot be opened: from a newer version; for a one-shot command, also a damaged one (moved aside)
// or one an update step failed on (left in place). `serve` starts empty on those two instead.
main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`groundwork: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof CommandFailed) {
    console.error(`groundwork: ${error.message}`);
    process.exit(error.exitCode);
  }
  if (error instanceof DatabaseRefusedError) {
    console.error(`groundwork: ${error.message}`);
    process.exit(3);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`groundwork: that port is already in use; choose another with --port`);
    process.exit(4);
  }
  console.error(error);
  process.exit(1);
});
