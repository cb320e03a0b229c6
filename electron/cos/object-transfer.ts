/**
 * The requests a transfer is made of, through the SDK: PUT Object and Upload Part with a stream body, Initiate,
 * List Parts, Complete, and GET Object (a range of it) into a stream. Object bytes are streamed both ways, never
 * gathered: these calls tell the transport so (see sdk-call.ts). The SDK retries none of them with a stream body;
 * the transfer engine decides what to send again, since only it knows where a transfer stands.
 */
import type { Readable, Writable } from 'node:stream';
import type COS from 'cos-nodejs-sdk-v5';
import type { BucketRef } from '@shared/contract';
import type { RetryPolicy } from './retry-policy';
import type { Transport } from './transport';

export interface ObjectTarget extends BucketRef {
  key: string;
}

export interface PartEntry {
  partNumber: number;
  etag: string;
  size: number;
}

export interface StoredBytes {
  /** Without quotes. */
  etag: string;
  /** x-cos-hash-crc64ecma, when COS sent one. */
  crc64?: string;
}

export interface ObjectRead extends StoredBytes {
  /** The whole object's size (a range answer's Content-Range total). */
  objectSize: number;
  /** Bytes this answer carried. */
  bodySize: number;
}

export interface TransferCalls {
  /** A file's bytes: a stream, or a small file read whole (as one read of a stream would bring it). */
  putObjectStream(input: ObjectTarget & { body: Readable | Buffer; size: number; contentType?: string }, call?: { signal?: AbortSignal }): Promise<StoredBytes>;
  initUpload(input: ObjectTarget & { contentType?: string }, call?: { signal?: AbortSignal }): Promise<string>;
  uploadPart(input: ObjectTarget & { uploadId: string; partNumber: number; body: Readable; size: number }, call?: { signal?: AbortSignal }): Promise<StoredBytes>;
  listParts(input: ObjectTarget & { uploadId: string }, call?: { signal?: AbortSignal }): Promise<PartEntry[]>;
  completeUpload(input: ObjectTarget & { uploadId: string; parts: readonly { partNumber: number; etag: string }[] }, call?: { signal?: AbortSignal }): Promise<StoredBytes>;
  /** GET Object from byte `start` on into `output`; `ifMatch` makes a changed object answer 412 instead. */
  getObjectInto(
    input: ObjectTarget & { output: Writable; start?: number; ifMatch?: string; onHeaders?: (read: Omit<ObjectRead, 'bodySize'>) => void },
    call?: { signal?: AbortSignal },
  ): Promise<ObjectRead>;
}

type Headers = Record<string, string | undefined>;

/** One try: the engine retries, knowing what was sent already. */
const ONE_TRY: RetryPolicy = { maxAttempts: 1, maxTimeouts: 1 };

const unquote = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

function stored(headers: Headers | undefined): StoredBytes {
  const crc64 = headers?.['x-cos-hash-crc64ecma'];
  return { etag: unquote(headers?.etag), ...(crc64 ? { crc64 } : {}) };
}

export function createTransferCalls(transport: Transport): TransferCalls {
  const params = (input: ObjectTarget) => ({ Bucket: input.bucket, Region: input.region, Key: input.key });
  return {
    putObjectStream: (input, { signal } = {}) =>
      transport.run('create', 'putObject', async (cos) => {
        const result = await cos.putObject({
          ...params(input),
          Body: input.body,
          ContentLength: input.size,
          ...(input.contentType ? { ContentType: input.contentType } : {}),
          // Sent at once, as the SDK's own uploadFile sends a small file: not through the SDK's upload task list,
          // which would hold it behind its FileParallelLimit and list every task it keeps at each change.
          SkipTask: true,
        } as COS.PutObjectParams);
        return stored(result.headers as Headers);
      }, { signal, target: { bucket: input.bucket, region: input.region }, policy: ONE_TRY, streaming: true }),

    initUpload: (input, { signal } = {}) =>
      transport.run('create', 'initiateMultipartUpload', async (cos) => {
        const result = await cos.multipartInit({ ...params(input), ContentType: input.contentType ?? 'application/octet-stream' });
        return result.UploadId;
      }, { signal, target: { bucket: input.bucket, region: input.region } }),

    uploadPart: (input, { signal } = {}) =>
      transport.run('create', 'uploadPart', async (cos) => {
        const result = await cos.multipartUpload({
          ...params(input),
          UploadId: input.uploadId,
          PartNumber: input.partNumber,
          Body: input.body,
          ContentLength: input.size,
        } as COS.MultipartUploadParams);
        return stored(result.headers as Headers);
      }, { signal, target: { bucket: input.bucket, region: input.region }, policy: ONE_TRY, streaming: true }),

    listParts: (input, { signal } = {}) =>
      transport.run('read', 'listParts', async (cos) => {
        const parts: PartEntry[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = (await cos.multipartListPart({
            ...params(input),
            UploadId: input.uploadId,
            ...(marker ? { PartNumberMarker: marker } : {}),
          } as COS.MultipartListPartParams)) as unknown as { Part?: { PartNumber: string; ETag: string; Size: string }[]; IsTruncated?: string; NextPartNumberMarker?: string };
          for (const part of page.Part ?? []) parts.push({ partNumber: Number(part.PartNumber), etag: unquote(part.ETag), size: Number(part.Size) });
          if (page.IsTruncated !== 'true' || !page.NextPartNumberMarker || page.NextPartNumberMarker === marker) return parts;
          marker = page.NextPartNumberMarker;
        }
      }, { signal, target: { bucket: input.bucket, region: input.region } }),

    completeUpload: (input, { signal } = {}) =>
      transport.run('create', 'completeMultipartUpload', async (cos) => {
        const result = await cos.multipartComplete({
          ...params(input),
          UploadId: input.uploadId,
          Parts: input.parts.map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag}"` })),
        });
        return { ...stored(result.headers as Headers), etag: unquote((result as { ETag?: string }).ETag) || stored(result.headers as Headers).etag };
      }, { signal, target: { bucket: input.bucket, region: input.region }, policy: ONE_TRY }),

    getObjectInto: (input, { signal } = {}) =>
      transport.run('read', 'getObject', async (cos) => {
        const start = input.start ?? 0;
        const read = (headers: Headers) => {
          const bodySize = Number(headers['content-length'] ?? 0);
          const total = /\/(\d+)$/.exec(headers['content-range'] ?? '')?.[1];
          return { ...stored(headers), objectSize: total === undefined ? bodySize : Number(total), bodySize };
        };
        try {
          const result = await cos.getObject({
            ...params(input),
            Output: input.output,
            ...(start > 0 ? { Range: `bytes=${start}-` } : {}),
            ...(input.ifMatch ? { IfMatch: `"${input.ifMatch}"` } : {}),
          });
          const answer = read(result.headers as Headers);
          input.onHeaders?.(answer);
          return answer;
        } catch (error) {
          // An answer cut midway still said which object its bytes came from: a resumed range must match it.
          const raw = error as { statusCode?: number; headers?: Headers } | undefined;
          if (raw?.headers && raw.statusCode !== undefined && raw.statusCode < 300) input.onHeaders?.(read(raw.headers));
          throw error;
        }
      }, { signal, target: { bucket: input.bucket, region: input.region }, policy: ONE_TRY, streaming: true }),
  };
}
