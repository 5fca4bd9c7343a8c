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

export const PurchaseRole = z.enum(['economic-buyer', 'champion', 'technical-evaluator', 'user', 'influencer', 'gatekeeper', 'blocker']);
export type PurchaseRole = z.infer<typeof PurchaseRole>;

export const Stance = z.enum(['supporter', 'neutral', 'sceptic']);
export type Stance = z.infer<typeof Stance>;

export const DecisionMakerData = z.strictObject({
  name: Label,
  title: Label,
  organisation: Label,
  purchaseRole: PurchaseRole.nullable(),
  stance: Stance,
  influence: z.number().int().min(1).max(5),
  stratum: Stratum.nullable(),
  /** The challenge they are living. */
  challenge: LongText,
  /** The progress they want to make. */
  progress: LongText,
  /** Whether the node shows the vocabulary hints of their stratum. */
  showLanguage: z.boolean(),
});
export type DecisionMakerData = z.infer<typeof DecisionMakerData>;

export const GoldenCircleData = z.strictObject({ why: LongText, how: LongText, what: LongText });
export type GoldenCircleData = z.infer<typeof GoldenCircleData>;
/** The golden circle's rings, from the inside out. */
export type Ring = keyof GoldenCircleData;
export const RINGS: readonly Ring[] = ['why', 'how', 'what'];

export const NoteCategory = z.enum(['weak-signal', 'strong-attractor', 'story', 'idea', 'question', 'value', 'waste']);
export type NoteCategory = z.infer<typeof NoteCategory>;

export const NoteData = z.strictObject({
  text: LongText,
  category: NoteCategory,
  votes: z.number().int().min(0).max(1_000_000),
  /** The name of the participant who sent it from a phone, when the room showed names as it was sent. */
  author: Label.optional(),
  /** Sent in private mode and not revealed yet: only its author and the facilitator see it. */
  hidden: z.boolean().optional(),
});
export type NoteData = z.infer<typeof NoteData>;

export const StageData = z.strictObject({
  title: Label,
  /** Its place in the process, 1 first. */
  step: z.number().int().min(1).max(999),
  notes: LongText,
});
export type StageData = z.infer<typeof StageData>;

export const FrameData = z.strictObject({ title: Label });
export type FrameData = z.infer<typeof FrameData>;

export const TextData = z.strictObject({
  text: Label,
  variant: z.enum(['heading', 'label']),
});
export type TextData = z.infer<typeof TextData>;

/** Each node kind's fields; the JSON column of a node row holds exactly these. */
export const NODE_DATA = {
  role: RoleData,
  decisionMaker: DecisionMakerData,
  goldenCircle: GoldenCircleData,
  note: NoteData,
  stage: StageData,
  frame: FrameData,
  text: TextData,
} as const;

export type NodeKind = keyof typeof NODE_DATA;
export const NODE_KINDS = Object.keys(NODE_DATA) as NodeKind[];
export const NodeKind = z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]]);
export type NodeDataOf<K extends NodeKind> = z.infer<(typeof NODE_DATA)[K]>;

export const NOTE_CATEGORY_NAMES: Record<NoteCategory, string> = {
  'weak-signal': 'Weak signal',
  'strong-attractor': 'Strong attractor',
  story: 'Story',
  idea: 'Idea',
  question: 'Question',
  value: 'Value',
  waste: 'Waste',
};

export const PURCHASE_ROLE_NAMES: Record<PurchaseRole, string> = {
  'economic-buyer': 'Economic buyer',
  champion: 'Champion',
  'technical-evaluator': 'Technical evaluator',
  user: 'User',
  influencer: 'Influencer',
  gatekeeper: 'Gatekeeper',
  blocker: 'Blocker',
};

export const STANCE_NAMES: Record<Stance, string> = { supporter: 'Supporter', neutral: 'Neutral', sceptic: 'Sceptic' };

const nodeBase = { id: Id, position: Position, size: Size.nullable() };
const nodeOf = <K extends NodeKind>(kind: K) => z.strictObject({ ...nodeBase, kind: z.literal(kind), data: NODE_DATA[kind] });

export const BoardNode = z.discriminatedUnion('kind', [
  nodeOf('role'),
  nodeOf('decisionMaker'),
  nodeOf('goldenCircle'),
  nodeOf('note'),
  nodeOf('stage'),
  nodeOf('frame'),
  nodeOf('text'),
]);
export type BoardNode = z.infer<typeof BoardNode>;
export type NodeOfKind<K extends NodeKind> = Extract<BoardNode, { kind: K }>;

/** Partial data for `node.update`: validated against the node's kind once merged. */
export const NodeDataPatch = z.record(z.string().max(64), z.unknown());
