/**
 * A small vocabulary for writing built-in templates as readable data: a board draft that mints
 * deterministic ids from the board's id, frames sized from the grid of cards they are meant to
 * hold, roles placed in their stratum's band, and an agenda written against those objects.
 */
import { FORMAT, FORMAT_VERSION, type DocumentBoard, type TemplateDocument } from '../fileformat/document';
import { bandTop } from '../levels/bands';
import type { AgendaItem } from '../model/agenda';
import type { BoardEdge, EdgeKind } from '../model/edges';
import type { Stratum } from '../model/levels';
import type { BoardNode, DecisionMakerData, GoldenCircleData, NodeKind, NodeOfKind, NoteCategory, RoleData } from '../model/nodes';
import type { Position, Size } from '../model/schemas';

export interface BuiltInTemplate {
  id: string;
  document: TemplateDocument;
}

/** Built-ins do not change between runs, so neither does the date on their envelope. */
const BUILT_IN_EXPORTED_AT = '2026-01-01T00:00:00.000Z';

/**
 * The room a content-sized node takes at zoom 1. Cards grow with their text, so the layouts keep
 * a gap to spare around each; a note grows the most (a line per ~20 characters), so its footprint
 * is that of a note with four lines, and a grid of notes stays tidy once the room fills it.
 */
export const FOOTPRINT = {
  role: { width: 200, height: 90 },
  decisionMaker: { width: 310, height: 200 },
  note: { width: 240, height: 200 },
  stage: { width: 300, height: 150 },
  text: { width: 600, height: 56 },
} as const satisfies Partial<Record<NodeKind, Size>>;

export const GOLDEN_CIRCLE_SIZE: Size = { width: 600, height: 600 };
/** Inside a frame, around its contents. */
export const FRAME_PADDING = 40;
/** The frame's title tab along its top edge; contents start below it. */
const FRAME_TITLE_STRIP = 56;
/** Between cards in a grid, and between a heading and what follows. */
export const GAP = 40;
/** Between frames side by side or stacked. */
const FRAME_GAP = 80;
/** Where a board's content starts, below the heading every built-in board has at y = 0. */
export const CONTENT_TOP = FOOTPRINT.text.height + GAP;

/**
 * Where a role goes vertically: the offset "arrange by levels" gives a role of the default size
 * in its band, so arranging the worked example does not move anyone up or down.
 */
const ROLE_OFFSET_IN_BAND = 80;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface CardGrid {
  columns: number;
  rows: number;
  /** The card the grid is for; notes unless told. */
  cell?: Size;
  /** Between cells; GAP unless told. */
  gap?: number;
}

/** A frame on a draft board, with the cells of the grid it was sized for. */
export interface FrameArea {
  node: NodeOfKind<'frame'>;
  rect: Rect;
  /** Top-left of the cell at (column, row), both from 0; halves centre a card between two cells. */
  cell(column: number, row: number): Position;
}

type EdgeEnd = BoardNode | FrameArea;
const nodeOf = (end: EdgeEnd): BoardNode => ('node' in end ? end.node : end);

/** The box a node takes: its own size when set, else the footprint of its kind. */
export function rectOf(node: BoardNode): Rect {
  const size = node.size ?? FOOTPRINT[node.kind as keyof typeof FOOTPRINT];
  return { ...node.position, ...size };
}

export const rightOf = (rect: Rect, gap = FRAME_GAP): number => rect.x + rect.width + gap;
export const below = (rect: Rect, gap = FRAME_GAP): number => rect.y + rect.height + gap;

/** The outer size of a frame holding a grid of cards, padding and title strip included. */
export function frameSize({ columns, rows, cell = FOOTPRINT.note, gap = GAP }: CardGrid): Size {
  const inner = { width: columns * cell.width + (columns - 1) * gap, height: rows * cell.height + (rows - 1) * gap };
  return { width: inner.width + 2 * FRAME_PADDING, height: FRAME_TITLE_STRIP + FRAME_PADDING + inner.height + FRAME_PADDING };
}

/**
 * One board being written. Node ids are `<board id>-<kind>-<n>` and edge ids `<board id>-edge-<n>`,
 * numbered in the order they are added, so a template reads the same on every run and two boards
 * cannot mint the same id.
 */
