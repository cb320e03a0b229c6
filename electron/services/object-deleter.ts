/**
 * Deleting objects: a selection of keys, everything under a folder, everything in a bucket. Each call is one step
 * the renderer repeats (one listing page, then one POST ?delete of what it found), so progress and Cancel are the
 * renderer's loop, and a run that was interrupted carries on by starting again: each step lists what is still there.
 *
 * Nothing outside what the user chose is ever sent in a delete: a selection sends exactly its keys, a folder only
 * keys that start with its prefix (checked here again, whatever the listing answered), and emptying takes the whole
 * bucket, which is what the user typed the bucket's name for.
 *
 * A batch whose answer was lost (a dropped connection, a timeout, a 5xx) is not sent again. Sending it again would
 * be harmless for COS (a key or version already gone is reported deleted, doc 8289), but for a key deleted without
 * a version id in a versioned bucket every send adds another delete marker; and an answer read from a second send
 * would report as deleted keys that the first send may have refused. The error goes to the user instead, and the
 * next run lists again: whatever the lost batch did is then what the listing shows.
 */
import {
  ABORTS_PER_STEP,
  DELETE_BATCH_SIZE,
  PREFIX_SAMPLE_SIZE,
  type BucketContents,
  type CountPrefixInput,
  type DeleteFailure,
  type DeleteObjectsInput,
  type DeleteObjectsResult,
  type DeletePrefixStepInput,
  type DeletePrefixStepResult,
  type EmptyBucketStepInput,
  type EmptyBucketStepResult,
  type PrefixCount,
} from '@shared/delete-contract';
import type { BucketRef } from '@shared/contract';
import { AppErrorException, type AppError } from '@shared/errors';
import type { CosGateway, GatewayCall } from '../cos/gateway';
import { camResource, type CamAction } from '@shared/cam';
import type { ListPosition, VersionEntry } from '../cos/listing-readers';

export interface GatewayOnly {
  /** Throws NotSignedIn when nobody is signed in. */
  gateway(): CosGateway;
}

const NOTHING: BucketContents = { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 };

/** Uploads aborted at once: each abort is its own request. */
const ABORT_CONCURRENCY = 8;

export class ObjectDeleter {
  constructor(private readonly session: GatewayOnly) {}

  async deleteObjects(input: DeleteObjectsInput, call?: GatewayCall): Promise<DeleteObjectsResult> {
    const keys = [...new Set(input.keys)];
    const failed = await this.deleteChecked(input, keys.map((key) => ({ key })), (key) => keys.includes(key), call);
    return { deleted: keys.length - failed.length, failed };
  }

  async countPrefix(input: CountPrefixInput, call?: GatewayCall): Promise<PrefixCount> {
    const gateway = this.session.gateway();
    const count: PrefixCount = { objects: 0, bytes: 0, sample: [] };
    let marker: string | undefined;
    do {
      const page = await gateway.listKeysPage({ bucket: input.bucket, region: input.region, prefix: input.prefix, ...(marker ? { marker } : {}) }, call);
      for (const object of page.objects) {
        if (!object.key.startsWith(input.prefix)) continue;
        count.objects += 1;
        count.bytes += object.size;
        if (count.sample.length < PREFIX_SAMPLE_SIZE) count.sample.push(object.key);
      }
      marker = page.nextMarker;
    } while (marker !== undefined);
    return count;
  }

  async deletePrefixStep(input: DeletePrefixStepInput, call?: GatewayCall): Promise<DeletePrefixStepResult> {
    const ref = { bucket: input.bucket, region: input.region };
    const page = await this.session.gateway().listKeysPage({ ...ref, prefix: input.prefix, ...(input.marker ? { marker: input.marker } : {}) }, call);
    const keys = page.objects.map((o) => o.key).filter((key) => key.startsWith(input.prefix));
    if (keys.length === 0) {
      // Nothing here but keys outside the folder (a server that ignored the prefix): go on past them, or stop.
      return { deleted: 0, failed: [], remaining: page.nextMarker !== undefined, ...(page.nextMarker ? { marker: page.nextMarker } : {}) };
    }
    const failed = await this.deleteChecked(ref, keys.map((key) => ({ key })), (key) => key.startsWith(input.prefix), call);
    const lastRefused = failed.at(-1)?.key;
    // Deleted keys no longer list, so the next step starts where this one did, past any refused key.
    const marker = lastRefused ?? input.marker;
    return { deleted: keys.length - failed.length, failed, remaining: true, ...(marker ? { marker } : {}) };
  }

