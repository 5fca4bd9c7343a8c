import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp';

/** Puts the shared Content-Security-Policy into index.html, so Electron's file and the served page agree. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'groundwork-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

const EARLY_BOARD_CHUNK = 'early-board';

/**
 * Runs the early-board chunk from a script of its own ahead of the app's: the app's chunk imports it
 * too, but only after the shared chunks (React, the schemas), which ES modules evaluate first. Run
 * first, the board's request leaves as the page starts, and main answers it while they load.
 */
function earlyBoardFirst(): Plugin {
  return {
    name: 'groundwork-early-board',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle }) {
        if (!filename.endsWith('index.html')) return;
        const chunk = Object.values(bundle ?? {}).find((file) => file.type === 'chunk' && file.name === EARLY_BOARD_CHUNK);
        const app = '<script type="module"';
        if (!chunk || !html.includes(app)) throw new Error(`index.html: no ${EARLY_BOARD_CHUNK} chunk, or no app script, to put it before`);
        return html.replace(app, `<script type="module" crossorigin src="./${chunk.fileName}"></script>\n    ${app}`);
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), earlyBoardFirst()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The room's listener serves the participant page's files by this list (main/room/assets.ts).
    manifest: 'build-manifest.json',
    chunkSizeWarningLimit: 1500,
    // The participant page and the co-facilitator's pairing page are their own entries: the room's
    // listener serves each and only what it loads.
    rolldownOptions: {
      output: {
        // The early request for the address's board (renderer/api/early-board.ts) is a chunk of its
        // own, free of React and zod, that index.html runs first (earlyBoardFirst).
        codeSplitting: { groups: [{ name: EARLY_BOARD_CHUNK, test: /renderer[\\/](api[\\/]early-board|state[\\/]address)\.ts$|shared[\\/]api[\\/]shell-paths\.ts$/, includeDependenciesRecursively: false }] },
      },
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        participant: fileURLToPath(new URL('./renderer/participant.html', import.meta.url)),
        'co-facilitator': fileURLToPath(new URL('./renderer/co-facilitator.html', import.meta.url)),
      },
    },
  },
});
