import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_method',
  'too_large',
  /** Too many requests in a short time: the same one may succeed after a wait. */
  'rate_limited',
  'forbidden',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({
  code: ErrorCode,
  /** Where in the input the problem is, e.g. ["ops", 2, "node", "data", "person"]. */
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** Errors are values with a code, a field path and a plain-words message (STYLE.md). */
export class GroundworkError extends Error {
  readonly code: ErrorCode;
  readonly path: (string | number)[];

  constructor(code: ErrorCode, message: string, path: (string | number)[] = []) {
    super(message);
    this.name = 'GroundworkError';
    this.code = code;
    this.path = path;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, path: this.path, message: this.message };
  }

  static from(info: ErrorInfo): GroundworkError {
    return new GroundworkError(info.code, info.message, info.path);
  }
}

export function describePath(path: readonly (string | number | symbol)[]): string {
  return path.length ? path.map(String).join('.') : 'input';
}

/** Turns a zod failure into our error, naming the first offending field. */
export function fromZodError(error: z.ZodError, prefix: (string | number)[] = []): GroundworkError {
  const issue = error.issues[0];
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  // A field past its limit is bad input naming that field; 'too_large' is for a whole request.
  return new GroundworkError('invalid_input', `${describePath(path)}: ${issue.message}${more}`, path);
}
