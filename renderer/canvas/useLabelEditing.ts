import { useCallback, useSyncExternalStore } from 'react';
import { roleLabelPatch } from '../../shared/levels/role-label';
import { NODE_KIND_INFO, type NodeKind } from '../../shared/model';
import { useBoard } from '../state/board-store';

/**
 * Which node is being edited, told to that node alone. Every node subscribing to the board
 * store would run thousands of selectors on each of its updates (each frame of a drag) to learn
 * that one id changed.
 */
const editingListeners = new Map<string, Set<() => void>>();
let lastEditingId = useBoard.getState().editingId;
useBoard.subscribe((state) => {
  if (state.editingId === lastEditingId) return;
  const before = lastEditingId;
  lastEditingId = state.editingId;
  for (const id of [before, lastEditingId]) if (id) editingListeners.get(id)?.forEach((notify) => notify());
});

function subscribeEditing(id: string, notify: () => void): () => void {
  let listeners = editingListeners.get(id);
  if (!listeners) editingListeners.set(id, (listeners = new Set()));
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
    if (!listeners.size) editingListeners.delete(id);
  };
}

/**
 * Text typed before a node's editor is on screen: the letter that started the edit, and whatever
 * the facilitator typed in the moment the editor took to mount. The editor starts with it.
 */
const seeds = new Map<string, string>();

/** Opens a node's label for typing; with `seed`, the editor starts with that text instead of the label. */
export function startEditing(id: string, seed?: string): void {
  if (seed === undefined) seeds.delete(id);
  else seeds.set(id, seed);
  useBoard.getState().setEditing(id);
}

/** Keeps text typed for a node whose editor has not mounted yet. */
export function appendTyped(id: string, text: string): void {
  seeds.set(id, (seeds.get(id) ?? '') + text);
}

/** Backspace before the editor mounted. */
export function dropTyped(id: string): void {
  const seed = seeds.get(id);
  if (seed) seeds.set(id, seed.slice(0, -1));
}

function takeSeed(id: string): string | undefined {
  const seed = seeds.get(id);
  seeds.delete(id);
  return seed;
}

/** The ops' data for a label as typed: a role reads "person, title, time-span"; others take the text as it is. */
function labelPatch(id: string, kind: NodeKind, value: string): Record<string, unknown> | null {
  const node = useBoard.getState().doc.nodes.get(id);
  if (!node) return null;
  if (node.kind === 'role') {
    const patch = roleLabelPatch(value, node.data);
    return Object.keys(patch).length ? patch : null;
  }
  const field = NODE_KIND_INFO[kind].labelField as string;
  return (node.data as Record<string, unknown>)[field] === value ? null : { [field]: value };
}

/** Whether node `id` is being edited. */
export function useIsEditing(id: string): boolean {
  const subscribe = useCallback((notify: () => void) => subscribeEditing(id, notify), [id]);
  return useSyncExternalStore(subscribe, () => useBoard.getState().editingId === id);
}

/** Ends the edit of node `id`, keeping `value` as its label. */
function keepLabel(id: string, kind: NodeKind, value: string): void {
  const { edit, setEditing } = useBoard.getState();
  setEditing(null);
  const data = labelPatch(id, kind, value);
  if (data) edit([{ type: 'node.update', id, data }]);
}

/**
 * Enter or Tab before the node's editor took the focus (a card just added, on a busy machine):
 * what was typed for it is kept there and then, as the editor would have, so the keys that
 * follow act on the board and the next name typed is not added to this one.
 */
export function keepTyped(id: string): void {
  const node = useBoard.getState().doc.nodes.get(id);
  const typed = takeSeed(id);
  if (node && typed !== undefined) keepLabel(id, node.kind, typed);
  else useBoard.getState().setEditing(null);
}

export type LabelEditing = ReturnType<typeof useLabelEditing>;

/** What a node needs for inline editing: whether it is being edited, and how to keep or drop the text. */
export function useLabelEditing(id: string, kind: NodeKind) {
  const editing = useIsEditing(id);
  const commit = useCallback((value: string) => keepLabel(id, kind, value), [id, kind]);
  const cancel = useCallback(() => {
    seeds.delete(id);
    useBoard.getState().setEditing(null);
  }, [id]);
  const seed = useCallback(() => takeSeed(id), [id]);
  return { editing, commit, cancel, seed };
}
