/**
 * Keys are tested with a bucket listing before they are saved. COS checks the signature before the permissions,
 * so an AccessDenied for cos:GetService proves the keys are real: a sub-account that may not list buckets signs
 * in all the same, and its bucket list explains the missing permission and offers to add buckets by name.
 */
import type { Account, Bucket } from '../../shared/contract';
import { isAppErrorException } from '../../shared/errors';
import { isListDenied } from '../../shared/refusals';
import type { CosGateway } from '../cos/gateway';

/** The owner and buckets when the key may list them; nothing (and no failure) when it may not. */
export async function checkKeys(gateway: Pick<CosGateway, 'listBuckets'>): Promise<{ owner?: Account; buckets?: Bucket[] }> {
  try {
    return await gateway.listBuckets();
  } catch (error) {
    if (isAppErrorException(error) && isListDenied(error.error)) return {};
    throw error;
  }
}
