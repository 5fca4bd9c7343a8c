import { addReport } from '../capture';
import { LabelEditor } from '../LabelEditor';
import type { LabelEditing } from '../useLabelEditing';
import type { CompactKind } from './detail';

/**
 * The editor of a role's person or a decision-maker's name, on the full card and on the compact
 * one alike: a role's reads "name, title, time-span", and Tab adds a report.
 */
export function NameEditor({ id, kind, value, labelEditing }: { id: string; kind: CompactKind; value: string; labelEditing: LabelEditing }) {
  const { commit, cancel, seed } = labelEditing;
  return kind === 'role' ? (
    <LabelEditor value={value} multiline={false} label="Person" placeholder="Name, title, time-span" onCommit={commit} onCancel={cancel} seed={seed} onTab={() => addReport(id)} />
  ) : (
    <LabelEditor value={value} multiline={false} label="Name" onCommit={commit} onCancel={cancel} seed={seed} />
  );
}
