import { MAX_FILE_BYTES, type SessionDocument } from '../../shared/fileformat/document';
import { sampleSessionDocument } from './documents';

interface HostileFile {
  name: string;
  /** The file's text, or its parsed JSON when the case is about content rather than syntax. */
  file: string | unknown;
  /** The JSON path of the first problem. */
  path: string;
  message: RegExp;
}

/** The sample document, changed by `edit`, as parsed JSON. */
function edited(edit: (document: SessionDocument & Record<string, unknown>) => void): unknown {
  const document = sampleSessionDocument() as SessionDocument & Record<string, unknown>;
  edit(document);
  return document;
}

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

/** A valid document's text padded with spaces to one byte over the limit. */
function justOverTheLimit(): string {
  const text = JSON.stringify(sampleSessionDocument());
  return text + ' '.repeat(MAX_FILE_BYTES + 1 - text.length);
}

/** The files an import must refuse, one problem each, with where and why it is named. */
export const HOSTILE_FILES: readonly HostileFile[] = [
  {
    name: 'malformed JSON',
    file: '{"format": "groundwork", "version": 1,, "kind": "session"}',
    path: '$',
    message: /^The file is not valid JSON at line 1, column 39/,
  },
  {
    name: 'a truncated file',
    file: JSON.stringify(sampleSessionDocument(), null, 2).slice(0, 700),
    path: '$',
    message: /^The file ends too early/,
  },
  {
    name: 'a file over 20 MB',
    file: justOverTheLimit(),
    path: '$',
    message: /^The file is 20,971,521 bytes; Groundwork reads files up to 20 MB/,
  },
  {
    name: 'a file from a future version',
    file: edited((d) => Object.assign(d, { version: 2 })),
    path: '$.version',
    message: /written by a newer Groundwork \(version 2\); this one reads up to 1/,
  },
  {
    name: 'an unknown kind of document',
    file: edited((d) => Object.assign(d, { kind: 'workspace' })),
    path: '$.kind',
    message: /^Unknown kind "workspace"/,
  },
  {
    name: 'an unknown node kind',
    file: edited((d) => Object.assign(d.boards[0].nodes[3], { kind: 'bomb' })),
    path: '$.boards[0].nodes[3].kind',
    message: /^Unknown kind "bomb": expected one of role, decisionMaker/,
  },
  {
    name: 'a 20,000-character string in a 500-character field',
    file: edited((d) => Object.assign(d.boards[0].nodes[3].data, { person: 'x'.repeat(20_000) })),
    path: '$.boards[0].nodes[3].data.person',
    message: /<=500 characters/,
  },
  {
    name: 'nesting 1,000 levels deep',
    file: edited((d) => Object.assign(d.boards[0].nodes[3].data, { notes: nestedArrays(1000) })),
    // $ is level 1, .data.notes level 7: the 65th level is 58 steps into the arrays.
    path: `$.boards[0].nodes[3].data.notes${'[0]'.repeat(58)}`,
    message: /nests deeper than 64 levels/,
  },
  {
    name: 'duplicate node ids',
    file: edited((d) => Object.assign(d.boards[0].nodes[4], { id: 'ceo' })),
    path: '$.boards[0].nodes[4].id',
    message: /^Node id "ceo" is used twice on this board \(first at \$\.boards\[0\]\.nodes\[3\]\.id\)/,
  },
  {
    name: 'an edge to a missing node',
    file: edited((d) => Object.assign(d.boards[0].edges[0], { target: 'n_nobody' })),
    path: '$.boards[0].edges[0].target',
    message: /^The edge ends at node "n_nobody", which is not on this board/,
  },
  {
    name: 'an agenda item pointing at a missing board',
    file: edited((d) => Object.assign(d.agenda[2], { boardId: 'b_gone' })),
    path: '$.agenda[2].boardId',
    message: /^The agenda item points at board "b_gone", which is not in this file/,
  },
];
