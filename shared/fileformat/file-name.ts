/**
 * Sessions and templates are saved as `<title>.groundwork`: one extension, because Windows
 * Explorer (and macOS's type lookup) go by the last one only, so a double-click on
 * `x.groundwork.json` found the `.json` handler, never Groundwork. Files saved under the earlier
 * `.groundwork.json` name are still read everywhere a file comes in.
 */
const DOCUMENT_EXTENSION = '.groundwork';

/** Either extension, whatever the case, after a name of at least one character (not a dot folder such as `~/.groundwork`). */
const DOCUMENT_NAME = /[^/\\]\.groundwork(\.json)?$/i;

/** Whether a file name or path is a Groundwork document's, by either extension. */
export function isDocumentFileName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/** Characters no file system takes in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
const MAX_NAME = 120;

/** '<title><extension>', with the characters Windows, macOS and Linux refuse replaced. */
export function safeFileName(title: string, extension: string): string {
  const safe = title.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, MAX_NAME).trim();
  return `${safe || 'Untitled'}${extension}`;
}

/** '<title>.groundwork': what an exported session or template is called. */
export const documentFileName = (title: string) => safeFileName(title, DOCUMENT_EXTENSION);