  async countBucketContents(ref: BucketRef, call?: GatewayCall): Promise<BucketContents> {
    const gateway = this.session.gateway();
    const counts = { ...NOTHING };
    let after: ListPosition | undefined;
    do {
      const page = await gateway.listVersionsPage({ ...ref, ...(after ? { after } : {}) }, call);
      for (const entry of page.entries) counts[kindOf(entry)] += 1;
      after = page.next;
    } while (after);
    do {
      const page = await gateway.listUploadsPage({ ...ref, ...(after ? { after } : {}) }, call);
      counts.uploads += page.uploads.length;
      after = page.next;
    } while (after);
    return counts;
  }

  async emptyBucketStep(input: EmptyBucketStepInput, call?: GatewayCall): Promise<EmptyBucketStepResult> {
    const ref = { bucket: input.bucket, region: input.region };
    const cursor = input.cursor ?? { phase: 'uploads' as const };
    const after = cursor.keyMarker ? { keyMarker: cursor.keyMarker, ...(cursor.idMarker ? { idMarker: cursor.idMarker } : {}) } : undefined;
    return cursor.phase === 'uploads' ? this.abortUploadsStep(ref, after, call) : this.deleteVersionsStep(ref, after, call);
  }

  /** Uploads go first: an upload completed after its key's versions were deleted would bring an object back. */
  private async abortUploadsStep(ref: BucketRef, after: ListPosition | undefined, call?: GatewayCall): Promise<EmptyBucketStepResult> {
    const gateway = this.session.gateway();
    const page = await gateway.listUploadsPage({ ...ref, maxUploads: ABORTS_PER_STEP, ...(after ? { after } : {}) }, call);
    if (page.uploads.length === 0) {
      const cursor = page.next ? { phase: 'uploads' as const, keyMarker: page.next.keyMarker, idMarker: page.next.idMarker } : { phase: 'versions' as const };
      return { removed: { ...NOTHING }, failed: [], remaining: true, cursor };
    }
    const failed: DeleteFailure[] = [];
    let unsettled: AppErrorException | undefined;
    await inBatches(page.uploads, ABORT_CONCURRENCY, async (upload) => {
      try {
        await gateway.abortUpload({ ...ref, ...upload }, call);
      } catch (error) {
        if (!(error instanceof AppErrorException)) throw error;
        // A refusal is about this upload; anything else (cancelled, no answer) stops the step after the others end.
        if (isRefusal(error.error)) failed.push({ key: upload.key, uploadId: upload.uploadId, code: error.error.code });
        else unsettled ??= error;
      }
    });
    if (unsettled) throw unsettled;
    const aborted = page.uploads.length - failed.length;
    if (aborted === 0) throwIfAllDenied(ref, failed, 'cos:AbortMultipartUpload');
    const last = lastInOrder(page.uploads, failed, (u, f) => u.uploadId === f.uploadId);
    const cursor = last ? { phase: 'uploads' as const, keyMarker: last.key, idMarker: last.uploadId } : { phase: 'uploads' as const, ...positionOf(after) };
    return { removed: { ...NOTHING, uploads: aborted }, failed, remaining: true, cursor };
  }

