// shared/ is checked without the DOM and without Node's types, so that it uses neither. These are
// the few globals it needs: both Node 20 and every browser provide them.

declare function structuredClone<T>(value: T): T;

declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  has(name: string): boolean;
  get(name: string): string | null;
  toString(): string;
}
