import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import { type CustomDomains, bucketDomainPattern } from './hosts';
import { hashed } from './objects';
import { DEMO_ACCOUNT, addSeededObjects, bucketFromSeed, fillerObjects } from './seed';
import { createCosServer } from './server';
import { EmulatorState } from './state';
import type { Emulator, EmulatorBucketSeed, EmulatorRequestLogEntry, EmulatorSeed } from './types';

/**
 * Starts a COS emulator on 127.0.0.1 and an ephemeral port unless told otherwise. `domains` are a private
 * deployment's host names, served besides COS's own (see hosts.ts).
 */
export async function startEmulator(
  options: { port?: number; host?: string; seed?: EmulatorSeed; domains?: CustomDomains } = {},
): Promise<Emulator> {
  const seed = options.seed ?? {};
  const accounts = seed.accounts?.length ? seed.accounts.map((a) => ({ ...a })) : [{ ...DEMO_ACCOUNT }];
  // A template it cannot serve fails here, not at the first request.
  if (options.domains?.bucketDomain) bucketDomainPattern(options.domains.bucketDomain);
  const state = new EmulatorState(accounts, seed.bucketLimit, options.domains);
  const addBucket = (bucket: EmulatorBucketSeed) => {
    state.insert(bucketFromSeed(bucket, accounts[0].ownerUin));
    if (bucket.objectCount) addSeededObjects(state, [fillerObjects(bucket.name, bucket.objectCount)]);
  };
  const existing = (name: string) => {
    const bucket = state.bucket(name);
    if (!bucket) throw new Error(`No bucket named ${name} in the emulator.`);
    return bucket;
  };
  try {
    seed.buckets?.forEach(addBucket);
    addSeededObjects(state, seed.objects ?? []);
  } catch (error) {
    state.blobs.close();
    throw error;
  }

  const log: EmulatorRequestLogEntry[] = [];
  const faults = new FaultInjector();
  const server = createCosServer(state, log, faults);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      state.blobs.close();
      reject(error);
    };
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const address = `${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${address}`,
    address,
    port,
    accounts,
    buckets: () =>
      state.sorted().map((b) => ({ ...b, grants: structuredClone(b.grants), objectCount: state.objects(b.name).currentCount() })),
    addBucket,
    setObjectCount(name, n) {
      existing(name);
      state.empty(name);
      if (n > 0) addSeededObjects(state, [fillerObjects(name, n)]);
    },
    addObjects: (seeds) => addSeededObjects(state, seeds),
    objectVersions(name) {
      const bucket = existing(name);
      const objects = state.objects(bucket.name);
      return objects.keys().flatMap((key) =>
        objects.versions(key).map((v, index) => {
          hashed(v, state.blobs);
          return {
            key,
            versionId: v.versionId,
            isLatest: index === 0,
            deleteMarker: v.deleteMarker,
            size: v.size,
            etag: v.etag,
            lastModified: new Date(v.lastModified).toISOString(),
            storageClass: v.storageClass,
          };
        }),
      );
    },
    uploads: (name) => [...state.objects(existing(name).name).uploads.values()].map((u) => ({ key: u.key, uploadId: u.uploadId })),
    dataFolder: state.blobs.folder,
    requests: () => log.map((entry) => ({ ...entry })),
    faults,
    issueTemporaryKey({ expiresAt = new Date(Date.now() + 3_600_000), allow } = {}) {
      const [owner] = accounts;
      const id = randomBytes(12).toString('hex').toUpperCase();
      const account = {
        secretId: `AKIDTMP${id}`,
        secretKey: randomBytes(24).toString('base64url'),
        sessionToken: `token-${randomBytes(32).toString('base64url')}`,
        tokenExpiresAt: expiresAt.toISOString(),
        ownerUin: owner.ownerUin,
        appId: owner.appId,
        displayName: owner.displayName,
        ...(allow ? { allow } : {}),
      };
      state.addAccount(account);
      return { ...account };
    },
    expireToken(secretId) {
      const account = state.account(secretId);
      if (!account?.sessionToken) throw new Error(`No temporary key with SecretId ${secretId} in the emulator.`);
      account.tokenExpiresAt = new Date().toISOString();
    },
    // Idempotent: a test may stop the emulator to simulate an outage before its fixture closes it.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Held requests end with their connections below; a test still waiting on a gate hears why.
        faults.shutGates();
        server.close((error) => {
          state.blobs.close();
          if (error) reject(error);
          else resolve();
        });
        // SDK clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
