import type { ErrorCode } from '../../shared/errors';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};
