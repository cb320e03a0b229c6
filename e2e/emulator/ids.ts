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
