#!/usr/bin/env node
import os from 'node:os';
import path from 'node:path';
import { DatabaseRefusedError } from '../store/database';
import { resolveDataDir } from '../store/data-dir';
import { startBackend } from '../service/backend';
import { serve } from '../transport/http-server';
import { parseArgs, USAGE, UsageError } from './args';

const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }
  const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: os.homedir(), flag: args.dataDir });
  const backend = startBackend(dataDir);
  const server = await serve(backend, { host: args.host, port: args.port, rendererDir: RENDERER_DIR });
  console.log(`Groundwork is running at ${server.url}`);
  console.log(`Data: ${path.join(dataDir, 'groundwork.db')}`);
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`groundwork: ${error.message}\n\n${USAGE}`);
    process.exit(2);
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
