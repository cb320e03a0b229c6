/**
 * Keys are tested with a bucket listing before they are saved. COS checks the signature before the permissions,
 * so an AccessDenied for cos:GetService proves the keys are real: a sub-account that may not list buckets signs
 * in all the same, and its bucket list explains the missing permission and offers to add buckets by name.
 */
import type { Account, BucketList } from '@shared/contract';
import { isAppErrorException } from '@shared/errors';
import { isListDenied } from '@shared/refusals';
import type { CosGateway } from '../cos/gateway';

/**
 * The account the keys belong to, from one GET Service answer of a single bucket (the whole list is not needed
 * to know the owner); nothing, and no failure, when the key may not list buckets.
 */
export async function checkKeys(gateway: Pick<CosGateway, 'owner'>): Promise<{ owner?: Account }> {
  const answer = await allowingListDenied(() => gateway.owner());
  return 'listDenied' in answer ? {} : { owner: answer };
}

/** Every bucket and the owner, or `listDenied` when the key may not list buckets (its signature was accepted). */
export async function listWithKeys(gateway: Pick<CosGateway, 'listBuckets'>): Promise<BucketList | { listDenied: true }> {
  return allowingListDenied(() => gateway.listBuckets());
}

async function allowingListDenied<T>(run: () => Promise<T>): Promise<T | { listDenied: true }> {
  try {
    return await run();
  } catch (error) {
    if (isAppErrorException(error) && isListDenied(error.error)) return { listDenied: true };
    throw error;
  }
}
