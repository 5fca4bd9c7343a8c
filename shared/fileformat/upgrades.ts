/** A JSON object as read from a file, before it is checked against the current schema. */
export type RawDocument = Record<string, unknown>;

/**
 * Brings a document written in version N up to version N + 1. It receives a parsed object that
 * has passed only the envelope checks, so it must not trust any field it reads, and it returns
 * a new object whose `version` is N + 1. The schema checks the result.
 */
export type Upgrade = (document: RawDocument) => RawDocument;

/**
 * Upgrades keyed by the version they read. When the format changes, FORMAT_VERSION goes up by one
 * and the step from the previous version is added here, so every file ever written still opens.
 * Version 1 is the first published format: there is nothing to upgrade yet.
 */
export const UPGRADES: Readonly<Record<number, Upgrade>> = {};
