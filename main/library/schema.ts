/**
 * The team library's schema in PostgreSQL, numbered and append-only like the local SQLite ones
 * (main/store/migrations.ts): never edit a step that has shipped; add the next one.
 *
 * Access control is PostgreSQL's own: trainers log in as their own database roles, members of
 * groundwork_trainer; administrators are members of groundwork_admin (itself a trainer). Row-level
 * security decides who may do what, so a trainer who writes SQL by hand is refused by the database.
 */
export interface LibraryMigration {
  name: string;
  sql: string;
}

export const LIBRARY_SCHEMA = 'groundwork';
export const TRAINER_ROLE = 'groundwork_trainer';
export const ADMIN_ROLE = 'groundwork_admin';

/** Created by `groundwork library init` before any step runs; the steps grant on it. */
export const SCHEMA_VERSION_TABLE = `${LIBRARY_SCHEMA}.schema_version`;

export const LIBRARY_MIGRATIONS: readonly LibraryMigration[] = [
  {
    // One row per published version. A published version never changes: no role may UPDATE its
    // content (only the two withdrawal columns are granted) and nobody may DELETE it. A template's
    // first author owns it: only they publish its next versions; only a version's author, or an
    // administrator, withdraws it. publish_id is made by the client, so a publish sent again
    // from the outbox is recognised instead of landing twice.
    name: '0001_template_versions',
    sql: `
      GRANT USAGE ON SCHEMA ${LIBRARY_SCHEMA} TO ${TRAINER_ROLE};
      GRANT SELECT ON ${SCHEMA_VERSION_TABLE} TO ${TRAINER_ROLE};

      CREATE TABLE ${LIBRARY_SCHEMA}.template_versions (
        template_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        publish_id uuid NOT NULL UNIQUE,
        author text NOT NULL DEFAULT current_user,
        published_at timestamptz NOT NULL DEFAULT now(),
        name text NOT NULL,
        description text NOT NULL,
        note text NOT NULL,
        content jsonb NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by text,
        PRIMARY KEY (template_id, version),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      );

      ALTER TABLE ${LIBRARY_SCHEMA}.template_versions ENABLE ROW LEVEL SECURITY;
      GRANT SELECT, INSERT ON ${LIBRARY_SCHEMA}.template_versions TO ${TRAINER_ROLE};
      GRANT UPDATE (withdrawn_at, withdrawn_by) ON ${LIBRARY_SCHEMA}.template_versions TO ${TRAINER_ROLE};

      CREATE POLICY read_all ON ${LIBRARY_SCHEMA}.template_versions FOR SELECT TO ${TRAINER_ROLE} USING (true);
      CREATE POLICY publish_own ON ${LIBRARY_SCHEMA}.template_versions FOR INSERT TO ${TRAINER_ROLE}
        WITH CHECK (
          author = current_user AND withdrawn_at IS NULL
          AND (version = 1 OR EXISTS (
            SELECT 1 FROM ${LIBRARY_SCHEMA}.template_versions first
            WHERE first.template_id = template_versions.template_id AND first.version = 1 AND first.author = current_user
          ))
        );
      CREATE POLICY withdraw_own ON ${LIBRARY_SCHEMA}.template_versions FOR UPDATE TO ${TRAINER_ROLE}
        USING (author = current_user AND withdrawn_at IS NULL)
        WITH CHECK (withdrawn_by = current_user);
      CREATE POLICY withdraw_any ON ${LIBRARY_SCHEMA}.template_versions FOR UPDATE TO ${ADMIN_ROLE}
        USING (withdrawn_at IS NULL)
        WITH CHECK (withdrawn_by = current_user);
    `,
  },
];
