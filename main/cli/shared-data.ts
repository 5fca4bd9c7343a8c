import { describeHolder, type LockHolder } from '../store/data-lock';

/** The commands that open the database, do one thing and exit. */
type OneShotCommand = 'export' | 'import' | 'templates list' | 'backup';

type OneShotPlan =
  | { run: true; openIn: string | null; note: string | null }
  | { run: false; message: string };

/** A one-shot command refused because a shell holds the data dir. */
export const IN_USE_EXIT_CODE = 5;

/**
 * What a one-shot command does while a shell (the desktop app, `serve`) holds the data dir. SQLite's
 * WAL lets it read beside the shell, and what it reads is everything the shell has acknowledged.
 * Writing is another matter: the shell would never hear of a session or template imported behind
 * its back (its windows are kept live from its own events), so `import` is refused with the way
 * round it. `backup` only reads the database (SQLite's online backup).
 */
export function oneShotPlan(command: OneShotCommand, holder: LockHolder | null, formatTime?: (iso: string) => string): OneShotPlan {
  if (!holder) return { run: true, openIn: null, note: null };
  const who = describeHolder(holder, formatTime);
  if (command === 'import') {
    return {
      run: false,
      message: `nothing was imported: Groundwork is open on this data folder in ${who}, which would not show what this command adds until it is restarted. Import the file in it (Import file… on the home screen), or close it and run the command again.`,
    };
  }
  return { run: true, openIn: who, note: `${who} has this data open; this reads what it has saved (every edit it has acknowledged).` };
}
