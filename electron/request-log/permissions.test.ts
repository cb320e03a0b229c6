import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '@shared/request-log-contract';
import { CAM_ACTIONS } from '@shared/cam';
import { PermissionRecord, verdictOf } from './permissions';

const PHOTOS = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };

function finished(fields: Partial<RequestLogEntry>, target = PHOTOS) {
  const entry: RequestLogEntry = {
    id: 0,
    time: '2026-01-01T00:00:00.000Z',
    profile: 'Studio',
    profileId: 'p1',
    method: 'GET',
    host: 'h',
    path: '/',
    query: '',
    tries: 1,
    bytesSent: 0,
    bytesReceived: 0,
    pending: false,
    ...fields,
  };
  return { entry, target };
}

describe('what a request says about its permission', () => {
  it.each([
    [{ status: 200 }, 'allowed'],
    [{ status: 204 }, 'allowed'],
    [{ status: 404, errorCode: 'NoSuchKey' }, 'allowed'],
    [{ status: 403, errorCode: 'AccessDenied' }, 'denied'],
    [{ status: 403, method: 'HEAD' }, 'denied'],
    [{ status: 403, errorCode: 'SignatureDoesNotMatch' }, undefined],
    [{ status: 403, errorCode: 'RequestTimeTooSkewed' }, undefined],
    [{ status: 409, errorCode: 'BucketNotEmpty' }, undefined],
    [{ status: 503, errorCode: 'SlowDown' }, undefined],
    [{ networkError: 'ETIMEDOUT' }, undefined],
  ] as const)('%o → %s', (fields, verdict) => {
    expect(verdictOf(finished({ action: 'cos:GetBucket', ...fields }))).toBe(verdict);
  });
});

describe('the permissions of a profile', () => {
  it('lists every action the app may need, each allowed, denied or not tried, per profile', () => {
    const record = new PermissionRecord();
    record.record(finished({ action: 'cos:GetService', status: 200 }));
    record.record(finished({ action: 'cos:PutObject', status: 403, errorCode: 'AccessDenied' }));
    record.record(finished({ action: 'cos:HeadBucket', status: 200, profileId: 'p2' }));
    const states = Object.fromEntries(record.of('p1').map((p) => [p.action, p.state]));
    expect(states['cos:GetService']).toBe('allowed');
    expect(states['cos:PutObject']).toBe('denied');
    expect(states['cos:HeadBucket']).toBe('notTried');
    expect(Object.keys(states)).toEqual(CAM_ACTIONS.filter((a) => a !== 'cos:GetObject'));
    expect(record.of('p2').find((p) => p.action === 'cos:HeadBucket')?.state).toBe('allowed');
  });

  it('keeps the latest answer per resource, and names the resources denied', () => {
    const record = new PermissionRecord();
    const other = { bucket: 'logs-1250000000', region: 'ap-beijing' };
    record.record(finished({ action: 'cos:GetBucket', status: 403, errorCode: 'AccessDenied' }));
    record.record(finished({ action: 'cos:GetBucket', status: 200 }, other));
    expect(record.of('p1').find((p) => p.action === 'cos:GetBucket')).toEqual({
      action: 'cos:GetBucket',
      state: 'denied',
      resources: ['qcs::cos:ap-beijing:uid/1250000000:logs-1250000000/', 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/'],
      deniedResources: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/'],
    });
    // The policy changed and the same request now passes.
    record.record(finished({ action: 'cos:GetBucket', status: 200 }));
    expect(record.of('p1').find((p) => p.action === 'cos:GetBucket')?.state).toBe('allowed');
  });
});
