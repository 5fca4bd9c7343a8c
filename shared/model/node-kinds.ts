import type { Size } from './schemas';
import { NOTE_CATEGORY_NAMES, PURCHASE_ROLE_NAMES, STANCE_NAMES, type BoardNode, type NodeDataOf, type NodeKind } from './nodes';

/** One field of a node's data as the inspector shows it. */
export type FieldSpec =
  | { key: string; label: string; type: 'text' | 'textarea' }
  | { key: string; label: string; type: 'select'; options: { value: string; label: string }[]; nullable?: boolean }
  | { key: string; label: string; type: 'number'; min: number; max: number }
  | { key: string; label: string; type: 'checkbox' }
  | { key: string; label: string; type: 'stratum' }
  | { key: string; label: string; type: 'timeSpan' };

/**
 * What the app knows of a kind of node beyond its schema (nodes.ts) and its component
 * (renderer/canvas/nodes): adding a kind is those two and an entry here.
 */
interface NodeKindInfo<K extends NodeKind> {
  /** In the palette ("+ Role"), the inspector's heading and messages. */
  name: string;
  /** The field a double-click or Enter edits inline on the canvas. */
  labelField: keyof NodeDataOf<K>;
  /** A new node's data. */
  newData: NodeDataOf<K>;
  /** The size a new node is given: kinds the facilitator sizes have one; the others size to their content. */
  newSize: Size | null;
  /**
   * How large a new node of the kind renders (nodes.css, measured in Chromium), for what must place
   * it before the canvas has measured it. A role's is worked out from its text (role-size.ts).
   */
  expectedSize: Size;
  /** Where its handles sit: reports-to runs top to bottom, influence and flow left to right. */
  handles: 'vertical' | 'horizontal' | null;
  /** The inspector's fields: every field of the data, in the order a facilitator fills them. */
  fields: readonly FieldSpec[];
}

const optionsOf = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export const NODE_KIND_INFO: { [K in NodeKind]: NodeKindInfo<K> } = {
  role: {
    name: 'Role',
    labelField: 'person',
    newData: { person: 'New role', title: '', stratum: null, timeSpan: null, notes: '' },
    newSize: null,
    expectedSize: { width: 200, height: 69 },
    handles: 'vertical',
    fields: [
      { key: 'person', label: 'Person', type: 'text' },
      { key: 'title', label: 'Title', type: 'text' },
      { key: 'stratum', label: 'Stratum', type: 'stratum' },
      { key: 'timeSpan', label: 'Time-span', type: 'timeSpan' },
      { key: 'notes', label: 'Notes', type: 'textarea' },
    ],
  },
  decisionMaker: {
    name: 'Decision-maker',
    labelField: 'name',
    newData: {
      name: 'New decision-maker',
      title: '',
      organisation: '',
      purchaseRole: null,
      stance: 'neutral',
      influence: 3,
      stratum: null,
      challenge: '',
      progress: '',
      showLanguage: false,
    },
    newSize: null,
    expectedSize: { width: 310, height: 198 },
    handles: 'horizontal',
    fields: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'title', label: 'Title', type: 'text' },
      { key: 'organisation', label: 'Organisation', type: 'text' },
      { key: 'purchaseRole', label: 'Role in the purchase', type: 'select', options: optionsOf(PURCHASE_ROLE_NAMES), nullable: true },
      { key: 'stance', label: 'Stance', type: 'select', options: optionsOf(STANCE_NAMES) },
      { key: 'influence', label: 'Influence (1–5)', type: 'number', min: 1, max: 5 },
      { key: 'stratum', label: 'Stratum', type: 'stratum' },
      { key: 'challenge', label: 'Their challenge', type: 'textarea' },
      { key: 'progress', label: 'The progress they want', type: 'textarea' },
      { key: 'showLanguage', label: 'Show the language of their level', type: 'checkbox' },
    ],
  },
  goldenCircle: {
    name: 'Golden circle',
    labelField: 'why',
    newData: { why: 'Why we exist', how: 'How we work', what: 'What we offer' },
    newSize: { width: 520, height: 520 },
    expectedSize: { width: 520, height: 520 },
    handles: 'vertical',
    fields: [
      { key: 'why', label: 'Why', type: 'textarea' },
      { key: 'how', label: 'How', type: 'textarea' },
      { key: 'what', label: 'What', type: 'textarea' },
    ],
  },
  note: {
    name: 'Note',
    labelField: 'text',
    newData: { text: 'New note', category: 'idea', votes: 0 },
    newSize: null,
    expectedSize: { width: 240, height: 140 },
    handles: 'vertical',
    fields: [
      { key: 'text', label: 'Text', type: 'textarea' },
      { key: 'category', label: 'Category', type: 'select', options: optionsOf(NOTE_CATEGORY_NAMES) },
      { key: 'votes', label: 'Votes', type: 'number', min: 0, max: 999 },
    ],
  },
  stage: {
    name: 'Stage',
    labelField: 'title',
    newData: { title: 'New stage', step: 1, notes: '' },
    newSize: null,
    expectedSize: { width: 300, height: 150 },
    handles: 'horizontal',
    fields: [
      { key: 'title', label: 'Title', type: 'text' },
      { key: 'step', label: 'Step', type: 'number', min: 1, max: 999 },
      { key: 'notes', label: 'Notes', type: 'textarea' },
    ],
  },
  frame: {
    name: 'Frame',
    labelField: 'title',
    newData: { title: 'New frame' },
    newSize: { width: 640, height: 420 },
    expectedSize: { width: 640, height: 420 },
    handles: null,
    fields: [{ key: 'title', label: 'Title', type: 'text' }],
  },
  text: {
    name: 'Text',
    labelField: 'text',
    newData: { text: 'Heading', variant: 'heading' },
    newSize: null,
    expectedSize: { width: 184, height: 49 },
    handles: 'vertical',
    fields: [
      { key: 'text', label: 'Text', type: 'text' },
      { key: 'variant', label: 'Style', type: 'select', options: optionsOf({ heading: 'Heading', label: 'Label' }) },
    ],
  },
};

export function defaultNodeData<K extends NodeKind>(kind: K): NodeDataOf<K> {
  return structuredClone(NODE_KIND_INFO[kind].newData);
}

export function nodeLabel(node: BoardNode): string {
  return String((node.data as Record<string, unknown>)[NODE_KIND_INFO[node.kind].labelField as string] ?? '');
}
