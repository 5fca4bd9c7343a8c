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

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        participant: fileURLToPath(new URL('./renderer/participant.html', import.meta.url)),
        'co-facilitator': fileURLToPath(new URL('./renderer/co-facilitator.html', import.meta.url)),
      },
    },
  },
});
