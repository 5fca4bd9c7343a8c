import type Database from 'better-sqlite3';

/** An open SQLite database: the store's, the room's and the backups' handle on it. */
export type Db = Database.Database;
