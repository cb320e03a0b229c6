/**
 * How a file is cut for a multipart upload (doc 7750): at most 10,000 parts, each 1 MB to 5 GB, the last one
 * possibly smaller. The part size is the preferred one unless the file is so large that 10,000 parts of it would
 * not hold it; it then grows in whole MiB, so every file up to 10,000 × 5 GB fits.
 */
export const MIB = 1024 * 1024;
export const MAX_PARTS = 10_000;
export const MIN_PART_SIZE = MIB;
export const MAX_PART_SIZE = 5 * 1024 * MIB;
export const MAX_MULTIPART_SIZE = MAX_PARTS * MAX_PART_SIZE;
/** Files above this go multipart; at or below it, one PUT Object. */
export const MULTIPART_THRESHOLD = 16 * MIB;
export const DEFAULT_PART_SIZE = 8 * MIB;

export interface PartRange {
  /** 1 to 10,000. */
  number: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface PartPlan {
  partSize: number;
  count: number;
}

/** Undefined for a file no multipart upload can hold. */
export function planParts(size: number, preferred = DEFAULT_PART_SIZE): PartPlan | undefined {
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_MULTIPART_SIZE) return undefined;
  const floor = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  const partSize = Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, Math.round(preferred / MIB) * MIB || MIB, floor));
  return { partSize, count: Math.max(1, Math.ceil(size / partSize)) };
}

export function partRange(plan: PartPlan, size: number, number: number): PartRange {
  const start = (number - 1) * plan.partSize;
  return { number, start, end: Math.min(size, start + plan.partSize) };
}
