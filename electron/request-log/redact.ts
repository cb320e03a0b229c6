/**
 * What of a request the log keeps: the host, the path and the query, with every parameter that signs or
 * authorises it taken out (a presigned URL's `q-*` fields, `sign`, tokens, an `Authorization` in the query).
 * Headers are read for the host only; none is kept. Whatever remains also goes through the redactor, so a
 * SecretKey or token typed as an object key cannot come out either.
 */

/** Query parameters that sign or authorise a request, by their lowercased name. */
function isSecretParam(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('q-') ||
    lower === 'sign' ||
    lower === 'signature' ||
    lower === 'authorization' ||
    lower.includes('token') ||
    lower.includes('secret') ||
    lower.includes('credential') ||
    lower.includes('password')
  );
}

export interface RequestShape {
  url?: string;
  /** Query values the HTTP library appends to the URL (the SDK's `qs`). */
  qs?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

export interface RedactedRequest {
  host: string;
  path: string;
  query: string;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name && typeof value === 'string') return value;
  return undefined;
}

function queryValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** `clean` scrubs known secrets out of text (the main process's redactor). */
export function redactRequest(request: RequestShape, clean: (text: string) => string = (text) => text): RedactedRequest {
  let url: URL;
  try {
    url = new URL(request.url ?? '');
  } catch {
    url = new URL('http://unknown/');
  }
  // With the SDK's `Ip` option the URL names the address and the Host header the COS host the request is for.
  const host = headerValue(request.headers, 'host') ?? url.host;
  const kept: string[] = [];
  const add = (name: string, value: string) => {
    if (isSecretParam(name)) return;
    kept.push(value === '' ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  };
  for (const [name, value] of url.searchParams) add(name, value);
  for (const [name, raw] of Object.entries(request.qs ?? {})) {
    const value = queryValue(raw);
    if (value !== undefined) add(name, value);
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: shown as it was sent.
  }
  return { host: clean(host), path: clean(path), query: clean(kept.join('&')) };
}
