import { randomBytes } from 'node:crypto';

let sequence = 0;

/** Unique per response, in the base64 shape COS request ids have; the sequence guarantees uniqueness. */
export function newRequestId(): string {
  sequence += 1;
  return Buffer.from(`${Date.now().toString(16)}_${sequence.toString(16)}_${randomBytes(4).toString('hex')}`).toString(
    'base64',
  );
}

export function newTraceId(): string {
  return randomBytes(24).toString('base64');
}

let versions = 0n;

/** An opaque version id in COS's shape: base64 of a long decimal, e.g. MTg0NDUxMzY1MDIzNjQ3NTcwMDk. */
export function newVersionId(): string {
  versions += 1n;
  const stamp = BigInt(Date.now()) * 1_000_000n + (versions % 1_000_000n);
  return Buffer.from(stamp.toString()).toString('base64').replace(/=+$/, '');
}

let uploads = 0;

/** Upload ids sort in the order uploads were initiated, the order List Multipart Uploads gives per key. */
export function newUploadId(): string {
  uploads += 1;
  return `${Date.now().toString(16).padStart(12, '0')}${uploads.toString(16).padStart(8, '0')}${randomBytes(8).toString('hex')}`;
}
