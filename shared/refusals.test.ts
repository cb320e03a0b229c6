import { describe, expect, it } from 'vitest';
import type { AppError } from './errors';
import { isExpiredSignature, isListDenied } from './refusals';

const denied = (message: string, action?: string): AppError => ({ kind: 'cos', code: 'AccessDenied', status: 403, cosMessage: message, action });

describe('refusals read past their code', () => {
  it('tells an expired signature (a clock problem) from a missing permission', () => {
    expect(isExpiredSignature(denied('Request has expired'))).toBe(true);
    expect(isExpiredSignature(denied('Access Denied.'))).toBe(false);
    expect(isExpiredSignature({ ...denied('Request has expired'), code: 'SignatureDoesNotMatch' })).toBe(false);
  });

  it('knows a key that may not list buckets, and only that', () => {
    expect(isListDenied(denied('Access Denied.', 'cos:GetService'))).toBe(true);
    expect(isListDenied(denied('Access Denied.', 'cos:HeadBucket'))).toBe(false);
    expect(isListDenied(denied('Request has expired', 'cos:GetService'))).toBe(false);
    expect(isListDenied({ ...denied('x', 'cos:GetService'), code: 'InvalidAccessKeyId' })).toBe(false);
  });
});