export class BoardDraft {
  private readonly nodes: BoardNode[] = [];
  private readonly edges: BoardEdge[] = [];
  private readonly counts = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly title: string,
    /** An org map: the strata bands show and Keep arranged is on. */
    private readonly strataBands = false,
  ) {}

  heading(text: string, at: Position): NodeOfKind<'text'> {
    return this.add('text', at, null, { text, variant: 'heading' });
  }

  label(text: string, at: Position): NodeOfKind<'text'> {
    return this.add('text', at, null, { text, variant: 'label' });
  }

  note(text: string, category: NoteCategory, at: Position): NodeOfKind<'note'> {
    return this.add('note', at, null, { text, category, votes: 0 });
  }

  stage(step: number, title: string, notes: string, at: Position): NodeOfKind<'stage'> {
    return this.add('stage', at, null, { title, step, notes });
  }

  goldenCircle(data: GoldenCircleData, at: Position): NodeOfKind<'goldenCircle'> {
    return this.add('goldenCircle', at, { ...GOLDEN_CIRCLE_SIZE }, data);
  }

  decisionMaker(data: DecisionMakerData, at: Position): NodeOfKind<'decisionMaker'> {
    return this.add('decisionMaker', at, null, data);
  }

  /** A role at x, placed vertically in the band of its stratum (or the row below I without one). */
  role(data: RoleData, x: number): NodeOfKind<'role'> {
    return this.add('role', { x, y: roleTop(data.stratum) }, null, data);
  }

  /** A frame at `at`, sized to hold a grid of cards with the padding and title strip around it. */
  frame(title: string, at: Position, grid: CardGrid): FrameArea {
    const { cell = FOOTPRINT.note, gap = GAP } = grid;
    const size = frameSize(grid);
    const node = this.add('frame', at, size, { title });
    const left = at.x + FRAME_PADDING;
    const top = at.y + FRAME_TITLE_STRIP + FRAME_PADDING;
    return {
      node,
      rect: { ...at, ...size },
      cell: (column, row) => ({ x: left + column * (cell.width + gap), y: top + row * (cell.height + gap) }),
    };
  }

  /** Manager → report, drawn top-down on the org map. */
  reportsTo(manager: BoardNode, report: BoardNode): BoardEdge {
    return this.edge('reports-to', manager, report, '');
  }

  influences(from: BoardNode, to: BoardNode, strength: number, label: string): BoardEdge {
    return this.edge('influences', from, to, label, strength);
  }

  /** A flow through stages in order: first → second → … */
  flow(stages: readonly BoardNode[]): BoardEdge[] {
    return stages.slice(1).map((stage, i) => this.edge('flow', stages[i], stage, ''));
  }

  relates(from: EdgeEnd, to: EdgeEnd, label: string): BoardEdge {
    return this.edge('relates', nodeOf(from), nodeOf(to), label);
  }

  toBoard(): DocumentBoard {
    return { id: this.id, title: this.title, settings: this.strataBands ? { strataBands: true, keepArranged: true } : { strataBands: false }, viewport: null, nodes: [...this.nodes], edges: [...this.edges] };
  }

  private mint(kind: string): string {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return `${this.id}-${kind}-${n}`;
  }

  private add<K extends NodeKind>(kind: K, position: Position, size: Size | null, data: NodeOfKind<K>['data']): NodeOfKind<K> {
    const node = { id: this.mint(kind), kind, position: { ...position }, size, data } as NodeOfKind<K>;
    this.nodes.push(node);
    return node;
  }

  private edge(kind: EdgeKind, source: BoardNode, target: BoardNode, label: string, strength: number | null = null): BoardEdge {
    const edge: BoardEdge = { id: this.mint('edge'), kind, source: source.id, target: target.id, data: { label, strength } };
    this.edges.push(edge);
    return edge;
  }
}

function roleTop(stratum: Stratum | null): number {
  return bandTop(stratum) + ROLE_OFFSET_IN_BAND;
}

/** One agenda item as a template writes it: against the draft board and frame, not their ids. */
interface AgendaStep {
  title: string;
  minutes: number;
  board: BoardDraft;
  frame?: FrameArea;
  prompts: string[];
}

interface TemplateSpec {
  name: string;
  description: string;
  boards: BoardDraft[];
  agenda: AgendaStep[];
}

/** The template's envelope; agenda item ids are `<prefix>-agenda-<n>`, in order. */
export function builtInTemplate(id: string, prefix: string, spec: TemplateSpec): BuiltInTemplate {
  const agenda: AgendaItem[] = spec.agenda.map((step, i) => ({
    id: `${prefix}-agenda-${i + 1}`,
    title: step.title,
    timeboxMinutes: step.minutes,
    boardId: step.board.id,
    frameId: step.frame?.node.id ?? null,
    prompts: [...step.prompts],
  }));
  return deepFreeze({
    id,
    document: {
      format: FORMAT,
      version: FORMAT_VERSION,
      kind: 'template',
      exportedAt: BUILT_IN_EXPORTED_AT,
      template: { name: spec.name, description: spec.description },
      boards: spec.boards.map((board) => board.toBoard()),
      agenda,
    },
  });
}

/** Built-ins are shared by every caller: one that edits its copy in place must fail loudly, not change them for all. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
