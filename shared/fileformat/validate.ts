import type { z } from 'zod';
import { allowedEdgeKinds, EDGE_KIND_NAMES } from '../model/edges';
import { NODE_KIND_INFO } from '../model/node-kinds';
import type { NodeKind } from '../model/nodes';
import { FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, SessionDocument, TemplateDocument, type GroundworkDocument } from './document';
import { UPGRADES, type RawDocument, type Upgrade } from './upgrades';
import { BROKEN_TEXT, findBrokenText } from '../text/well-formed';
import { segmentsOf, type PathLink, type Segment } from '../errors/json-path';

/** One reason a file is refused: where (a JSON path such as `$.boards[0].nodes[3].data.person`) and why. */
export interface DocumentProblem {
  path: string;
  message: string;
}

type ParsedDocument = { ok: true; document: GroundworkDocument } | { ok: false; problems: DocumentProblem[] };

interface ParseOptions {
  /** The upgrade steps to older versions; tests pass their own. */
  upgrades?: Readonly<Record<number, Upgrade>>;
}

/** No Groundwork file nests deeper than about 8 levels; far deeper means a hostile or broken file. */
const MAX_DEPTH = 64;
/** A refusal names at most this many problems: the first ones, in document order. */
export const MAX_PROBLEMS = 5;
const DOCUMENT_KINDS = ['session', 'template'] as const;


/** `$.boards[0].nodes[3].data.person`; a key that is not a plain name is quoted, a very long one shortened. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(shorten(String(segment), 60))}]`;
  }
  return path;
}

/**
 * Checks a `.groundwork` document, given as the file's text or as already-parsed JSON, and
 * returns it typed and upgraded to the current version, or the first problems with their paths.
 * In order: size, JSON syntax, nesting depth, broken text (a lone surrogate), envelope (format, version, upgrades, kind), the
 * schema, then what the schema cannot see (duplicate ids, edges to missing nodes, ...). Nothing
 * past a failing step runs, so a hostile file never reaches the costlier checks.
 */
export function parseDocument(raw: unknown, options: ParseOptions = {}): ParsedDocument {
  let value = raw;
  if (typeof raw === 'string') {
    const read = readJsonText(raw);
    if (!read.ok) return read;
    value = read.value;
  }
  const deep = findTooDeep(value);
  if (deep) return refuse([problem(deep, `The file nests deeper than ${MAX_DEPTH} levels, which no Groundwork file does`)]);
  // The contract's dispatcher refuses the same for file.import; the CLI and the desktop's open-file come only here.
  const broken = findBrokenText(value);
  if (broken) return refuse([problem(broken, `The text ${BROKEN_TEXT}`)]);

  const envelope = checkEnvelope(value, options.upgrades ?? UPGRADES);
  if (!envelope.ok) return envelope;

  const schema = envelope.document.kind === 'session' ? SessionDocument : TemplateDocument;
  const parsed = schema.safeParse(envelope.document);
  if (!parsed.success) return refuse(parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => problem(issue.path, describeIssue(issue, envelope.document))));

  const problems = findInconsistencies(parsed.data);
  return problems.length ? refuse(problems) : { ok: true, document: parsed.data };
}

function problem(segments: readonly PropertyKey[], message: string): DocumentProblem {
  return { path: jsonPath(segments), message: shorten(message, 300) };
}

function refuse(problems: DocumentProblem[]): { ok: false; problems: DocumentProblem[] } {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never between the two halves of a pair (an emoji): the message would carry a broken character.
  const end = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A value as a message quotes it: strings in quotes and shortened, so a hostile value cannot flood the message. */
function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  if (value === undefined) return 'nothing';
  return shorten(JSON.stringify(value) ?? String(value), 40);
}

// Size and syntax

/** Why a file of `bytes` is refused; exact bytes, as a file just over the limit would round to it. */
export function tooLargeMessage(bytes: number): string {
  const limit = `${MAX_FILE_BYTES / 1024 / 1024} MB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`;
  return `The file is ${bytes.toLocaleString('en-US')} bytes; Groundwork reads files up to ${limit}`;
}

