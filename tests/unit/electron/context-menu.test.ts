import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contextMenuTemplate, keepSpellcheckOffline, OFFLINE_DICTIONARY_URL, type ContextMenuInputs } from '../../../main/electron/context-menu';

const flags = (over: Partial<ContextMenuInputs['editFlags']> = {}): ContextMenuInputs['editFlags'] => ({
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: true,
  canDelete: false,
  canSelectAll: true,
  canEditRichly: false,
  ...over,
});
const params = (over: Partial<ContextMenuInputs> = {}): ContextMenuInputs => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags(),
  ...over,
});
const actions = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn() });
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the right-click menu', () => {
  it('puts a misspelled word’s suggestions first, each replacing the word', () => {
    const act = actions();
    const items = contextMenuTemplate(params({ misspelledWord: 'stakholder', dictionarySuggestions: ['stakeholder', 'stockholder'] }), act);
    expect(labels(items)).toEqual(['stakeholder', 'stockholder', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    click(items[0]);
    expect(act.replaceMisspelling).toHaveBeenCalledExactlyOnceWith('stakeholder');
    click(items[2]);
    expect(act.addToDictionary).toHaveBeenCalledExactlyOnceWith('stakholder');
  });

  it('says so when the dictionary has no suggestion, and offers at most five', () => {
    expect(contextMenuTemplate(params({ misspelledWord: 'xqzt' }), actions())[0]).toMatchObject({ label: 'No suggestions', enabled: false });
    const many = contextMenuTemplate(params({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'tech', 'ten', 'tea', 'tee', 'then', 'they'] }), actions());
    expect(labels(many).slice(0, 6)).toEqual(['the', 'tech', 'ten', 'tea', 'tee', 'Add to Dictionary']);
  });

  it('in a plain text field, offers cut, copy, paste and select all, enabled as the page says', () => {
    const items = contextMenuTemplate(params({ editFlags: flags({ canCut: true, canCopy: true, canPaste: false }) }), actions());
    expect(items.filter((i) => i.role).map((i) => [i.role, i.enabled])).toEqual([
      ['cut', true],
      ['copy', true],
      ['paste', false],
      ['selectAll', true],
    ]);
  });

  it('offers Copy for selected text outside a field, and nothing at all where there is nothing to do', () => {
    expect(labels(contextMenuTemplate(params({ isEditable: false, selectionText: 'Decision-maker', editFlags: flags({ canCopy: true }) }), actions()))).toEqual(['copy']);
    expect(contextMenuTemplate(params({ isEditable: false }), actions())).toEqual([]);
  });

  it('never offers spelling outside an editable field', () => {
    expect(labels(contextMenuTemplate(params({ isEditable: false, misspelledWord: 'teh', dictionarySuggestions: ['the'] }), actions()))).toEqual([]);
  });
});

describe('the spellchecker, offline', () => {
  it('points the dictionary download at the machine itself, never a CDN', () => {
    const session = { setSpellCheckerDictionaryDownloadURL: vi.fn() };
    keepSpellcheckOffline(session);
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledExactlyOnceWith(OFFLINE_DICTIONARY_URL);
    const url = new URL(OFFLINE_DICTIONARY_URL);
    expect(url.hostname).toBe('127.0.0.1');
    // Electron forms the address as `${url}${file}`: the trailing slash keeps the host and port as they are.
    expect(OFFLINE_DICTIONARY_URL.endsWith('/')).toBe(true);
  });
});
