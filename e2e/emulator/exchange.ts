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
  body: string;
}

export interface CosResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function xmlResponse(body: string): CosResponse {
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
}
