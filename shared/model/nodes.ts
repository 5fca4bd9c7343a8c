import { z } from 'zod';
import { LIMITS } from './limits';
import { Stratum, TimeSpan } from './levels';
import { Id, Position, Size } from './schemas';

const Label = z.string().max(LIMITS.label);
const LongText = z.string().max(LIMITS.longText);

export const RoleData = z.strictObject({
  person: Label,
  title: Label,
  stratum: Stratum.nullable(),
  timeSpan: TimeSpan.nullable(),
  notes: LongText,
});
export type RoleData = z.infer<typeof RoleData>;

export const NoteCategory = z.enum(['weak-signal', 'strong-attractor', 'story', 'idea', 'question', 'value', 'waste']);
export type NoteCategory = z.infer<typeof NoteCategory>;

export const NoteData = z.strictObject({
  text: LongText,
  category: NoteCategory,
  votes: z.number().int().min(0).max(1_000_000),
});
export type NoteData = z.infer<typeof NoteData>;

export const TextData = z.strictObject({
  text: Label,
  variant: z.enum(['heading', 'label']),
});
export type TextData = z.infer<typeof TextData>;

/** Each node kind's fields; the JSON column of a node row holds exactly these. */
export const NODE_DATA = {
  role: RoleData,
  note: NoteData,
  text: TextData,
} as const;

export type NodeKind = keyof typeof NODE_DATA;
export const NodeKind = z.enum(Object.keys(NODE_DATA) as [NodeKind, ...NodeKind[]]);
export type NodeDataOf<K extends NodeKind> = z.infer<(typeof NODE_DATA)[K]>;

const nodeBase = { id: Id, position: Position, size: Size.nullable() };

export const BoardNode = z.discriminatedUnion('kind', [
  z.strictObject({ ...nodeBase, kind: z.literal('role'), data: RoleData }),
  z.strictObject({ ...nodeBase, kind: z.literal('note'), data: NoteData }),
  z.strictObject({ ...nodeBase, kind: z.literal('text'), data: TextData }),
]);
export type BoardNode = z.infer<typeof BoardNode>;
export type NodeOfKind<K extends NodeKind> = Extract<BoardNode, { kind: K }>;

/** Partial data for `node.update`: validated against the node's kind once merged. */
export const NodeDataPatch = z.record(z.string().max(64), z.unknown());

/** The field a double-click or Enter edits inline on the canvas. */
export const LABEL_FIELD = { role: 'person', note: 'text', text: 'text' } as const satisfies {
  [K in NodeKind]: keyof NodeDataOf<K>;
};

export function defaultNodeData<K extends NodeKind>(kind: K): NodeDataOf<K> {
  const defaults: { [Kind in NodeKind]: NodeDataOf<Kind> } = {
    role: { person: 'New role', title: '', stratum: null, timeSpan: null, notes: '' },
    note: { text: 'New note', category: 'idea', votes: 0 },
    text: { text: 'Heading', variant: 'heading' },
  };
  return structuredClone(defaults[kind]);
}

export function nodeLabel(node: BoardNode): string {
  return String((node.data as Record<string, unknown>)[LABEL_FIELD[node.kind]] ?? '');
}
