/**
 * What the integration tests that run the real SDK against the local COS emulator share: the end-to-end suite's
 * accounts and buckets (one set for both), with the temporary key among the accounts, and helpers around them.
 */
import type { EmulatorAccount, EmulatorSeed } from '../../e2e/emulator';
import { BUCKETS, OWNER, OWN_BUCKETS, READER, STRANGER, TEMPORARY } from '../../e2e/support/accounts';
import type { Emulator } from '../../e2e/emulator';
import type { CreateBucketInput } from '@shared/contract';
import type { CosCredentials } from '../cos/gateway';

export { BUCKETS, OWNER, OWN_BUCKETS, READER, STRANGER, TEMPORARY };

export const SEED: EmulatorSeed = { accounts: [OWNER, READER, TEMPORARY, STRANGER], buckets: BUCKETS };

export const ALL_SECRETS = [OWNER, READER, TEMPORARY, STRANGER].flatMap((a) => [a.secretKey, a.sessionToken ?? []]).flat();

export function credentialsFor(emulator: Emulator, account: EmulatorAccount): CosCredentials {
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    sessionToken: account.sessionToken,
    https: false,
    endpoint: emulator.address,
  };
}

/** A create request in OWNER's account: private, one zone, no grants, in ap-guangzhou unless `fields` say otherwise. */
export function createInput(fields: Partial<CreateBucketInput> & Pick<CreateBucketInput, 'name'>): CreateBucketInput {
  return {
    appId: OWNER.appId,
    region: 'ap-guangzhou',
    acl: 'private',
    grantRead: [],
    grantWrite: [],
    grantFullControl: [],
    multiAz: false,
    ...fields,
  };
}