/** UTF-8 bytes of a string, without encoding it (a 20 MB copy just to measure would be waste). */
export function utf8ByteLength(text: string): number {
  if (text.length > MAX_FILE_BYTES) return text.length; // Every UTF-16 unit is at least one byte: over already.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function readJsonText(text: string): { ok: true; value: unknown } | { ok: false; problems: DocumentProblem[] } {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    return refuse([problem([], tooLargeMessage(bytes))]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return refuse([problem([], 'The file is empty')]);
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return refuse([problem([], describeSyntaxError(body, error instanceof Error ? error.message : String(error)))]);
  }
}

/** Engines word JSON errors differently; a file that stops mid-value is the common case and gets its own words. */
function describeSyntaxError(text: string, reason: string): string {
  const match = /position (\d+)/.exec(reason);
  const position = match ? Number(match[1]) : undefined;
  const atEnd = /end of (JSON input|data)|EOF/i.test(reason) || (position !== undefined && position >= text.trimEnd().length);
  if (atEnd) return 'The file ends too early: it was probably cut short while being saved, copied or downloaded';
  const where = position === undefined ? '' : ` at line ${lineAndColumn(text, position)}`;
  const why = reason.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse:\s*/, '');
  return `The file is not valid JSON${where}: ${shorten(why, 120)}`;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}, column ${position - lineStart + 1}`;
}

// Depth

/**
 * The path of the first object or array nested deeper than MAX_DEPTH, or null. Walked with an
 * explicit stack: recursion is what a deeply nested file is built to overflow.
 */
function findTooDeep(root: unknown): Segment[] | null {
  const stack: { value: unknown; depth: number; at: PathLink | null }[] = [{ value: root, depth: 1, at: null }];
  while (stack.length) {
    const { value, depth, at } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return segmentsOf(at);
    const entries: [Segment, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    // Pushed last-first so the walk meets the document in reading order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, at: { parent: at, key } });
    }
  }
  return null;
}

// Envelope

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

type Envelope = { ok: true; document: RawDocument & { kind: (typeof DOCUMENT_KINDS)[number] } } | { ok: false; problems: DocumentProblem[] };

function checkEnvelope(value: unknown, upgrades: Readonly<Record<number, Upgrade>>): Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse([problem([], `A Groundwork file holds one JSON object; this one holds ${describeValue(value)}`)]);
  }
  let document = value as RawDocument;
  if (document.format !== FORMAT) {
    const found = 'format' in document ? `its format is ${quote(document.format)}` : 'it has no "format"';
    return refuse([problem(['format'], `This is not a Groundwork file: ${found}, not "${FORMAT}"`)]);
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return refuse([problem(['version'], `The version should be a whole number such as ${FORMAT_VERSION}, not ${quote(version)}`)]);
  }
  if (version > FORMAT_VERSION) {
    return refuse([
      problem(['version'], `This file was written by a newer Groundwork (version ${version}); this one reads up to ${FORMAT_VERSION}. Update Groundwork to open it`),
    ]);
  }
  for (let from = version; from < FORMAT_VERSION; from++) {
    const upgrade = upgrades[from];
    if (!upgrade) return refuse([problem(['version'], `This file is in version ${from}, which this Groundwork cannot read any more`)]);
    try {
      document = { ...upgrade(document), version: from + 1 };
    } catch (error) {
      return refuse([problem([], `The file could not be upgraded from version ${from}: ${error instanceof Error ? error.message : String(error)}`)]);
    }
  }
  if (!(DOCUMENT_KINDS as readonly unknown[]).includes(document.kind)) {
    return refuse([problem(['kind'], `Unknown kind ${quote(document.kind)}: a Groundwork file holds a "session" or a "template"`)]);
  }
  return { ok: true, document: document as RawDocument & { kind: (typeof DOCUMENT_KINDS)[number] } };
}

// Schema

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** zod's words, except where they would echo hostile input or say less than we can. */
function describeIssue(issue: z.core.$ZodIssue, document: unknown): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = 'options' in issue && Array.isArray(issue.options) ? `: expected one of ${issue.options.join(', ')}` : '';
    const found = valueAt(document, issue.path);
    return found === undefined ? `Missing ${issue.discriminator}${options}` : `Unknown ${issue.discriminator} ${quote(found)}${options}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 3).map(quote).join(', ');
    return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}`;
  }
  return issue.message;
}

// What the schema cannot see

function findInconsistencies(document: GroundworkDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const add = (segments: Segment[], message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem(segments, message));
  };
  const firstAt = (path: Segment[]) => ` (first at ${jsonPath(path)})`;
  const boardNodes = new Map<string, { title: string; nodes: Map<string, NodeKind> }>();
  const boardIndex = new Map<string, number>();

  document.boards.forEach((board, b) => {
    const earlier = boardIndex.get(board.id);
    if (earlier !== undefined) add(['boards', b, 'id'], `Board id ${quote(board.id)} is used twice${firstAt(['boards', earlier, 'id'])}`);
    else boardIndex.set(board.id, b);

    const nodes = new Map<string, NodeKind>();
    const nodeIndex = new Map<string, number>();
    board.nodes.forEach((node, n) => {
      const seen = nodeIndex.get(node.id);
      if (seen !== undefined) add(['boards', b, 'nodes', n, 'id'], `Node id ${quote(node.id)} is used twice on this board${firstAt(['boards', b, 'nodes', seen, 'id'])}`);
      else {
        nodeIndex.set(node.id, n);
        nodes.set(node.id, node.kind);
      }
    });

    const edgeIndex = new Map<string, number>();
    board.edges.forEach((edge, e) => {
      const at: Segment[] = ['boards', b, 'edges', e];
      const seen = edgeIndex.get(edge.id);
      if (seen !== undefined) add([...at, 'id'], `Edge id ${quote(edge.id)} is used twice on this board${firstAt(['boards', b, 'edges', seen, 'id'])}`);
      else edgeIndex.set(edge.id, e);
      const source = nodes.get(edge.source);
      const target = nodes.get(edge.target);
      if (!source) add([...at, 'source'], `The edge starts at node ${quote(edge.source)}, which is not on this board`);
      if (!target) add([...at, 'target'], `The edge ends at node ${quote(edge.target)}, which is not on this board`);
      if (!source || !target) return;
      if (edge.source === edge.target) add([...at, 'target'], 'An edge needs two different nodes');
      else if (!allowedEdgeKinds(source, target).includes(edge.kind)) {
        add(
          [...at, 'kind'],
          `A ${EDGE_KIND_NAMES[edge.kind].toLowerCase()} edge cannot join a ${NODE_KIND_INFO[source].name.toLowerCase()} to a ${NODE_KIND_INFO[target].name.toLowerCase()}`,
        );
      }
    });
    if (!boardNodes.has(board.id)) boardNodes.set(board.id, { title: board.title, nodes });
  });

  const itemIndex = new Map<string, number>();
  document.agenda.forEach((item, i) => {
    const seen = itemIndex.get(item.id);
    if (seen !== undefined) add(['agenda', i, 'id'], `Agenda item id ${quote(item.id)} is used twice${firstAt(['agenda', seen, 'id'])}`);
    else itemIndex.set(item.id, i);
    const board = item.boardId === null ? undefined : boardNodes.get(item.boardId);
    if (item.boardId !== null && !board) add(['agenda', i, 'boardId'], `The agenda item points at board ${quote(item.boardId)}, which is not in this file`);
    if (item.frameId === null) return;
    if (item.boardId === null) add(['agenda', i, 'frameId'], 'The agenda item names a frame but no board');
    else if (board) {
      const kind = board.nodes.get(item.frameId);
      if (!kind) add(['agenda', i, 'frameId'], `The agenda item points at frame ${quote(item.frameId)}, which is not on board ${quote(board.title)}`);
      else if (kind !== 'frame') add(['agenda', i, 'frameId'], `The agenda item points at ${quote(item.frameId)}, which is a ${NODE_KIND_INFO[kind].name.toLowerCase()}, not a frame`);
    }
  });
  return problems;
}
