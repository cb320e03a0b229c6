/**
 * A sub-account without cos:GetService, through the real handlers, gateway and emulator: it signs in, learns which
 * permission it lacks, adds buckets by name (checked with HEAD), keeps them per profile, and checks and deletes
 * them like any other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorAccount } from '../../e2e/emulator';
import { channelOf, type InputOf, type Method, type OutputOf } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { createMainProcess, type MainProcess } from '../app-services';
import { OWNER, SEED } from '../testing/cos-fixtures';
import { createFakeCipher } from '../testing/fake-cipher';
import { approving } from '../testing/fake-route-consent';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { AddedBucketStore } from './added-buckets';

/** May check, create and delete buckets, but not list them. */
const LIMITED: EmulatorAccount = {
  secretId: 'AKIDLIMITED00000000000000000000000011',
  secretKey: 'LimitedSecretKeyMustNotLeak0000011',
  ownerUin: OWNER.ownerUin,
  appId: OWNER.appId,
  allow: ['cos:HeadBucket', 'cos:DeleteBucket', 'cos:PutBucket'],
};

let emulator: Emulator;
let stores: TempStores;
let main: MainProcess;

beforeEach(async () => {
  emulator = await startEmulator({ seed: { ...SEED, accounts: [...(SEED.accounts ?? []), LIMITED] } });
  stores = createTempStores();
  main = createMainProcess({
    settings: stores.open('settings'),
    secretSettings: stores.open('secrets'),
    cipher: createFakeCipher(),
    routeConsent: approving(emulator.address),
    isTrustedSender: () => true,
    backoffMs: 1,
  });
});
afterEach(async () => {
  await emulator.close();
  stores.remove();
});

async function call<M extends Method>(method: M, input?: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
  return (await main.registry.invoke(channelOf(method), { url: 'app://cos-desk/index.html', isMainFrame: true }, input)) as Envelope<
    OutputOf<M>
  >;
}

async function ok<M extends Method>(method: M, input?: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${JSON.stringify(envelope.error.params ?? {})}`);
  return envelope.data;
}

function signIn(account: EmulatorAccount) {
  return call('signIn', {
    secretId: account.secretId,
    secretKey: account.secretKey,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
  });
}

const backup = { bucket: 'backup-1250000000', region: 'ap-shanghai' };

describe('a key without cos:GetService', () => {
  it('signs in: COS accepted its signature, so the keys are good', async () => {
    const session = await signIn(LIMITED);
    expect(session).toMatchObject({ ok: true, data: { signedIn: true } });
  });

  it('still fails sign-in when the keys are wrong', async () => {
    const wrong = await signIn({ ...LIMITED, secretKey: 'WrongSecretKey00000000000000000000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch' } });
    expect((await ok('getSession')).signedIn).toBe(false);
  });

  it('passes “Test connection” like sign-in: listing is not permitted, so no bucket count', async () => {
    await signIn(LIMITED);
    const state = await ok('getSession');
    const id = state.signedIn ? state.profile.id : expect.unreachable('not signed in');
    expect(await call('testProfile', { id })).toEqual({ ok: true, data: { listDenied: true } });
  });

  it('still fails “Test connection” when the saved keys stop working', async () => {
    await signIn(LIMITED);
    const state = await ok('getSession');
    const id = state.signedIn ? state.profile.id : expect.unreachable('not signed in');
    emulator.faults.add({ operation: 'GetService', kind: 'status', status: 503, times: Infinity });
    expect(await call('testProfile', { id })).toMatchObject({ ok: false, error: { code: 'SlowDown' } });
  });

  it('is told which permission the list needs', async () => {
    await signIn(LIMITED);
    expect(await call('listBucketsPage', {})).toMatchObject({
      ok: false,
      error: { kind: 'cos', code: 'AccessDenied', status: 403, action: 'cos:GetService' },
    });
  });

  it('adds an existing bucket by name after checking it, and refuses one COS does not have', async () => {
    await signIn(LIMITED);
    const added = await ok('addBucketByName', backup);
    expect(added).toMatchObject({ bucket: { name: backup.bucket, region: backup.region }, check: { status: 200 } });
    expect(await call('addBucketByName', { bucket: 'nothing-1250000000', region: 'ap-shanghai' })).toMatchObject({
      ok: false,
      error: { code: 'NoSuchBucket', status: 404 },
    });
    // A bucket lives in one region: the same name elsewhere is not there.
    expect(await call('addBucketByName', { bucket: backup.bucket, region: 'ap-beijing' })).toMatchObject({ ok: false });
    expect((await ok('listAddedBuckets')).buckets.map((b) => b.name)).toEqual([backup.bucket]);
    expect(emulator.requests().filter((r) => r.method === 'HEAD')).toHaveLength(3);
  });

  it('checks and deletes an added bucket like any other, and the delete takes it off the list', async () => {
    await signIn(LIMITED);
    await ok('addBucketByName', backup);
    expect(await ok('headBucket', backup)).toMatchObject({ status: 200, accessible: true });
    expect(await ok('deleteBucket', backup)).toMatchObject({ ...backup, confirmedByCheck: false });
    expect(emulator.buckets().map((b) => b.name)).not.toContain(backup.bucket);
    expect((await ok('listAddedBuckets')).buckets).toEqual([]);
  });

  it('keeps added buckets per profile, across a restart', async () => {
    await signIn(LIMITED);
    await ok('addBucketByName', backup);
    const state = await ok('getSession');
    const limitedId = state.signedIn ? state.profile.id : expect.unreachable('not signed in');
    await signIn(OWNER);
    expect((await ok('listAddedBuckets')).buckets).toEqual([]);
    // The settings file alone, read as the next run would.
    expect(new AddedBucketStore(stores.open('settings')).list(limitedId).map((b) => b.name)).toEqual([backup.bucket]);
    await ok('switchProfile', { id: limitedId });
    expect((await ok('removeAddedBucket', backup)).buckets).toEqual([]);
    expect(emulator.buckets().map((b) => b.name)).toContain(backup.bucket);
  });
});
