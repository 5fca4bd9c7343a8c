import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseLibraryUrl } from '../../main/library/connection';
import { initLibrary } from '../../main/library/init';
import { TeamLibrary } from '../../main/library/team-library';
import { runLibraryInit } from '../../main/cli/library-command';
import { ownTemplate, publication, setUpLibrary } from '../helpers/library';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import { tempDirForTest } from '../helpers/temp-dir';
import { rejectionOf } from '../helpers/thrown';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.destroy());

/** Runs one statement as `user`, the way a trainer with psql would, and returns what PostgreSQL said. */
async function asRole(url: string, sql: string, values: unknown[] = []): Promise<{ rowCount: number | null } | { refused: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return { rowCount: (await client.query(sql, values)).rowCount };
  } catch (error) {
    return { refused: (error as Error).message };
  } finally {
    await client.end();
  }
}

describe('setting the library up', () => {
  test('library init creates the schema and the two roles once; run again it changes nothing', async () => {
    cluster.psql('CREATE DATABASE fresh');
    const lines: string[] = [];
    const output = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
    const args = { command: 'library init' as const, libraryUrl: cluster.url('postgres', 'postgres', 'fresh') };
    await runLibraryInit(args, {}, output);
    expect(lines.join('\n')).toMatch(/Schema steps applied: 0001_template_versions/);
    expect(cluster.psql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'groundwork_%'").trim()).toBe('groundwork_admin,groundwork_trainer');
    lines.length = 0;
    await runLibraryInit(args, {}, output);
    expect(lines[0]).toMatch(/is up to date; nothing was changed/);
    expect(cluster.psql('SELECT count(*) FROM groundwork.schema_version', 'fresh').trim()).toBe('1');
  }, 30_000);

  test('a library set up by a newer Groundwork is refused, by the app and by init, and left as it was', async () => {
    const { as } = await setUpLibrary(cluster, 'future');
    cluster.psql("INSERT INTO groundwork.schema_version (seq, name) VALUES (2, '0002_from_the_future')", 'future');
    const error = await rejectionOf(() => as('ann').list());
    expect(error.message).toMatch(/set up by a newer version of Groundwork \(it has schema step "0002_from_the_future"/);
    await expect(initLibrary(parseLibraryUrl(cluster.url('postgres', 'postgres', 'future')))).rejects.toThrow(/newer version of Groundwork/);
    expect(cluster.psql('SELECT string_agg(name, \',\' ORDER BY seq) FROM groundwork.schema_version', 'future').trim()).toBe('0001_template_versions,0002_from_the_future');
  }, 30_000);
});

describe('bad input says what is wrong', () => {
  test('an address that is not a PostgreSQL connection string', () => {
    expect(() => parseLibraryUrl('library.example.com')).toThrow(/not a connection string\. Give one like postgresql:\/\//);
    expect(() => parseLibraryUrl('https://library.example.com/db')).toThrow(/must start with postgresql:\/\/ \(it starts with https:\/\/\)/);
  });

  test('a server that is not there, a refused password, a database without the library', async () => {
    await setUpLibrary(cluster, 'checks');
    const unreachable = new TeamLibrary(parseLibraryUrl(`postgresql://ann:x@127.0.0.1:1/checks`));
    expect((await rejectionOf(() => unreachable.list())).message).toMatch(/^The team library at 127\.0\.0\.1:1\/checks cannot be reached/);
    const wrongPassword = new TeamLibrary(parseLibraryUrl(cluster.url('ann', 'not-her-password', 'checks')));
    const refused = await rejectionOf(() => wrongPassword.list());
    expect(refused.message).toMatch(/refused the password of user "ann"/);
    expect(refused.message).not.toContain('not-her-password');
    cluster.psql('CREATE DATABASE bare');
    const bare = new TeamLibrary(parseLibraryUrl(cluster.url('ann', 'ann-secret', 'bare')));
    expect((await rejectionOf(() => bare.list())).message).toMatch(/holds no team library yet\. An administrator sets it up once with: groundwork library init/);
  }, 30_000);

  test('a server that goes away in the middle of a publish leaves nothing half-published', async () => {
    const { as } = await setUpLibrary(cluster, 'midway');
    // The row is written, then the publish waits on a lock the test holds, and its connection is cut.
    cluster.psql(
      `CREATE FUNCTION hold_publish() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$;
       CREATE TRIGGER hold AFTER INSERT ON groundwork.template_versions FOR EACH ROW EXECUTE FUNCTION hold_publish();`,
      'midway',
    );
    const holder = new pg.Client({ connectionString: cluster.url('postgres', 'postgres', 'midway') });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(4242)');
      const publishing = rejectionOf(() => as('ann').publish(publication('t-midway', ownTemplate('Kick-off'), 'First cut')));
      await expect
        .poll(async () => (await holder.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'ann' AND wait_event_type = 'Lock'")).rows[0].n, { timeout: 10_000 })
        .toBe(1);
      await holder.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ann'");
      expect((await publishing).message).toMatch(/went away while publishing .*Nothing was half-done/);
    } finally {
      await holder.end();
    }
    expect(cluster.psql('SELECT count(*) FROM groundwork.template_versions', 'midway').trim()).toBe('0');
  }, 30_000);
});

describe('passwords stay out of Groundwork', () => {
  test('an address without a password reads it from the PostgreSQL password file, as psql does', async () => {
    await setUpLibrary(cluster, 'pgpass');
    const file = path.join(tempDirForTest('pgpass'), 'pgpass');
    fs.writeFileSync(file, `127.0.0.1:${cluster.port}:pgpass:ann:ann-secret\n`, { mode: 0o600 });
    const before = process.env.PGPASSFILE;
    process.env.PGPASSFILE = file;
    try {
      const ann = new TeamLibrary(parseLibraryUrl(`postgresql://ann@127.0.0.1:${cluster.port}/pgpass`));
      expect(await ann.list()).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.PGPASSFILE;
      else process.env.PGPASSFILE = before;
    }
  });
});

describe('two trainers and an administrator', () => {
  test('publish, list, use, version 2, and withdrawal decided by the database', async () => {
    const { as, url } = await setUpLibrary(cluster, 'firm');
    const ann = as('ann');
    const ben = as('ben');

    const first = await ann.publish(publication('t-kickoff', ownTemplate('Kick-off'), 'First cut'));
    expect(first).toMatchObject({ templateId: 't-kickoff', version: 1, author: 'ann', name: 'Kick-off', note: 'First cut' });
    expect(await ben.list()).toEqual([first]);
    expect((await ben.fetch('t-kickoff', 1)).template.name).toBe('Kick-off');

    const second = await ann.publish(publication('t-kickoff', ownTemplate('Kick-off', 'Now with a warm-up'), 'Adds a warm-up'));
    expect(second).toMatchObject({ version: 2, description: 'Now with a warm-up', note: 'Adds a warm-up' });
    expect((await ben.list()).map((v) => v.version)).toEqual([2, 1]);
    expect((await ben.fetch('t-kickoff', 2)).template.description).toBe('Now with a warm-up');

    // Ben cannot publish over Ann's template nor withdraw it: the app says so, and so does PostgreSQL to his own SQL.
    expect((await rejectionOf(() => ben.publish(publication('t-kickoff', ownTemplate('Kick-off'), 'Mine now')))).message).toMatch(/belongs to ann, who first published it/);
    expect((await rejectionOf(() => ben.withdraw('t-kickoff'))).message).toMatch(/Only ann, who published "Kick-off", or a library administrator can withdraw it/);
    expect(await asRole(url('ben'), "UPDATE groundwork.template_versions SET withdrawn_at = now(), withdrawn_by = 'ben' WHERE template_id = 't-kickoff'")).toEqual({ rowCount: 0 });
    expect(await asRole(url('ben'), 'DELETE FROM groundwork.template_versions')).toEqual({ refused: 'permission denied for table template_versions' });
    expect(await asRole(url('ann'), "UPDATE groundwork.template_versions SET note = 'rewritten'")).toEqual({ refused: 'permission denied for table template_versions' });
    expect(await asRole(url('ben'), "INSERT INTO groundwork.template_versions (template_id, version, publish_id, author, name, description, note, content) VALUES ('t-fake', 1, gen_random_uuid(), 'ann', 'Fake', '', 'x', '{}')")).toEqual({
      refused: 'new row violates row-level security policy for table "template_versions"',
    });
    expect((await ann.list()).map((v) => v.version)).toEqual([2, 1]);

    await ann.withdraw('t-kickoff');
    expect(await ben.list()).toEqual([]);
    expect((await rejectionOf(() => ben.fetch('t-kickoff', 2))).message).toMatch(/it was withdrawn/);

    // The gallery offers Withdraw to the author and to administrators, as the database decides.
    expect(await ben.caller()).toEqual({ name: 'ben', admin: false });
    expect(await as('ada').caller()).toEqual({ name: 'ada', admin: true });
    await ben.publish(publication('t-closing', ownTemplate('Closing'), 'First cut'));
    expect(await as('ada').withdraw('t-closing')).toEqual({ withdrawn: 1 });
    expect(await ann.list()).toEqual([]);
  }, 30_000);

  test('a publish sent twice with the same publish id lands once', async () => {
    const { as } = await setUpLibrary(cluster, 'resend');
    const sent = publication('t-resend', ownTemplate('Resend'), 'First cut');
    const once = await as('ann').publish(sent);
    expect(await as('ann').publish(sent)).toEqual(once);
    expect((await as('ben').list()).length).toBe(1);
  }, 30_000);
});
