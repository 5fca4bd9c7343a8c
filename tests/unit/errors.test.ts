import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describePath, ErrorInfo, fromZodError, GroundworkError } from '../../shared/errors';

describe('GroundworkError', () => {
  it('round-trips through the wire shape with its code, path and message', () => {
    const error = new GroundworkError('not_found', 'No session with id s_1', ['id']);
    const info = error.toInfo();
    expect(ErrorInfo.parse(info)).toEqual({ code: 'not_found', path: ['id'], message: 'No session with id s_1' });
    const back = GroundworkError.from(info);
    expect(back).toBeInstanceOf(GroundworkError);
    expect(back.toInfo()).toEqual(info);
    expect(back.name).toBe('GroundworkError');
  });

  it('describes an empty path as the input itself', () => {
    expect(describePath([])).toBe('input');
    expect(describePath(['ops', 2, 'id'])).toBe('ops.2.id');
  });
});

describe('fromZodError', () => {
  const Schema = z.strictObject({ title: z.string().max(3), count: z.number(), tags: z.array(z.string()) });

  it('names the first offending field, under the given prefix, and counts the rest', () => {
    const result = Schema.safeParse({ title: 'ok', count: 'x', tags: [1, 2] });
    const error = fromZodError(result.error!, ['input']);
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['input', 'count']);
    expect(error.message).toMatch(/^input\.count: /);
    expect(error.message).toContain('(and 2 more problems)');
  });

  it('says "problem" for exactly one more', () => {
    const result = Schema.safeParse({ title: 'ok', count: 'x', tags: [1] });
    expect(fromZodError(result.error!).message).toContain('(and 1 more problem)');
  });

  it('reports a field past its limit as invalid input naming that field', () => {
    const result = Schema.safeParse({ title: 'long', count: 1, tags: [] });
    const error = fromZodError(result.error!);
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['title']);
  });
});
