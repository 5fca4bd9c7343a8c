import { GroundworkError } from '../../shared/errors';
import { parseLibraryUrl } from '../library/connection';
import { initLibrary } from '../library/init';
import type { LibraryInitArgs } from './args';
import { CommandFailed, type CommandOutput } from './commands';

/** `groundwork library init`: the schema and the roles, created or brought up to date; run again, it changes nothing. */
export async function runLibraryInit(args: LibraryInitArgs, env: NodeJS.ProcessEnv, output: CommandOutput): Promise<void> {
  const text = args.libraryUrl ?? env.GROUNDWORK_LIBRARY_URL;
  if (!text) throw new CommandFailed('library init needs the library: --library-url postgresql://USER:PASSWORD@HOST:5432/DATABASE (or GROUNDWORK_LIBRARY_URL)', 2);
  try {
    const url = parseLibraryUrl(text);
    const { applied, rolesCreated } = await initLibrary(url);
    output.out(
      applied.length === 0 && rolesCreated.length === 0
        ? `The team library at ${url.where} is up to date; nothing was changed.`
        : [
            `The team library at ${url.where} is ready.`,
            rolesCreated.length ? `Roles created: ${rolesCreated.join(', ')}.` : 'Its roles were there already.',
            applied.length ? `Schema steps applied: ${applied.join(', ')}.` : 'Its schema was up to date.',
          ].join('\n'),
    );
    output.out('Add a trainer: CREATE ROLE name LOGIN PASSWORD \'…\' IN ROLE groundwork_trainer; an administrator: IN ROLE groundwork_admin.');
  } catch (error) {
    if (error instanceof GroundworkError) throw new CommandFailed(error.message, error.code === 'conflict' ? 3 : 1);
    throw error;
  }
}
