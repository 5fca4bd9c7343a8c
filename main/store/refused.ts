/** Groundwork will not work on this database (or cannot open one at all); the message says why and what to do. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}
