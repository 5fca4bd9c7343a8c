import { describe, expect, it } from 'vitest';
import type { Op } from '../../../shared/ops';
import { UNDO_LIMIT, UndoHistory, type Step } from '../../../renderer/state/undo-history';

const remove = (id: string): Op => ({ type: 'node.remove', id });
const step = (id: string, batchId = `batch-${id}`): Step => ({ ops: [remove(id)], batchIds: [batchId] });

describe('undo history', () => {
  it('undoes the latest edit first, and redoes what was undone', () => {
    const history = new UndoHistory();
    history.record('b1', step('n1'), 'edit');
    history.record('b1', step('n2'), 'edit');
    expect(history.takeUndo('b1')).toEqual(step('n2'));
    history.record('b1', step('n2-back'), 'undone');
    expect(history.canRedo('b1')).toBe(true);
    expect(history.takeRedo('b1')).toEqual(step('n2-back'));
    history.record('b1', step('n2-again'), 'redone');
    expect(history.takeUndo('b1')).toEqual(step('n2-again'));
    expect(history.takeUndo('b1')).toEqual(step('n1'));
    expect(history.canUndo('b1')).toBe(false);
  });

  it('clears redo on a new edit, but not on a redo', () => {
    const history = new UndoHistory();
    history.record('b1', step('n1'), 'undone');
    history.record('b1', step('n2'), 'redone');
    expect(history.canRedo('b1')).toBe(true);
    history.record('b1', step('n3'), 'edit');
    expect(history.canRedo('b1')).toBe(false);
  });

  it('keeps each board its own steps', () => {
    const history = new UndoHistory();
    history.record('b1', step('n1'), 'edit');
    expect(history.canUndo('b2')).toBe(false);
    expect(history.takeUndo('b2')).toBeUndefined();
    expect(history.canUndo('b1')).toBe(true);
  });

  it('drops the steps of a refused batch from undo and redo, and keeps the others', () => {
    const history = new UndoHistory();
    history.record('b1', step('n1'), 'edit');
    history.record('b1', { ops: [remove('n2')], batchIds: ['kept', 'refused'] }, 'edit');
    history.record('b1', step('n3', 'refused'), 'undone');
    history.forgetBatch('b1', 'refused');
    expect(history.canRedo('b1')).toBe(false);
    expect(history.takeUndo('b1')).toEqual(step('n1'));
    expect(history.canUndo('b1')).toBe(false);
  });

  it('forgets the oldest steps past the limit', () => {
    const history = new UndoHistory();
    for (let i = 0; i <= UNDO_LIMIT; i++) history.record('b1', step(`n${i}`), 'edit');
    const undone: Step[] = [];
    for (let next = history.takeUndo('b1'); next; next = history.takeUndo('b1')) undone.push(next);
    expect(undone).toHaveLength(UNDO_LIMIT);
    expect(undone[undone.length - 1]).toEqual(step('n1'));
  });

  it('joins what the latest edit caused to its step: one undo takes back both, the caused ops first', () => {
    const history = new UndoHistory();
    history.record('b1', step('edit'), 'edit');
    expect(history.canAmend('b1')).toBe(true);
    history.amend('b1', step('caused'));
    history.amend('b1', step('caused-later'));
    expect(history.takeUndo('b1')).toEqual({
      ops: [remove('caused-later'), remove('caused'), remove('edit')],
      batchIds: ['batch-edit', 'batch-caused', 'batch-caused-later'],
    });
    expect(history.canUndo('b1')).toBe(false);
  });

  it('joins nothing to a step that is no longer the latest edit', () => {
    const history = new UndoHistory();
    history.record('b1', step('edit'), 'edit');
    history.record('b1', step('undo-of-something'), 'undone');
    expect(history.canAmend('b1')).toBe(false);

    history.record('b1', step('edit-2'), 'edit');
    history.record('b2', step('elsewhere'), 'edit');
    expect(history.canAmend('b1')).toBe(false);
    expect(history.canAmend('b2')).toBe(true);

    history.forgetBatch('b2', 'batch-elsewhere');
    expect(history.canAmend('b2')).toBe(false);
  });
});
