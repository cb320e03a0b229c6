/** Creates and deletes whose answers were lost, settled against the emulator: what the user hears matches COS. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException, type AppError } from '@shared/errors';
import { createCosGateway, type CosGateway } from '../cos/gateway';
import { OWNER, SEED, createInput, credentialsFor } from '../testing/cos-fixtures';
import { memorySettings } from '../testing/memory-settings';
import { AddedBucketStore } from './added-buckets';
import { BucketService } from './bucket-service';

const PROFILE = 'p1';
const serviceOver = (gateway: CosGateway) =>
  new BucketService({ gateway: () => gateway, activeProfileId: () => PROFILE }, new AddedBucketStore(memorySettings()));

let emulator: Emulator;
let service: BucketService;

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
  const gateway = createCosGateway(credentialsFor(emulator, OWNER), { timeoutMs: 300, backoffMs: 1 });
  service = serviceOver(gateway);
});
afterEach(() => emulator.close());

const backup = { bucket: 'backup-1250000000', region: 'ap-shanghai' };
const names = () => emulator.buckets().map((b) => b.name);
const deletes = () => emulator.requests().filter((r) => r.method === 'DELETE');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  return (error as AppErrorException).error;
}

describe('delete after an ambiguous failure', () => {
  it('is a success, confirmed by a check, when the lost answer hid a delete that happened', async () => {
    emulator.faults.add({ operation: 'DeleteBucket', kind: 'resetAfter' });
    await expect(service.deleteBucket(backup)).resolves.toEqual({ ...backup, confirmedByCheck: true });
    expect(names()).not.toContain(backup.bucket);
    expect(deletes()).toHaveLength(1);
  });

  it.each(['resetBefore', 'status', 'hang'] as const)(
    'after %s says the bucket is still there, and sends no second DELETE',
    async (kind) => {
      emulator.faults.add({ operation: 'DeleteBucket', kind });
      const error = await refusal(service.deleteBucket(backup));
      expect(error).toMatchObject({ code: 'BucketStillThere', action: 'cos:DeleteBucket', params: { bucket: backup.bucket } });
      expect(names()).toContain(backup.bucket);
      expect(deletes()).toHaveLength(1);
    },
  );

  it('says it cannot tell when the check fails too', async () => {
    emulator.faults.add({ operation: 'DeleteBucket', kind: 'resetAfter' });
    emulator.faults.add({ operation: 'HeadBucket', kind: 'hang', times: Infinity });
    const error = await refusal(service.deleteBucket(backup));
    expect(error).toMatchObject({ code: 'OutcomeUnknown', params: { checkFailure: 'Timeout' } });
    // One hung check is enough to give up on it.
    expect(emulator.requests().filter((r) => r.method === 'HEAD')).toHaveLength(1);
  });

  it('says it cannot tell when the key may delete but not check buckets', async () => {
    const deleter = { ...OWNER, secretId: 'AKIDDELETER0000000000000000000000007', allow: ['cos:DeleteBucket'] };
    const emulatorWithDeleter = await startEmulator({ seed: { ...SEED, accounts: [OWNER, deleter] } });
    try {
      emulatorWithDeleter.faults.add({ operation: 'DeleteBucket', kind: 'resetBefore' });
      const gateway = createCosGateway(credentialsFor(emulatorWithDeleter, deleter), { backoffMs: 1 });
      const error = await refusal(serviceOver(gateway).deleteBucket(backup));
      expect(error).toMatchObject({ code: 'OutcomeUnknown', params: { checkFailure: 'AccessDenied' } });
    } finally {
      await emulatorWithDeleter.close();
    }
  });

  it('passes a clear refusal through untouched', async () => {
    const error = await refusal(service.deleteBucket({ bucket: 'logs-1250000000', region: 'ap-beijing' }));
    expect(error.code).toBe('BucketNotEmpty');
    expect(emulator.requests().filter((r) => r.method === 'HEAD')).toHaveLength(0);
  });
});

describe('create after a lost answer', () => {
  it('is a success when the bucket the first try made is in the region asked for', async () => {
    emulator.faults.add({ operation: 'PutBucket', kind: 'resetAfter' });
    await expect(service.createBucket(createInput({ name: 'lost' }))).resolves.toMatchObject({
      bucket: { name: 'lost-1250000000', region: 'ap-guangzhou' },
      alreadyOwned: true,
    });
    expect(names().filter((n) => n === 'lost-1250000000')).toHaveLength(1);
  });

  it('is a refusal when the name is one the user already owned in another region', async () => {
    // The first try fails before acting; its retry then meets the user's old bucket of the same name elsewhere.
    emulator.faults.add({ operation: 'PutBucket', kind: 'status' });
    const error = await refusal(service.createBucket(createInput({ name: 'logs', region: 'ap-guangzhou' })));
    expect(error).toMatchObject({ code: 'BucketOwnedInOtherRegion', status: 409, params: { bucket: 'logs-1250000000', region: 'ap-guangzhou' } });
    expect(emulator.buckets().find((b) => b.name === 'logs-1250000000')?.region).toBe('ap-beijing');
  });
});
