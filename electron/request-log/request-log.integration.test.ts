/** The request log through the real SDK against the emulator: what it records of each request, faults included. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { createCosGateway } from '../cos/gateway';
import { Redactor } from '../secrets/redactor';
import { credentialsFor, OWNER, READER, SEED, TEMPORARY } from '../testing/cos-fixtures';
import { logFilePath } from './log-file';
import { PermissionRecord } from './permissions';
import { RequestLog } from './request-log';

let emulator: Emulator;
let folder: string;
let log: RequestLog;

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
  folder = mkdtempSync(join(tmpdir(), 'cos-desk-reqlog-'));
  log = new RequestLog({ file: { folder } });
});
afterEach(async () => {
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

function gatewayOf(account = OWNER, profile = 'Studio') {
  return createCosGateway(credentialsFor(emulator, account), { timeoutMs: 300, backoffMs: 1, requestLog: log.forProfile(`id-${profile}`, profile) });
}

const newest = () => log.listRequestLog({ limit: 500 }).entries;

describe('the request log', () => {
  it('records each request with its status, request id, bytes, duration and CAM action', async () => {
    const gateway = gatewayOf();
    await gateway.listBuckets();
    await gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' });
    await gateway.createFolder({ bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: '', name: 'new folder' });
    const [put, head, list] = newest();
    expect(list).toMatchObject({
      profile: 'Studio',
      profileId: 'id-Studio',
      method: 'GET',
      host: 'service.cos.myqcloud.com',
      path: '/',
      query: 'max-keys=2000',
      status: 200,
      tries: 1,
      bytesSent: 0,
      action: 'cos:GetService',
      pending: false,
    });
    expect(list.requestId).toMatch(/\S/);
    expect(list.bytesReceived).toBeGreaterThan(100);
    expect(list.durationMs).toBeGreaterThanOrEqual(0);
    expect(head).toMatchObject({ method: 'HEAD', host: 'photos-1250000000.cos.ap-guangzhou.myqcloud.com', status: 200, action: 'cos:HeadBucket', bytesReceived: 0 });
    expect(put).toMatchObject({ method: 'PUT', path: '/new folder/', status: 200, action: 'cos:PutObject' });
    expect(new Set([put.id, head.id, list.id]).size).toBe(3);
    expect(put.id).toBeGreaterThan(head.id);
  });

  it('counts the SDK’s retries as tries of one request, and keeps the last answer', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'status', status: 503, times: 2 });
    await gatewayOf().listBuckets();
    expect(emulator.requests().filter((r) => r.method === 'GET')).toHaveLength(3);
    const entries = newest();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 200, tries: 3, pending: false });
  });

  it('records a request that failed every try: the last status, the COS code, and every try', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'status', status: 500, times: Infinity });
    await expect(gatewayOf().listBuckets()).rejects.toThrow();
    expect(newest()).toMatchObject([{ status: 500, errorCode: 'InternalError', tries: 4 }]);
    expect(log.listRequestLog({ limit: 10, errorsOnly: true }).entries).toHaveLength(1);
  });

  it('records a request that got no answer with the system’s code', async () => {
    emulator.faults.add({ operation: 'HeadBucket', kind: 'hang', times: Infinity });
    await expect(gatewayOf().headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' })).rejects.toThrow();
    const [entry] = newest();
    expect(entry.status).toBeUndefined();
    expect(entry.networkError).toMatch(/^E/);
    expect(entry.tries).toBe(2);
  });

  it('records an AccessDenied with its code, and the permissions it shows', async () => {
    const record = new PermissionRecord();
    log.onFinished((request) => record.record(request));
    const gateway = gatewayOf(READER, 'Reader');
    await gateway.listBuckets();
    await expect(gateway.deleteBucket({ bucket: 'backup-1250000000', region: 'ap-shanghai' })).rejects.toMatchObject({
      error: { code: 'AccessDenied', action: 'cos:DeleteBucket', resource: 'qcs::cos:ap-shanghai:uid/1250000000:backup-1250000000/' },
    });
    expect(newest()[0]).toMatchObject({ method: 'DELETE', status: 403, errorCode: 'AccessDenied', action: 'cos:DeleteBucket' });
    const byAction = Object.fromEntries(record.of('id-Reader').map((p) => [p.action, p]));
    expect(byAction['cos:GetService']).toMatchObject({ state: 'allowed', resources: ['*'] });
    expect(byAction['cos:DeleteBucket']).toMatchObject({ state: 'denied', deniedResources: ['qcs::cos:ap-shanghai:uid/1250000000:backup-1250000000/'] });
    expect(byAction['cos:PutBucket']).toMatchObject({ state: 'notTried', resources: [] });
  });

  it('keeps no token or signature from a temporary key’s requests, in the ring or the file', async () => {
    const redactor = new Redactor();
    redactor.add(TEMPORARY.secretKey, TEMPORARY.sessionToken);
    log = new RequestLog({ file: { folder }, fileLogging: true, clean: (t) => redactor.redact(t) });
    const gateway = gatewayOf(TEMPORARY, 'Temp');
    await gateway.listBuckets();
    await gateway.listObjects({ bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: '' });
    const everything = JSON.stringify(log.entries()) + readFileSync(logFilePath(folder), 'utf8');
    expect(readFileSync(logFilePath(folder), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    for (const secret of [TEMPORARY.secretKey, TEMPORARY.sessionToken!, TEMPORARY.secretId]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/q-signature|security-token/i);
  });

  it('takes a new size at once, and records nothing at size 0', async () => {
    const gateway = gatewayOf();
    for (let i = 0; i < 3; i += 1) await gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' });
    log.configure({ size: 2 });
    expect(log.listRequestLog({ limit: 10 })).toMatchObject({ held: 2, capacity: 2 });
    log.configure({ size: 0 });
    await gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' });
    expect(newest()).toEqual([]);
  });
});
