import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import { type CustomDomains, bucketDomainPattern } from './hosts';
import { DEMO_ACCOUNT, bucketFromSeed } from './seed';
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
  const addBucket = (bucket: EmulatorBucketSeed) => state.insert(bucketFromSeed(bucket, accounts[0].ownerUin));
  seed.buckets?.forEach(addBucket);

  const log: EmulatorRequestLogEntry[] = [];
  const faults = new FaultInjector();
  const server = createCosServer(state, log, faults);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
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
    buckets: () => state.sorted().map((b) => ({ ...b, grants: structuredClone(b.grants) })),
    addBucket,
    setObjectCount(name, n) {
      const bucket = state.bucket(name);
      if (!bucket) throw new Error(`No bucket named ${name} in the emulator.`);
      bucket.objectCount = n;
    },
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
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
