import fs from 'node:fs';
import path from 'node:path';

export const PARTICIPANT_PAGE = 'participant.html';
/** The second laptop's pairing page, and the editor a paired one then gets (main/room/co-facilitator-door.ts). */
export const PAIRING_PAGE = 'co-facilitator.html';
export const EDITOR_PAGE = 'index.html';
/** Vite's build manifest (vite.config.ts `build.manifest`, outside a dot-folder so packaging keeps it): each entry's files and the chunks it imports. */
const MANIFEST = 'build-manifest.json';

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The files in assets/ one page needs, and only those: from the build manifest, its entry's
 * script, style sheets and other assets, and those of every chunk it imports, transitively. The
 * facilitator's bundle is never among the participant page's unless that page itself loads a
 * chunk it shares. No manifest (no build yet) means no files.
 */
export function pageAssets(rendererDir: string, page: string): Set<string> {
  const allowed = new Set<string>();
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(rendererDir, MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return allowed;
  }
  const seen = new Set<string>();
  const queue = [page];
  while (queue.length) {
    const key = queue.pop()!;
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) continue;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      if (file.startsWith('assets/')) allowed.add(file.slice('assets/'.length));
    }
    queue.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return allowed;
}
