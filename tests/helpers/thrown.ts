import { expect } from 'vitest';

/** Runs `run`, expects it to throw an instance of `type`, and returns that error for closer checks. */
export function thrownBy<E extends Error>(type: new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}, nothing was thrown`);
}

/** Awaits `run`, expects it to reject with an Error, and returns that error for closer checks. */
export async function rejectionOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected a rejection, it resolved');
}
