import fs from 'node:fs';
import path from 'node:path';

export const PARTICIPANT_PAGE = 'participant.html';

/** A file a page or script of the build names: "./assets/x.js", "assets/x.css", or "./x.js" beside it. */
const REFERENCE = /["'`(](?:\.\/|\.\.\/)?(?:assets\/)?([A-Za-z0-9_.-]+\.(?:js|css|svg|png|woff2))["'`)]/g;

/**
 * The files the participant page needs, and only those: participant.html and, followed from it,
 * every script, style sheet and font it loads, transitively. The facilitator's bundle is never
 * among them unless the participant page itself loads a chunk it shares.
 */
export function participantAssets(rendererDir: string): Set<string> {
  const assetsDir = path.join(rendererDir, 'assets');
  const allowed = new Set<string>();
  const page = path.join(rendererDir, PARTICIPANT_PAGE);
  if (!fs.existsSync(page)) return allowed;
  const queue = [fs.readFileSync(page, 'utf8')];
  while (queue.length) {
    const text = queue.pop()!;
    for (const match of text.matchAll(REFERENCE)) {
      const name = match[1];
      if (allowed.has(name)) continue;
      const file = path.join(assetsDir, name);
      if (!fs.existsSync(file)) continue;
      allowed.add(name);
      if (/\.(js|css)$/.test(name)) queue.push(fs.readFileSync(file, 'utf8'));
    }
  }
  return allowed;
}
