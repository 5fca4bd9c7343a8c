import { NOTE_CATEGORY_NAMES, PURCHASE_ROLE_NAMES, STANCE_NAMES, type NodeKind } from '../../shared/model';

export type FieldSpec =
  | { key: string; label: string; type: 'text' | 'textarea' }
  | { key: string; label: string; type: 'select'; options: { value: string; label: string }[]; nullable?: boolean }
  | { key: string; label: string; type: 'number'; min: number; max: number }
  | { key: string; label: string; type: 'checkbox' }
  | { key: string; label: string; type: 'stratum' }
  | { key: string; label: string; type: 'timeSpan' };

const optionsOf = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

/** The inspector's fields for each kind: every field of the node's data, in the order a facilitator fills them. */
export const FIELDS: Record<NodeKind, FieldSpec[]> = {
  role: [
    { key: 'person', label: 'Person', type: 'text' },
    { key: 'title', label: 'Title', type: 'text' },
    { key: 'stratum', label: 'Stratum', type: 'stratum' },
    { key: 'timeSpan', label: 'Time-span', type: 'timeSpan' },
    { key: 'notes', label: 'Notes', type: 'textarea' },
  ],
  decisionMaker: [
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
  goldenCircle: [
    { key: 'why', label: 'Why', type: 'textarea' },
    { key: 'how', label: 'How', type: 'textarea' },
    { key: 'what', label: 'What', type: 'textarea' },
  ],
  note: [
    { key: 'text', label: 'Text', type: 'textarea' },
    { key: 'category', label: 'Category', type: 'select', options: optionsOf(NOTE_CATEGORY_NAMES) },
    { key: 'votes', label: 'Votes', type: 'number', min: 0, max: 999 },
  ],
  stage: [
    { key: 'title', label: 'Title', type: 'text' },
    { key: 'step', label: 'Step', type: 'number', min: 1, max: 999 },
    { key: 'notes', label: 'Notes', type: 'textarea' },
  ],
  frame: [{ key: 'title', label: 'Title', type: 'text' }],
  text: [
    { key: 'text', label: 'Text', type: 'text' },
    { key: 'variant', label: 'Style', type: 'select', options: optionsOf({ heading: 'Heading', label: 'Label' }) },
  ],
};
