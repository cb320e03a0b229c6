import { describe, expect, it } from 'vitest';
import { RECHECK_POLICY, RETRY_POLICIES, backoffMs, mayRetry } from './retry-policy';

describe('backoffMs', () => {
  it('doubles from the base and stops growing at 3 s', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n))).toEqual([300, 600, 1200, 2400, 3000, 3000]);
    expect(backoffMs(2, 10)).toBe(20);
  });
});

describe('mayRetry', () => {
  const failed = (attempts: number, timeouts = 0, timedOut = false) => ({ attempts, timeouts, timedOut });

  it('lets reads and creates try four times in all', () => {
    for (const policy of [RETRY_POLICIES.read, RETRY_POLICIES.create]) {
      expect([1, 2, 3, 4].map((n) => mayRetry(policy, failed(n)))).toEqual([true, true, true, false]);
    }
  });

  it('allows a second hung try but not a third, so a dead link costs two timeouts', () => {
    expect(mayRetry(RETRY_POLICIES.read, failed(1, 1, true))).toBe(true);
    expect(mayRetry(RETRY_POLICIES.read, failed(2, 2, true))).toBe(false);
    // A timeout earlier does not stop a retry after a reset.
    expect(mayRetry(RETRY_POLICIES.read, failed(2, 1, false))).toBe(true);
  });

  it('never lets a delete try again, and gives a recheck one hung try', () => {
    expect(mayRetry(RETRY_POLICIES.delete, failed(1))).toBe(false);
    expect(mayRetry(RECHECK_POLICY, failed(1, 1, true))).toBe(false);
    expect(mayRetry(RECHECK_POLICY, failed(1))).toBe(true);
  });
});
