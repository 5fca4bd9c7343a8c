#!/usr/bin/env node
import os from 'node:os';
import path from 'node:path';
import { DatabaseRefusedError } from '../store/database';
import { prepareDataDir } from '../store/data-dir';
import { currentHolder, DataDirLockedError } from '../store/data-lock';
import { chromiumPrinter } from '../export/chromium-printer';
import { startBackend } from '../service/backend';
import { serve } from '../transport/http-server';
import { setRoomHost } from '../room/config';
import { parseArgs, USAGE, UsageError, type ServeArgs } from './args';
import { runBackupCommand } from './backup-command';
import { runLibraryInit } from './library-command';
import { CommandFailed, runDataCommand } from './commands';
import { IN_USE_EXIT_CODE, oneShotPlan } from './shared-data';
import { startupNotice } from './startup-notice';
import { exposureWarning } from './exposure-warning';

const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');

/** The data dir, created; the first time, the served shell's database moves in from its old folder (Linux). */
function dataDirOf(flag: string | undefined): string {
  const { dir, moved } = prepareDataDir({ env: process.env, platform: process.platform, home: os.homedir(), flag }, (old) => currentHolder(old) !== null);
  if (moved) console.error(`groundwork: ${moved}`);
  return dir;
}

async function runServe(args: ServeArgs): Promise<void> {
  const dataDir = dataDirOf(args.dataDir);
  if (args.roomHost) setRoomHost(args.roomHost);
  // The printer opens the print view on this very server, whose address is known once it listens.
  let url = '';
  const libraryUrl = args.libraryUrl ?? process.env.GROUNDWORK_LIBRARY_URL;
  const backend = startBackend(dataDir, { printer: chromiumPrinter(() => url), shell: 'served shell', libraryUrl });
  const server = await serve(backend, { host: args.host, port: args.port, rendererDir: RENDERER_DIR });
  url = server.url;
  // A room left open by the last run (a crash, a restart) listens again, with the same code and tokens.
  await backend.dispatch('room.status', {}, { clientId: 'cli' });
  // Before the URL is printed: whoever reads it may stop us at once, and a SIGTERM that comes
  // before a handler kills the process without closing the database or removing the lock.
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Groundwork is running at ${server.url}`);
  const exposed = exposureWarning(args.host);
  if (exposed) console.error(`groundwork: ${exposed}`);
  console.log(`Data: ${path.join(dataDir, 'groundwork.db')}`);
  const report = backend.startupReport;
  if (report) {
    const notice = startupNotice(report, server.url, backend.backups.dir, (at) => new Date(at).toLocaleString());
    for (const line of notice) console.error(`groundwork: ${line}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  if (args.command === 'serve') return runServe(args);
  const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  if (args.command === 'library init') return runLibraryInit(args, process.env, output);
  const dataDir = dataDirOf(args.dataDir);
  const plan = oneShotPlan(args.command, currentHolder(dataDir), (iso) => new Date(iso).toLocaleString());
  if (!plan.run) throw new CommandFailed(plan.message, IN_USE_EXIT_CODE);
  if (plan.note) console.error(`groundwork: note: ${plan.note}`);
  if (args.command === 'backup') return runBackupCommand(dataDir, output, plan.openIn);
  await runDataCommand(args, dataDir, output, plan.openIn);
}

// Exit codes: 1 the command could not do its job, 2 bad usage, 4 port in use, 5 another Groundwork
// holds the data folder (serve; import), 3 a database that
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
  if (error instanceof DataDirLockedError) {
    console.error(`groundwork: ${error.message}`);
    process.exit(IN_USE_EXIT_CODE);
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
