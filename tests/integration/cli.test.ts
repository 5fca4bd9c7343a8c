import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { MAX_FILE_BYTES } from '../../shared/fileformat/document';
import { parseDocument } from '../../shared/fileformat/validate';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { parseArgs, UsageError } from '../../main/cli/args';
import { startBackend } from '../../main/service/backend';
import { normaliseIds, sampleSessionDocument, sampleTemplateDocument } from '../helpers/documents';
import { buildCliIfStale, cleanEnv, killAllServes, runCli } from '../helpers/serve-process';
import { tempDirForTest } from '../helpers/temp-dir';

beforeAll(() => buildCliIfStale(), 120_000);

afterEach(() => killAllServes());

/** Runs one call on a backend over `dataDir`, closed again before the CLI process opens it. */
async function withBackend<M extends MethodName>(dataDir: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const backend = startBackend(dataDir);
  try {
    const reply = await backend.dispatch(method, input, { clientId: 'test' });
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
    return reply.result as MethodOutput<M>;
  } finally {
    backend.close();
  }
}

async function importedSample(dataDir: string) {
  const result = await withBackend(dataDir, 'file.import', { document: sampleSessionDocument() });
  if (result.kind !== 'session') throw new Error('expected a session');
  return result.session;
}

describe('groundwork export', () => {
  it('writes the session to a .groundwork file and says what it wrote', async () => {
    const dataDir = tempDirForTest('cli-data');
    const session = await importedSample(dataDir);
    const out = path.join(tempDirForTest('cli-out'), 'acme.groundwork');

    const { code, stdout, stderr } = await runCli(['export', '--session', session.id, '--out', out, '--data-dir', dataDir]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`Exported session "Acme kickoff" (2 boards, 9 nodes) to ${out}\n`);
    const written = parseDocument(fs.readFileSync(out, 'utf8'));
    if (!written.ok) throw new Error(JSON.stringify(written.problems));
    expect(normaliseIds(written.document)).toEqual(normaliseIds(sampleSessionDocument()));
    expect(fs.readdirSync(path.dirname(out))).toEqual(['acme.groundwork']);
  });

  it('names the file after the session, <title>.groundwork in the current folder, when there is no --out', async () => {
    const dataDir = tempDirForTest('cli-data');
    const session = await importedSample(dataDir);
    const here = tempDirForTest('cli-out');
    const { code, stdout, stderr } = await runCli(['export', '--session', session.id, '--data-dir', dataDir], cleanEnv(), here);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('Exported session "Acme kickoff" (2 boards, 9 nodes) to Acme kickoff.groundwork\n');
    expect(fs.readdirSync(here)).toEqual(['Acme kickoff.groundwork']);
    expect(parseDocument(fs.readFileSync(path.join(here, 'Acme kickoff.groundwork'), 'utf8')).ok).toBe(true);
  });

  it('finds the data through GROUNDWORK_DATA_DIR when there is no --data-dir', async () => {
    const dataDir = tempDirForTest('cli-data');
    const session = await importedSample(dataDir);
    const out = path.join(tempDirForTest('cli-out'), 'acme.groundwork');
    const { code } = await runCli(['export', '--session', session.id, '--out', out], cleanEnv({ GROUNDWORK_DATA_DIR: dataDir }));
    expect(code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('fails with exit code 1 and a clear message for an unknown session or an unwritable place', async () => {
    const dataDir = tempDirForTest('cli-data');
    const session = await importedSample(dataDir);
    const missing = await runCli(['export', '--session', 's_nope', '--out', path.join(dataDir, 'x.groundwork'), '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'groundwork: No session with id s_nope\n' });

    const nowhere = path.join(dataDir, 'no', 'such', 'folder', 'x.groundwork');
    const unwritable = await runCli(['export', '--session', session.id, '--out', nowhere, '--data-dir', dataDir]);
    expect(unwritable).toMatchObject({ code: 1, stderr: `groundwork: cannot write ${nowhere}: no such file or folder\n` });
  });
});

describe('groundwork import', () => {
  it('imports a session file, a new session each time, and prints what it imported', async () => {
    const file = path.join(tempDirForTest('cli-in'), 'acme.groundwork');
    fs.writeFileSync(file, JSON.stringify(sampleSessionDocument(), null, 2));
    const dataDir = tempDirForTest('cli-data');

    const first = await runCli(['import', file, '--data-dir', dataDir]);
    const second = await runCli(['import', '--data-dir', dataDir, file]);
    const pattern = /^Imported session "Acme kickoff" \(2 boards\) as (s_[a-z0-9]+)\n$/;
    expect(first).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(pattern) });
    expect(second).toMatchObject({ code: 0, stdout: expect.stringMatching(pattern) });
    const [idA, idB] = [pattern.exec(first.stdout)![1], pattern.exec(second.stdout)![1]];
    expect(idA).not.toBe(idB);

    const exported = await withBackend(dataDir, 'session.export', { id: idA });
    expect(normaliseIds(exported)).toEqual(normaliseIds(sampleSessionDocument()));
  });

  it('imports a template file into the templates', async () => {
    const file = path.join(tempDirForTest('cli-in'), 'org.groundwork.json');
    fs.writeFileSync(file, JSON.stringify(sampleTemplateDocument('Org map day')));
    const dataDir = tempDirForTest('cli-data');
    const { code, stdout } = await runCli(['import', file, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Imported template "Org map day" \(2 boards\) as t_[a-z0-9]+\n$/);
    expect((await withBackend(dataDir, 'template.list', { query: 'org map day' })).map((t) => t.builtIn)).toEqual([false]);
  });

  it('refuses a broken file with exit code 1, naming the problem and its path, and writes nothing', async () => {
    const document = sampleSessionDocument();
    Object.assign(document.boards[0].nodes[3], { kind: 'bomb' });
    const file = path.join(tempDirForTest('cli-in'), 'bad.groundwork.json');
    fs.writeFileSync(file, JSON.stringify(document));
    const dataDir = tempDirForTest('cli-data');
    const { code, stdout, stderr } = await runCli(['import', file, '--data-dir', dataDir]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`groundwork: ${file} was not imported; nothing was written:\n  $.boards[0].nodes[3].kind: Unknown kind "bomb": expected one of role, decisionMaker, goldenCircle, note, stage, frame, text\n`);
    expect(await withBackend(dataDir, 'session.list', {})).toEqual([]);
  });

  it('refuses a file holding a lone UTF-16 surrogate with exit code 1, naming its path, and writes nothing', async () => {
    const document = sampleSessionDocument();
    document.session.title = 'Acme\uD800';
    const file = path.join(tempDirForTest('cli-in'), 'broken.groundwork.json');
    // JSON.stringify writes the surrogate as the escape \ud800: the file itself is valid UTF-8.
    fs.writeFileSync(file, JSON.stringify(document));
    const dataDir = tempDirForTest('cli-data');
    const { code, stdout, stderr } = await runCli(['import', file, '--data-dir', dataDir]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`groundwork: ${file} was not imported; nothing was written:\n  $.session.title: The text contains a broken character (a lone UTF-16 surrogate)\n`);
    expect(await withBackend(dataDir, 'session.list', {})).toEqual([]);
  });

  it('refuses a file over 20 MB without reading it, and a file that is not there', async () => {
    const dir = tempDirForTest('cli-in');
    const huge = path.join(dir, 'huge.groundwork.json');
    fs.writeFileSync(huge, ' '.repeat(MAX_FILE_BYTES + 1));
    const dataDir = tempDirForTest('cli-data');
    const tooBig = await runCli(['import', huge, '--data-dir', dataDir]);
    expect(tooBig).toMatchObject({ code: 1, stderr: expect.stringContaining('$: The file is 20,971,521 bytes; Groundwork reads files up to 20 MB') });

    const absent = path.join(dir, 'absent.groundwork.json');
    expect(await runCli(['import', absent, '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: `groundwork: cannot read ${absent}: no such file or folder\n` });
  });
});

describe('groundwork templates list', () => {
  it('lists the built-in templates and own ones, one a line', async () => {
    const dataDir = tempDirForTest('cli-data');
    const own = await withBackend(dataDir, 'template.duplicate', { id: BUILT_IN_TEMPLATES[0].id, name: 'Mine' });
    const { code, stdout, stderr } = await runCli(['templates', 'list', '--data-dir', dataDir]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+BOARDS\s+MINUTES\s+SOURCE$/);
    expect(lines).toHaveLength(BUILT_IN_TEMPLATES.length + 2);
    BUILT_IN_TEMPLATES.forEach((t, i) => {
      expect(lines[i + 1]).toMatch(new RegExp(`^${t.id}\\s+${t.document.template.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${t.document.boards.length}\\s+\\d+\\s+built-in$`));
    });
    expect(lines.at(-1)).toMatch(new RegExp(`^${own.id}\\s+Mine\\s+\\d+\\s+\\d+\\s+own$`));
  });
});

describe('bad usage', () => {
  it.each([
    [['export', '--out', 'x.groundwork'], 'export needs --session ID'],
    [['export', '--session', 's_1', '--out', 'x', '--format', 'csv'], 'Unknown option "--format" for export'],
    [['import'], 'import needs a FILE'],
    [['import', 'a.groundwork.json', 'b.groundwork.json'], 'import takes one FILE at a time, not 2'],
    [['templates'], 'templates needs an action: templates list'],
    [['templates', 'delete'], 'Unknown action "delete" for templates'],
    [['templates', 'list', 'extra'], 'Unexpected "extra" after templates list'],
  ])('%j exits with code 2 and says what is wrong', async (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    const { code, stdout, stderr } = await runCli(argv, cleanEnv({ GROUNDWORK_DATA_DIR: tempDirForTest('cli-data') }));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(`groundwork: ${message}`);
    expect(stderr).toContain('Usage: groundwork <command>');
  });

  it('parses the data commands with their flags in any order', () => {
    expect(parseArgs(['export', '--out', 'a.json', '--session', 's_1', '--data-dir', '/d'])).toEqual({ command: 'export', sessionId: 's_1', out: 'a.json', dataDir: '/d' });
    expect(parseArgs(['import', 'a.groundwork.json'])).toEqual({ command: 'import', file: 'a.groundwork.json' });
    expect(parseArgs(['export', '--session', 's_1'])).toEqual({ command: 'export', sessionId: 's_1' });
    expect(parseArgs(['templates', 'list', '--data-dir', '/d'])).toEqual({ command: 'templates list', dataDir: '/d' });
    expect(() => parseArgs(['export', '--session', 's_1', '--session', 's_2', '--out', 'x'])).toThrow('--session is given twice');
  });
});
