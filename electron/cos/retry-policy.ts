/**
 * When a COS request may be sent again. The SDK on its own retries every 5xx and network failure three times at
 * once, DELETE included; COS Desk decides instead, per kind of operation:
 * - reads (GET Service, HEAD Bucket) change nothing, so they retry with growing pauses;
 * - PUT Bucket may retry too: a name is created once at most, and a retry that answers BucketAlreadyOwnedByYou
 *   after a lost answer is read as success by the gateway;
 * - DELETE Bucket never retries after a failure that may have acted (the caller checks with HEAD instead).
 * A retry the SDK makes because it corrected its clock always goes ahead: COS refused that request unread.
 */

export type OperationKind = 'read' | 'create' | 'delete';

export interface RetryPolicy {
  /** Tries in all, the first included. The SDK stops at 4 whatever this says. */
  maxAttempts: number;
  /** Tries that may end in a timeout: each one costs the user the whole per-try timeout. */
  maxTimeouts: number;
}

export const RETRY_POLICIES: Readonly<Record<OperationKind, RetryPolicy>> = {
  read: { maxAttempts: 4, maxTimeouts: 2 },
  create: { maxAttempts: 4, maxTimeouts: 2 },
  delete: { maxAttempts: 1, maxTimeouts: 1 },
};

/** A HEAD sent to learn what an unanswered delete did: one hung try is enough to give up and say so. */
export const RECHECK_POLICY: RetryPolicy = { maxAttempts: 4, maxTimeouts: 1 };

const DEFAULT_BACKOFF_MS = 300;
const MAX_BACKOFF_MS = 3000;

/** The pause before retry number `retry` (1 for the first retry): 300 ms, 600 ms, 1.2 s… */
export function backoffMs(retry: number, baseMs = DEFAULT_BACKOFF_MS): number {
  return Math.min(baseMs * 2 ** (retry - 1), MAX_BACKOFF_MS);
}

/** What the try that just failed looked like, as far as the retry decision needs to know. */
export interface FailedTry {
  /** Tries sent so far, the failed one included. */
  attempts: number;
  /** Of those, how many ended in a timeout. */
  timeouts: number;
  /** The failed try timed out. */
  timedOut: boolean;
}

export function mayRetry(policy: RetryPolicy, failed: FailedTry): boolean {
  if (failed.attempts >= policy.maxAttempts) return false;
  return !failed.timedOut || failed.timeouts < policy.maxTimeouts;
}
