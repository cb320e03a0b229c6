import { describe, expect, it } from 'vitest';
import { AppErrorException, type AppError } from '@shared/errors';
import { MAX_QUERY_RETRIES, shouldRetryQuery } from './query-client';

const failure = (error: AppError) => new AppErrorException(error);

describe('query retry policy', () => {
  it('never retries a 4xx answer or a validation error', () => {
    expect(shouldRetryQuery(0, failure({ kind: 'cos', code: 'AccessDenied', status: 403 }))).toBe(false);
    expect(shouldRetryQuery(0, failure({ kind: 'cos', code: 'NoSuchBucket', status: 404 }))).toBe(false);
    expect(shouldRetryQuery(0, failure({ kind: 'validation', code: 'ValidationError' }))).toBe(false);
    expect(shouldRetryQuery(0, failure({ kind: 'session', code: 'NotSignedIn' }))).toBe(false);
  });

  it('retries network trouble, timeouts and 5xx at most twice', () => {
    for (const error of [
      failure({ kind: 'network', code: 'NetworkError' }),
      failure({ kind: 'timeout', code: 'Timeout' }),
      failure({ kind: 'cos', code: 'InternalError', status: 503 }),
    ]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(MAX_QUERY_RETRIES - 1, error)).toBe(true);
      expect(shouldRetryQuery(MAX_QUERY_RETRIES, error)).toBe(false);
    }
    expect(MAX_QUERY_RETRIES).toBe(2);
  });

  it('does not retry what the main process already retried', () => {
    const retried = failure({ kind: 'cos', code: 'SlowDown', status: 503, attempts: 4 });
    expect(shouldRetryQuery(0, retried)).toBe(false);
    expect(shouldRetryQuery(0, failure({ kind: 'timeout', code: 'Timeout', attempts: 2 }))).toBe(false);
  });
});
