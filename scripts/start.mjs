#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed; otherwise the served shell,
// printing its URL. Runs after `npm run build`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // In plain Node, the electron package exports the path to its binary, or throws when the
    // binary was never downloaded.
    return require('electron');
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

const binary = electronBinary();
const forward = (child) => {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

if (typeof binary === 'string') {
  forward(spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' }));
} else {
  console.log(`Electron is not available on this machine (${binary.missing}).`);
  console.log('Starting Groundwork as the served shell instead: open the URL below in your browser.');
  forward(spawn(process.execPath, [path.join(root, 'dist/main/cli/groundwork.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' }));
}
