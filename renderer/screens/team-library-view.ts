import type { LibraryOrigin, LibraryState, LibraryVersion } from '../../shared/model/library';

/** One library template as the gallery shows it: its newest version, and what this laptop made from older ones. */
export interface TeamTemplate {
  latest: LibraryVersion;
  /** Every version, newest first. */
  versions: LibraryVersion[];
  /** Sessions made from a version older than the newest, with the notes of the versions since. */
  behind: { origin: LibraryOrigin; notes: LibraryVersion[] }[];
}

/** Groups the flat list by template (the list comes newest version first) and keeps those matching the search. */
export function teamTemplates(state: LibraryState, query: string): TeamTemplate[] {
  const byTemplate = new Map<string, LibraryVersion[]>();
  for (const version of state.versions) byTemplate.set(version.templateId, [...(byTemplate.get(version.templateId) ?? []), version]);
  const words = query.trim().toLowerCase();
  return [...byTemplate.values()]
    .map((versions) => {
      const latest = versions[0];
      const behind = state.origins
        .filter((origin) => origin.templateId === latest.templateId && origin.version < latest.version)
        .map((origin) => ({ origin, notes: versions.filter((v) => v.version > origin.version) }));
      return { latest, versions, behind };
    })
    .filter(({ latest }) => !words || [latest.name, latest.description, latest.author, latest.note].some((text) => text.toLowerCase().includes(words)));
}

/** "Last synced …", or why there is nothing yet. */
export function syncedLine(state: LibraryState, formatTime: (at: number) => string): string {
  return state.syncedAt === null ? 'Not synced yet' : `Last synced ${formatTime(state.syncedAt)}`;
}
