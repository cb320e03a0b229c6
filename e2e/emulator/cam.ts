import { CosError } from './errors';
import type { EmulatorAccount } from './types';

export type CamAction = 'cos:GetService' | 'cos:PutBucket' | 'cos:HeadBucket' | 'cos:DeleteBucket';

/**
 * The sub-account check COS makes before looking at the resource, so a caller without the action is refused
 * even for a bucket that does not exist. The message names the action: it is what the user must ask for.
 */
export function requireAllowed(account: EmulatorAccount, action: CamAction, resource: string): void {
  const { allow } = account;
  if (!allow || allow.includes(action) || allow.includes('cos:*') || allow.includes('*')) return;
  throw new CosError(
    'AccessDenied',
    `Access denied: the CAM policy of SecretId ${account.secretId} does not allow ${action} on ${resource}.`,
  );
}