  private async deleteVersionsStep(ref: BucketRef, after: ListPosition | undefined, call?: GatewayCall): Promise<EmptyBucketStepResult> {
    const page = await this.session.gateway().listVersionsPage({ ...ref, maxKeys: DELETE_BATCH_SIZE, ...(after ? { after } : {}) }, call);
    if (page.entries.length === 0) {
      if (!page.next) return { removed: { ...NOTHING }, failed: [], remaining: false };
      return { removed: { ...NOTHING }, failed: [], remaining: true, cursor: { phase: 'versions', keyMarker: page.next.keyMarker, idMarker: page.next.idMarker } };
    }
    // Every version and marker by its id: deleting by key alone would only add a marker in a versioned bucket.
    // An empty id (versioning never enabled) is left out, as the doc says; the key alone then deletes it.
    const objects = page.entries.map((e) => (e.versionId ? { key: e.key, versionId: e.versionId } : { key: e.key }));
    const failed = await this.deleteChecked(ref, objects, () => true, call);
    const removed = { ...NOTHING };
    for (const entry of page.entries) {
      if (!failed.some((f) => sameEntry(entry, f))) removed[kindOf(entry)] += 1;
    }
    // Deleted entries no longer list, so the next page starts where this one did, past any refused entry.
    const last = lastInOrder(page.entries, failed, sameEntry);
    const cursor = last
      ? { phase: 'versions' as const, keyMarker: last.key, ...(last.versionId ? { idMarker: last.versionId } : {}) }
      : { phase: 'versions' as const, ...positionOf(after) };
    return { removed, failed, remaining: true, cursor };
  }

  /**
   * One POST ?delete of at most 1,000 entries, every one of which `chosen` accepts: the last guard before anything
   * is deleted. A batch every entry of which was refused with AccessDenied is a key that may not delete here: the
   * user hears that at once, with the CAM action, rather than after the whole bucket has been walked.
   */
  private async deleteChecked(
    ref: BucketRef,
    objects: { key: string; versionId?: string }[],
    chosen: (key: string) => boolean,
    call?: GatewayCall,
  ): Promise<DeleteFailure[]> {
    const outside = objects.find((o) => !chosen(o.key));
    if (outside || objects.length > DELETE_BATCH_SIZE) {
      throw new AppErrorException({ kind: 'internal', code: 'InternalError', params: { detail: 'a delete batch held a key that was not chosen' } });
    }
    const failed = await this.session.gateway().deleteBatch({ ...ref, objects }, call);
    if (failed.length === objects.length) throwIfAllDenied(ref, failed, 'cos:DeleteObject');
    return failed;
  }
}

function kindOf(entry: VersionEntry): keyof BucketContents {
  if (entry.deleteMarker) return 'deleteMarkers';
  return entry.isLatest ? 'objects' : 'noncurrentVersions';
}

function sameEntry(entry: { key: string; versionId?: string }, failure: { key: string; versionId?: string }): boolean {
  return entry.key === failure.key && (entry.versionId || undefined) === (failure.versionId || undefined);
}

/** The failed entry that comes last in the listing's order: the next step lists after it. */
function lastInOrder<E extends { key: string }>(entries: readonly E[], failed: readonly DeleteFailure[], same: (e: E, f: DeleteFailure) => boolean): E | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    if (failed.some((f) => same(entries[i], f))) return entries[i];
  }
  return undefined;
}

function positionOf(after: ListPosition | undefined): { keyMarker?: string; idMarker?: string } {
  return after ? { keyMarker: after.keyMarker, ...(after.idMarker ? { idMarker: after.idMarker } : {}) } : {};
}

/** COS answered about this entry: it will answer the same until something changes, so the step goes on past it. */
function isRefusal(error: AppError): boolean {
  return error.kind === 'cos' && (error.status ?? 0) >= 400 && (error.status ?? 0) < 500;
}

function throwIfAllDenied(ref: BucketRef, failed: readonly DeleteFailure[], action: CamAction): void {
  if (failed.length === 0 || !failed.every((f) => f.code === 'AccessDenied')) return;
  throw new AppErrorException({ kind: 'cos', code: 'AccessDenied', status: 403, action, resource: camResource(action, ref), params: { bucket: ref.bucket, refused: failed.length } });
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
