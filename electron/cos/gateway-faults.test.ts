/** The gateway through the real SDK against the emulator with faults on: what the user would be told, and what COS did. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException, type AppError } from '@shared/errors';
import { ALL_SECRETS, createInput, credentialsFor, OWN_BUCKETS, OWNER, SEED, TEMPORARY } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';
import { UnsettledOutcomeException } from './transport';

let emulator: Emulator;
let gateway: CosGateway;
const seen: AppError[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
  gateway = createCosGateway(credentialsFor(emulator, OWNER), { timeoutMs: 300, backoffMs: 1 });
});
afterEach(() => emulator.close());

async function failure(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  seen.push((error as AppErrorException).error);
  return error as AppErrorException;
}

const sent = (method: string) => emulator.requests().filter((r) => r.method === method);
const names = () => emulator.buckets().map((b) => b.name);

describe('reads retry, then say so', () => {
  it('lists after two SlowDown answers', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'status', times: 2 });
    const list = await gateway.listBuckets();
    expect(list.buckets.map((b) => b.name)).toContain('photos-1250000000');
    expect(sent('GET').map((r) => r.code ?? r.status)).toEqual(['SlowDown', 'SlowDown', 200]);
  });

  it('lists after a dropped connection', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'resetBefore' });
    await expect(gateway.listBuckets()).resolves.toMatchObject({ buckets: expect.arrayContaining([]) });
    expect(sent('GET')).toHaveLength(2);
  });

  it('gives up after four tries of a server that keeps failing, and says how many', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'status', status: 500, times: Infinity });
    const { error } = await failure(gateway.listBuckets());
    expect(error).toMatchObject({ kind: 'cos', code: 'InternalError', status: 500, attempts: 4, action: 'cos:GetService' });
    expect(sent('GET')).toHaveLength(4);
  });

  it('gives up on a check after two hung tries, naming how long the user waited', async () => {
    emulator.faults.add({ operation: 'HeadBucket', kind: 'hang', times: Infinity });
    const { error } = await failure(gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }));
    expect(error).toMatchObject({ kind: 'timeout', code: 'Timeout', attempts: 2, action: 'cos:HeadBucket' });
    // The figure is the whole wait: at least both tries' timeouts.
    expect(Number(error.params?.waitedMs)).toBeGreaterThanOrEqual(600);
    expect(sent('HEAD')).toHaveLength(2);
  });

  it('reads a list page again when its answer was cut short, instead of showing fewer buckets', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'truncatedXml' });
    const list = await gateway.listBuckets();
    expect(list.buckets.map((b) => b.name).sort()).toEqual(OWN_BUCKETS.map((b) => b.name).sort());
    expect(sent('GET')).toHaveLength(2);
  });

  it('says the answer could not be read when it is cut every time', async () => {
    emulator.faults.add({ operation: 'GetService', kind: 'truncatedXml', times: Infinity });
    const { error } = await failure(gateway.listBucketsPage());
    expect(error).toMatchObject({ kind: 'network', code: 'MalformedResponse', attempts: 3 });
  });
});

describe('a create whose answer was lost', () => {
  it('ends as success when the retry finds the bucket made by the first try', async () => {
    emulator.faults.add({ operation: 'PutBucket', kind: 'resetAfter' });
    const result = await gateway.createBucket(createInput({ name: 'lost-answer' }));
    expect(result).toMatchObject({ bucket: { name: 'lost-answer-1250000000', region: 'ap-guangzhou' }, alreadyOwned: true });
    expect(names().filter((n) => n === 'lost-answer-1250000000')).toHaveLength(1);
    expect(sent('PUT').map((r) => r.fault ?? r.code)).toEqual(['resetAfter', 'BucketAlreadyOwnedByYou']);
  });

  it('is an ordinary success when the first try did nothing', async () => {
    emulator.faults.add({ operation: 'PutBucket', kind: 'resetBefore' });
    await expect(gateway.createBucket(createInput({ name: 'retried' }))).resolves.toMatchObject({ alreadyOwned: false });
    expect(sent('PUT')).toHaveLength(2);
  });

  it('still refuses a name the user already owns when COS says so at the first try', async () => {
    const { error } = await failure(gateway.createBucket(createInput({ name: 'photos' })));
    expect(error).toMatchObject({ code: 'BucketAlreadyOwnedByYou', status: 409 });
    expect(sent('PUT')).toHaveLength(1);
  });
});

describe('a delete is never sent twice', () => {
  const backup = { bucket: 'backup-1250000000', region: 'ap-shanghai' };

  it.each([
    ['resetAfter', 'network', false],
    ['resetBefore', 'network', true],
    ['status', 'cos', true],
    ['hang', 'timeout', true],
  ] as const)('after %s it stops at one DELETE and reports the outcome as unsettled', async (kind, errorKind, stillThere) => {
    emulator.faults.add({ operation: 'DeleteBucket', kind });
    const error = await failure(gateway.deleteBucket(backup));
    expect(error).toBeInstanceOf(UnsettledOutcomeException);
    expect(error.error).toMatchObject({ kind: errorKind, action: 'cos:DeleteBucket' });
    expect(sent('DELETE')).toHaveLength(1);
    expect(names().includes('backup-1250000000')).toBe(stillThere);
  });

  it('knows a refused connection did nothing: that failure is settled', async () => {
    const closed = await startEmulator();
    await closed.close();
    const unreachable = createCosGateway({ ...credentialsFor(emulator, OWNER), endpoint: closed.address }, { backoffMs: 1 });
    const error = await failure(unreachable.deleteBucket(backup));
    expect(error).not.toBeInstanceOf(UnsettledOutcomeException);
    expect(error.error).toMatchObject({ kind: 'network', params: { reason: 'ECONNREFUSED' } });
  });

  it('reports a refusal as it is: BucketNotEmpty is settled', async () => {
    const error = await failure(gateway.deleteBucket({ bucket: 'logs-1250000000', region: 'ap-beijing' }));
    expect(error).not.toBeInstanceOf(UnsettledOutcomeException);
    expect(error.error.code).toBe('BucketNotEmpty');
  });
});

describe('clock skew', () => {
  it('corrects the clock once and keeps the correction for later calls', async () => {
    emulator.faults.add({ operation: '*', kind: 'clockSkew', times: Infinity });
    await gateway.listBuckets();
    await gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' });
    expect(emulator.requests().map((r) => `${r.method} ${r.code ?? r.status}`)).toEqual([
      'GET RequestTimeTooSkewed',
      'GET 200',
      'HEAD 200',
    ]);
  });

  it('corrects it from a HEAD answer too, which has no error body for the SDK to read', async () => {
    emulator.faults.add({ operation: '*', kind: 'clockSkew', times: Infinity });
    // Without the correction this 403 would read as "exists, but no permission".
    await expect(gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' })).resolves.toMatchObject({
      status: 200,
      accessible: true,
    });
    expect(sent('HEAD').map((r) => r.status)).toEqual([403, 200]);
  });

  it('lets a delete go again after COS refused its clock: that try did nothing', async () => {
    emulator.faults.add({ operation: '*', kind: 'clockSkew', times: Infinity });
    await expect(gateway.deleteBucket({ bucket: 'backup-1250000000', region: 'ap-shanghai' })).resolves.toMatchObject({
      confirmedByCheck: false,
    });
    expect(sent('DELETE').map((r) => r.code ?? r.status)).toEqual(['RequestTimeTooSkewed', 204]);
  });

  it('reports RequestTimeTooSkewed when the clock cannot be corrected', async () => {
    emulator.faults.add({ operation: '*', kind: 'clockSkew', sendDate: false, times: Infinity });
    const { error } = await failure(gateway.listBuckets());
    expect(error).toMatchObject({ kind: 'cos', code: 'RequestTimeTooSkewed', status: 403 });
  });
});

describe('temporary keys', () => {
  it('reports ExpiredToken once the token has expired', async () => {
    const temporary = createCosGateway(credentialsFor(emulator, TEMPORARY), { backoffMs: 1 });
    await temporary.listBuckets();
    emulator.expireToken(TEMPORARY.secretId);
    const { error } = await failure(temporary.listBuckets());
    expect(error).toMatchObject({ kind: 'cos', code: 'ExpiredToken', status: 403 });
  });
});

describe('secrets', () => {
  it('no error seen under faults carries a SecretKey or a token', () => {
    expect(seen.length).toBeGreaterThan(8);
    const text = JSON.stringify(seen);
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  });
});
