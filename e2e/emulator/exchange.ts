import type { Readable } from 'node:stream';

/** A request as the handlers see it: parsed once by the server, signed parts ready for verification. */
export interface CosRequest {
  method: string;
  /** Host header as sent, port included if the client sent one. */
  host: string;
  /** Path as sent on the wire, still %-encoded. */
  rawPath: string;
  /** Path URL-decoded, the form clients sign. */
  path: string;
  /** Decoded query names to decoded values; the first wins when a name repeats. */
  query: ReadonlyMap<string, string>;
  /** Lowercase header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body as text, for calls that carry an XML document; empty for uploads, whose body is `upload`. */
  body: string;
  /** PUT Object and Upload Part: the body as it arrives, to be streamed to disk. */
  upload?: AsyncIterable<Buffer>;
}

export interface CosResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Object content, streamed from disk; its length goes in `headers['content-length']`. */
  stream?: () => Readable;
}

export function xmlResponse(body: string): CosResponse {
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
}
