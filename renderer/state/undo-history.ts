import type { Op } from '../../shared/ops';

export const UNDO_LIMIT = 500;

/** A step of undo or redo: the ops that take it back, and the batches of the edit they take back. */
export interface Step {
  ops: Op[];
  batchIds: string[];
}

/** Where a step goes: a new edit's, or the one that takes back an undo or a redo. */
export type StepKind = 'edit' | 'undone' | 'redone';

interface Stacks {
  undo: Step[];
  redo: Step[];
}

/**
 * The undo and redo steps of every board this window edited, and the step of its latest edit:
 * what that edit caused once the canvas measured it joins the step while it is still on top.
 */
export class UndoHistory {
  private readonly boards = new Map<string, Stacks>();
  private latest: { boardId: string; step: Step } | null = null;

  canUndo(boardId: string): boolean {
    return this.stacks(boardId).undo.length > 0;
  }

  canRedo(boardId: string): boolean {
    return this.stacks(boardId).redo.length > 0;
  }

  /** A new edit clears redo; the oldest steps go past UNDO_LIMIT. */
  record(boardId: string, step: Step, kind: StepKind): void {
    const stacks = this.stacks(boardId);
    this.latest = null;
    if (kind === 'undone') {
      stacks.redo.push(step);
      return;
    }
    stacks.undo.push(step);
    if (stacks.undo.length > UNDO_LIMIT) stacks.undo.shift();
    if (kind === 'edit') {
      stacks.redo = [];
      this.latest = { boardId, step };
    }
  }

  takeUndo(boardId: string): Step | undefined {
    return this.stacks(boardId).undo.pop();
  }

  takeRedo(boardId: string): Step | undefined {
    return this.stacks(boardId).redo.pop();
  }

  /** Whether the board's top step is this window's latest edit, which what it caused may join. */
  canAmend(boardId: string): boolean {
    const { undo } = this.stacks(boardId);
    return this.latest?.boardId === boardId && undo.length > 0 && this.latest.step === undo[undo.length - 1];
  }

  /** Joins `caused` to the latest edit's step (check canAmend first): one undo takes back both, `caused` first. */
  amend(boardId: string, caused: Step): void {
    const { undo } = this.stacks(boardId);
    const top = undo[undo.length - 1];
    const merged: Step = { ops: [...caused.ops, ...top.ops], batchIds: [...top.batchIds, ...caused.batchIds] };
    undo[undo.length - 1] = merged;
    this.latest = { boardId, step: merged };
  }

  /** An edit that was never saved cannot be undone or redone: its steps go with it. */
  forgetBatch(boardId: string, batchId: string): void {
    const stacks = this.stacks(boardId);
    const keep = (step: Step) => !step.batchIds.includes(batchId);
    stacks.undo = stacks.undo.filter(keep);
    stacks.redo = stacks.redo.filter(keep);
  }

  private stacks(boardId: string): Stacks {
    let stacks = this.boards.get(boardId);
    if (!stacks) this.boards.set(boardId, (stacks = { undo: [], redo: [] }));
    return stacks;
  }
}
