import { describe, expect, it } from 'vitest';
import { keyAction, type KeyContext, type KeyInput } from '../../../renderer/canvas/key-actions';
import type { NodeKind } from '../../../shared/model';

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });
const on = (...selected: NodeKind[]): KeyContext => ({ selected, edgeSelected: false, inCanvas: true, onNode: false });

describe('the canvas keys', () => {
  it('Tab on a selected role adds a report; with nothing selected or outside the canvas it is left to the browser', () => {
    expect(keyAction(press('Tab'), on('role'))).toEqual({ type: 'addReport' });
    expect(keyAction(press('Tab'), on())).toBeNull();
    expect(keyAction(press('Tab'), on('note'))).toBeNull();
    expect(keyAction(press('Tab', { shiftKey: true }), on('role'))).toBeNull();
    expect(keyAction(press('Tab'), { ...on('role'), inCanvas: false })).toBeNull();
  });

  it('Enter adds a sibling to a role or a decision-maker, edits any other node, and adds a role on an empty selection', () => {
    expect(keyAction(press('Enter'), on('role'))).toEqual({ type: 'addSibling' });
    expect(keyAction(press('Enter'), on('decisionMaker'))).toEqual({ type: 'addSibling' });
    expect(keyAction(press('Enter'), on('note'))).toEqual({ type: 'edit' });
    expect(keyAction(press('Enter'), on())).toEqual({ type: 'addRole' });
    // A focused node that is not selected: React Flow selects it.
    expect(keyAction(press('Enter'), { ...on(), onNode: true })).toBeNull();
  });

  it('a letter on one selected node starts typing it; N on nothing adds a note', () => {
    expect(keyAction(press('D'), on('role'))).toEqual({ type: 'type', text: 'D' });
    expect(keyAction(press('é'), on('note'))).toEqual({ type: 'type', text: 'é' });
    expect(keyAction(press('D'), on('role', 'role'))).toBeNull();
    expect(keyAction(press('n'), on())).toEqual({ type: 'addNote' });
    expect(keyAction(press('n'), on('role'))).toEqual({ type: 'type', text: 'n' });
  });

  it('arrows walk the selection, Alt+arrows move the nodes (Shift for bigger steps)', () => {
    expect(keyAction(press('ArrowUp'), on('role'))).toEqual({ type: 'navigate', direction: 'up' });
    expect(keyAction(press('ArrowLeft', { altKey: true }), on('role'))).toEqual({ type: 'move', direction: 'left', far: false });
    expect(keyAction(press('ArrowLeft', { altKey: true, shiftKey: true }), on('note'))).toEqual({ type: 'move', direction: 'left', far: true });
    expect(keyAction(press('ArrowUp'), on())).toBeNull();
    // A board tab has the focus: Alt+← moves the board, not the selected nodes.
    expect(keyAction(press('ArrowLeft', { altKey: true }), { ...on('role'), inCanvas: false })).toBeNull();
  });

  it('digits set the stratum of roles and decision-makers, 0 clears it; not on notes', () => {
    expect(keyAction(press('4'), on('role', 'decisionMaker'))).toEqual({ type: 'stratum', stratum: 4 });
    expect(keyAction(press('0'), on('role'))).toEqual({ type: 'stratum', stratum: null });
    expect(keyAction(press('9'), on('role'))).toBeNull();
    expect(keyAction(press('4'), on('note'))).toBeNull();
  });

  it('Alt+letter commands read the physical key, so macOS Option characters do not matter', () => {
    expect(keyAction(press('®', { altKey: true, code: 'KeyR' }), on('role'))).toEqual({ type: 'reportsTo' });
    expect(keyAction(press('†', { altKey: true, code: 'KeyT' }), on('role'))).toEqual({ type: 'timeSpan' });
    expect(keyAction(press('π', { altKey: true, code: 'KeyP' }), on('decisionMaker'))).toEqual({ type: 'purchaseRole' });
    expect(keyAction(press('n', { altKey: true, code: 'KeyN' }), on('role'))).toEqual({ type: 'addNote' });
    expect(keyAction(press('r', { altKey: true, code: 'KeyR' }), on('note'))).toBeNull();
  });

  it('+ = - set a decision-maker\'s stance', () => {
    expect(keyAction(press('+'), on('decisionMaker'))).toEqual({ type: 'stance', stance: 'supporter' });
    expect(keyAction(press('='), on('decisionMaker'))).toEqual({ type: 'stance', stance: 'neutral' });
    expect(keyAction(press('-'), on('decisionMaker'))).toEqual({ type: 'stance', stance: 'sceptic' });
    expect(keyAction(press('-'), on('role'))).toBeNull();
  });

  it('Esc clears a selection and is left alone without one; F6 jumps between regions; ? opens the sheet', () => {
    expect(keyAction(press('Escape'), on('role'))).toEqual({ type: 'deselect' });
    expect(keyAction(press('Escape'), on())).toBeNull();
    expect(keyAction(press('F6'), { ...on(), inCanvas: false })).toEqual({ type: 'nextRegion' });
    expect(keyAction(press('F6', { shiftKey: true }), on())).toEqual({ type: 'previousRegion' });
    expect(keyAction(press('?'), on())).toEqual({ type: 'help' });
  });

  it('leaves the letters, ? and Esc to the presentation while presenting from the editor', () => {
    const presenting = { ...on('role'), presenting: true };
    expect(keyAction(press('f'), presenting)).toBeNull();
    expect(keyAction(press('?'), presenting)).toBeNull();
    expect(keyAction(press('Escape'), presenting)).toBeNull();
    expect(keyAction(press('Tab'), presenting)).toEqual({ type: 'addReport' });
  });

  it('keeps the history keys, and leaves copy and paste to the clipboard events, which carry the text', () => {
    expect(keyAction(press('z', { ctrlKey: true }), on())).toEqual({ type: 'undo' });
    expect(keyAction(press('Z', { metaKey: true, shiftKey: true }), on())).toEqual({ type: 'redo' });
    expect(keyAction(press('c', { ctrlKey: true }), on('note'))).toBeNull();
    expect(keyAction(press('v', { ctrlKey: true }), on('note'))).toBeNull();
  });
});
