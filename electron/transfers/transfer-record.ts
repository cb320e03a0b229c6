/**
 * One transfer as the engine keeps it, and as it is written to the user-data folder so a queue survives a restart.
 * Absolute local paths live here, in the main process and its own file; the page only ever sees `name`.
 */
import type { AppError } from '@shared/errors';
import type { ConflictChoice, TransferDirection, TransferState } from '@shared/transfer-contract';

export interface DonePart {
  partNumber: number;
  etag: string;
  size: number;
  crc64: string;
}

export interface TransferRecord {
  id: string;
  batchId: string;
  direction: TransferDirection;
  profileId: string;
  bucket: string;
  region: string;
  key: string;
  /** What the user sees: the key relative to where the transfer started, or the file's relative path. */
  name: string;
  /** Upload: the file. Download: the final file (the bytes go to `<localPath>.part` first). */
  localPath: string;
  /** Download: the folder the user picked; every write stays inside it. */
  folder?: string;
  /** Download: the key relative to the folder being downloaded, from which the local path is made. */
  relative?: string;
  size: number;
  transferred: number;
  state: TransferState;
  conflict: ConflictChoice;
  /** The conflict was settled for this transfer (its target checked): not asked again on resume. */
  settled?: boolean;
  /** Download: the file standing at the target is replaced (Skip if identical found it different). */
  replaces?: boolean;
  /** What stands at the target when the user is asked. */
  existing?: 'object' | 'file';
  error?: AppError;
  /** Done, but checked by size alone: the object has no stored CRC64. */
  sizeOnly?: boolean;
  /** Skipped because the target was identical (size and CRC64). */
  identical?: boolean;
  /** Upload: the file's modification time when it was queued, to notice a change before resuming. */
  mtimeMs?: number;
  uploadId?: string;
  /** An Initiate was sent whose answer never came (or was cut off by a cancel): COS may hold an upload we have no id of. */
  lostInit?: boolean;
  partSize?: number;
  parts?: DonePart[];
  /**
   * Download: the `.part` file it writes while it has one: `<file>.part`, or `<file>.<n>.part` when another
   * download to the same name writes that one.
   */
  partPath?: string;
  /** Download: the object's ETag when the first byte was fetched; a resumed range must come from the same object. */
  etag?: string;
  createdAt: number;
  finishedAt?: number;
}

/** The states a transfer no longer moves from by itself. */
export const FINISHED: ReadonlySet<TransferState> = new Set(['done', 'failed', 'skipped', 'cancelled']);
