/**
 * Buckets the user added by name, per profile: a sub-account without cos:GetService cannot list buckets, yet may
 * work with the ones it knows. Kept in the settings file (names and regions are not secret), under the profile's
 * id, so switching profile shows that profile's own buckets. Entries that no longer parse are dropped on read.
 */
import { z } from 'zod';
import type { AddedBucket, BucketRef } from '@shared/contract';
import type { SettingsStore } from '../settings/settings-store';

const ADDED_KEY = 'addedBuckets';
/** A sub-account limited to a few buckets has a few; this only keeps a runaway list from growing the file. */
export const MAX_ADDED_PER_PROFILE = 500;

const addedBucketSchema = z.object({ name: z.string().min(1), region: z.string().min(1), addedAt: z.string() });
const storedSchema = z.record(z.string(), z.array(z.unknown()));

export class AddedBucketStore {
  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(profileId: string): AddedBucket[] {
    const raw = this.all()[profileId] ?? [];
    return raw.flatMap((entry) => {
      const parsed = addedBucketSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Adds or refreshes one bucket; a name is kept once per profile, with the region last given for it. */
  add(profileId: string, ref: BucketRef): AddedBucket {
    const bucket: AddedBucket = { name: ref.bucket, region: ref.region, addedAt: new Date(this.now()).toISOString() };
    const others = this.list(profileId).filter((b) => b.name !== ref.bucket);
    this.write(profileId, [...others, bucket].slice(-MAX_ADDED_PER_PROFILE));
    return bucket;
  }

  /** Takes a bucket off the list (after a delete, or when the user removes it); true if it was there. */
  remove(profileId: string, ref: BucketRef): boolean {
    const before = this.list(profileId);
    const after = before.filter((b) => !(b.name === ref.bucket && b.region === ref.region));
    if (after.length === before.length) return false;
    this.write(profileId, after);
    return true;
  }

  private all(): Record<string, unknown[]> {
    const parsed = storedSchema.safeParse(this.settings.get(ADDED_KEY));
    return parsed.success ? parsed.data : {};
  }

  private write(profileId: string, buckets: AddedBucket[]): void {
    const all = this.all();
    if (buckets.length > 0) all[profileId] = buckets;
    else delete all[profileId];
    this.settings.set(ADDED_KEY, all);
  }
}
