import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, MAX_FILE_BYTES, type SessionDocument } from '../../../shared/fileformat/document';
import type { RawDocument, Upgrade } from '../../../shared/fileformat/upgrades';
import { UPGRADES } from '../../../shared/fileformat/upgrades';
import { jsonPath, MAX_PROBLEMS, parseDocument, utf8ByteLength, type DocumentProblem } from '../../../shared/fileformat/validate';
import { BUILT_IN_TEMPLATES } from '../../../shared/templates';
import { generatedSessionDocument, sampleSessionDocument } from '../../helpers/documents';
import { HOSTILE_FILES } from '../../helpers/hostile-files';

function problemsOf(raw: unknown, upgrades?: Readonly<Record<number, Upgrade>>): DocumentProblem[] {
  const result = parseDocument(raw, upgrades ? { upgrades } : {});
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

function edited(edit: (document: SessionDocument) => void): SessionDocument {
  const document = sampleSessionDocument();
  edit(document);
  return document;
}

describe('parseDocument accepts', () => {
  it('a session document, given as text or as parsed JSON, unchanged', () => {
    const document = sampleSessionDocument();
    expect(parseDocument(JSON.stringify(document))).toEqual({ ok: true, document });
    expect(parseDocument(document)).toEqual({ ok: true, document });
  });

  it('a file that starts with a byte-order mark', () => {
    expect(parseDocument(`\uFEFF${JSON.stringify(sampleSessionDocument())}`).ok).toBe(true);
  });

  it('a generated 2,000-node session', () => {
    expect(parseDocument(JSON.stringify(generatedSessionDocument(2000))).ok).toBe(true);
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('the built-in template %s', (_id, template) => {
    const result = parseDocument(JSON.stringify(template.document));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('the same node id on two boards: ids are a board’s own', () => {
    expect(parseDocument(edited((d) => (d.boards[1].nodes[0].id = 'ceo'))).ok).toBe(false); // the edge on board 1 still names "anna"
    const document = edited((d) => {
      d.boards[1].nodes[0].id = 'ceo';
      d.boards[1].edges[0].source = 'ceo';
    });
    expect(parseDocument(document).ok).toBe(true);
  });
});

describe('parseDocument refuses a hostile or broken file, naming the first problem and its JSON path', () => {
  it.each(HOSTILE_FILES.map((c) => [c.name, c] as const))('%s', (_name, { file, path, message }) => {
    const [first] = problemsOf(file);
    expect(first.path).toBe(path);
    expect(first.message).toMatch(message);
  });

  it('a file exactly at the size limit is read; one byte more is not', () => {
    const text = JSON.stringify(sampleSessionDocument());
    const atLimit = text + ' '.repeat(MAX_FILE_BYTES - text.length);
    expect(parseDocument(atLimit).ok).toBe(true);
    expect(problemsOf(`${atLimit} `)[0].message).toMatch(/^The file is 20,971,521 bytes/);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    const text = JSON.stringify(sampleSessionDocument());
    // Two-byte characters in a string: under the limit in characters, over it in bytes.
    const padded = `${text.slice(0, -1)}, "pad": "${'é'.repeat(Math.ceil((MAX_FILE_BYTES - text.length) / 2) + 8)}"}`;
    expect(padded.length).toBeLessThan(MAX_FILE_BYTES);
    expect(problemsOf(padded)[0].message).toMatch(/^The file is/);
  });

  it('an empty file, and JSON that is not an object', () => {
    expect(problemsOf('')).toEqual([{ path: '$', message: 'The file is empty' }]);
    expect(problemsOf('[1, 2]')).toEqual([{ path: '$', message: 'A Groundwork file holds one JSON object; this one holds a list' }]);
    expect(problemsOf(undefined)[0]).toEqual({ path: '$', message: 'A Groundwork file holds one JSON object; this one holds nothing' });
  });

  it('a JSON file of another program', () => {
    expect(problemsOf({ name: 'my-package', version: '1.0.0' })).toEqual([
      { path: '$.format', message: 'This is not a Groundwork file: it has no "format", not "groundwork"' },
    ]);
    expect(problemsOf({ format: 'x'.repeat(10_000) })[0].message.length).toBeLessThan(120);
  });

  it('a version that is not a whole number', () => {
    expect(problemsOf({ ...sampleSessionDocument(), version: '1' })[0]).toMatchObject({ path: '$.version', message: expect.stringMatching(/whole number/) });
    expect(problemsOf({ ...sampleSessionDocument(), version: 1.5 })[0].path).toBe('$.version');
  });

  it('an edge whose kind does not fit its ends', () => {
    const [first] = problemsOf(edited((d) => (d.boards[0].edges[1].kind = 'reports-to')));
    expect(first).toEqual({ path: '$.boards[0].edges[1].kind', message: 'A reports to edge cannot join a note to a role' });
  });

  it('an edge from a node to itself', () => {
    const [first] = problemsOf(edited((d) => (d.boards[0].edges[1].target = d.boards[0].edges[1].source)));
    expect(first).toEqual({ path: '$.boards[0].edges[1].target', message: 'An edge needs two different nodes' });
  });

  it('duplicate board, edge and agenda ids', () => {
    expect(problemsOf(edited((d) => (d.boards[1].id = 'board-org')))[0].path).toBe('$.boards[1].id');
    expect(problemsOf(edited((d) => (d.boards[0].edges[1].id = 'edge-1')))[0]).toMatchObject({
      path: '$.boards[0].edges[1].id',
      message: expect.stringMatching(/used twice on this board \(first at \$\.boards\[0\]\.edges\[0\]\.id\)/),
    });
    expect(problemsOf(edited((d) => (d.agenda[2].id = 'item-1')))[0].path).toBe('$.agenda[2].id');
  });

  it('an agenda item whose frame is missing, is not a frame, or has no board', () => {
    expect(problemsOf(edited((d) => (d.agenda[1].frameId = 'n_gone')))[0]).toEqual({
      path: '$.agenda[1].frameId',
      message: 'The agenda item points at frame "n_gone", which is not on board "Org map"',
    });
    expect(problemsOf(edited((d) => (d.agenda[1].frameId = 'ceo')))[0].message).toBe('The agenda item points at "ceo", which is a role, not a frame');
    expect(problemsOf(edited((d) => (d.agenda[0].frameId = 'frame-1')))[0]).toEqual({ path: '$.agenda[0].frameId', message: 'The agenda item names a frame but no board' });
  });

  it('unknown fields, named but shortened', () => {
    const [first] = problemsOf(edited((d) => Object.assign(d.boards[0].nodes[3].data, { ['k'.repeat(5_000)]: 1 })));
    expect(first.path).toBe('$.boards[0].nodes[3].data');
    expect(first.message).toMatch(/^Unknown field "k+…"$/);
    expect(first.message.length).toBeLessThan(80);
  });

  it(`names at most ${MAX_PROBLEMS} problems, in document order`, () => {
    const document = edited((d) => d.boards[0].nodes.forEach((n) => Object.assign(n, { position: { x: 'left', y: 0 } })));
    const problems = problemsOf(document);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.map((p) => p.path)).toEqual([0, 1, 2, 3, 4].map((i) => `$.boards[0].nodes[${i}].position.x`));

    const broken = edited((d) => d.agenda.forEach((item) => (item.boardId = 'b_gone')));
    broken.boards[0].edges.forEach((e) => (e.target = 'n_gone'));
    expect(problemsOf(broken).map((p) => p.path)).toEqual([
      '$.boards[0].edges[0].target',
      '$.boards[0].edges[1].target',
      '$.boards[0].edges[2].target',
      '$.agenda[0].boardId',
      '$.agenda[1].boardId',
    ]);
  });

  it('depth is walked without recursion, so 100,000 levels are refused like 1,000', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf({ format: 'groundwork', deep })[0].message).toMatch(/nests deeper than 64 levels/);
  });
});

describe('upgrades from older versions', () => {
  /** A made-up version 0: the session's fields sat at the top, and the agenda was called "plan". */
  function versionZero(): RawDocument {
    const { session, agenda, ...rest } = sampleSessionDocument();
    return { ...rest, version: 0, title: session.title, client: session.client, workshopDate: session.workshopDate, plan: agenda };
  }
  const fromZero: Upgrade = ({ title, client, workshopDate, plan, ...rest }) => ({ ...rest, version: 1, session: { title, client, workshopDate }, agenda: plan });

  it('the current version is 1 and there is nothing to upgrade yet', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(UPGRADES).toEqual({});
  });

  it('brings an older document up to the current version, then checks it like any other', () => {
    const result = parseDocument(JSON.stringify(versionZero()), { upgrades: { 0: fromZero } });
    expect(result).toEqual({ ok: true, document: sampleSessionDocument() });
  });

  it('refuses an older version it has no upgrade for', () => {
    expect(problemsOf(versionZero())).toEqual([{ path: '$.version', message: 'This file is in version 0, which this Groundwork cannot read any more' }]);
  });

  it('names the problem when an upgrade fails, or what it produced does not fit', () => {
    const failing: Upgrade = () => {
      throw new Error('plan is not a list');
    };
    expect(problemsOf(versionZero(), { 0: failing })).toEqual([{ path: '$', message: 'The file could not be upgraded from version 0: plan is not a list' }]);
    expect(problemsOf(versionZero(), { 0: (d) => d })[0]).toEqual({ path: '$.session', message: expect.stringMatching(/expected object/) });
  });
});

describe('jsonPath', () => {
  it('writes names with dots, indexes in brackets and other keys quoted', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['boards', 0, 'nodes', 3, 'data', 'person'])).toBe('$.boards[0].nodes[3].data.person');
    expect(jsonPath(['a b', '0', 'ok'])).toBe('$["a b"]["0"].ok');
  });
});
