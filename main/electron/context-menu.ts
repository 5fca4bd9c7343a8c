import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** What the right-click menu is built from: the parts of Electron's ContextMenuParams it reads. */
export type ContextMenuInputs = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>;

/** What the menu's own items do, given by main for the web contents it opened on. */
interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** Chromium offers a handful; more would push cut, copy and paste off a small screen. */
const MAX_SUGGESTIONS = 5;

/**
 * The right-click menu of a page. Electron shows none by default, so without it a misspelled
 * word is underlined with no way to fix it, and pasting takes the keyboard. A misspelled word
 * comes first with its suggestions, then the clipboard items, each enabled as the page says
 * (editFlags). Empty (so nothing opens) where there is nothing to do: a right-click on the canvas.
 */
export function contextMenuTemplate(params: ContextMenuInputs, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const word = params.isEditable ? params.misspelledWord : '';
  if (word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length) {
      for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    } else {
      items.push({ label: 'No suggestions', enabled: false });
    }
    items.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy', enabled: flags.canCopy });
  }
  return items;
}

/**
 * Where the spellchecker would fetch its Hunspell dictionaries (Linux, and Windows where Chromium
 * does not use the OS's own checker): by default a Google CDN, a network call from an app that
 * promises to need none. Electron refuses an invalid URL, so it gets one that cannot reach
 * anything: loopback (the request never leaves the machine) on port 9, the discard port, which
 * Chromium's list of restricted ports refuses before a socket opens. Dictionaries already in the
 * profile's Dictionaries folder are still used; without one, words are not underlined there. macOS
 * uses its own spellchecker and downloads nothing (the call does nothing there).
 */
export const OFFLINE_DICTIONARY_URL = 'http://127.0.0.1:9/';

interface SpellcheckSession {
  setSpellCheckerDictionaryDownloadURL(url: string): void;
}

/** Call before any window opens: the first editable field would start a download. */
export function keepSpellcheckOffline(session: SpellcheckSession): void {
  session.setSpellCheckerDictionaryDownloadURL(OFFLINE_DICTIONARY_URL);
}
