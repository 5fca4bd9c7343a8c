// Ids are minted on the client (optimistic edits) and on the server alike. crypto.getRandomValues
// exists in Node and in every browser, also on plain-http LAN pages where randomUUID does not.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${id}`;
}
