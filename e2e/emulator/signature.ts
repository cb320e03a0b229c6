import { createHash, createHmac } from 'node:crypto';

/**
 * The COS request signature (doc 7778), as the client computes it. The verifier recomputes it from the
 * request it received, so every piece here mirrors what a client signs, not what the server would prefer.
 */

/** encodeURIComponent plus the characters it leaves alone but COS encodes. */
export function cosUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The key under which a param or header name appears in q-url-param-list / q-header-list. */
export function signedName(name: string): string {
  return cosUrlEncode(name).toLowerCase();
}

function canonicalPairs(entries: Readonly<Record<string, string>>): string {
  return Object.entries(entries)
    .map(([name, value]) => [signedName(name), cosUrlEncode(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface SignedParts {
  method: string;
  /** The path as the client signed it: URL-decoded (`/exampleobject(腾讯云)`, not its %-encoding). */
  path: string;
  /** Only the params and headers the client chose to sign, with decoded names and values. */
  params: Readonly<Record<string, string>>;
  headers: Readonly<Record<string, string>>;
}

/** What COS calls the FormatString (HttpString in older docs). */
export function formatString(parts: SignedParts): string {
  return [parts.method.toLowerCase(), parts.path, canonicalPairs(parts.params), canonicalPairs(parts.headers), ''].join(
    '\n',
  );
}

export function stringToSign(signTime: string, format: string): string {
  const digest = createHash('sha1').update(format, 'utf8').digest('hex');
  return `sha1\n${signTime}\n${digest}\n`;
}

export function signature(secretKey: string, keyTime: string, toSign: string): string {
  const signKey = createHmac('sha1', secretKey).update(keyTime).digest('hex');
  return createHmac('sha1', signKey).update(toSign).digest('hex');
}

export interface AuthorizationFields {
  algorithm: string;
  secretId: string;
  signTime: string;
  keyTime: string;
  headerList: string[];
  paramList: string[];
  signature: string;
}

const REQUIRED_FIELDS = [
  'q-sign-algorithm',
  'q-ak',
  'q-sign-time',
  'q-key-time',
  'q-header-list',
  'q-url-param-list',
  'q-signature',
] as const;

/** Splits an Authorization value into its fields; returns the name of the first missing field instead. */
export function parseAuthorization(value: string): AuthorizationFields | { missing: string } {
  const fields = new Map<string, string>();
  for (const pair of value.trim().split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) fields.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const missing = REQUIRED_FIELDS.find((name) => !fields.has(name));
  if (missing) return { missing };
  const list = (name: string) => (fields.get(name) || '').split(';').filter(Boolean);
  return {
    algorithm: fields.get('q-sign-algorithm')!,
    secretId: fields.get('q-ak')!,
    signTime: fields.get('q-sign-time')!,
    keyTime: fields.get('q-key-time')!,
    headerList: list('q-header-list'),
    paramList: list('q-url-param-list'),
    signature: fields.get('q-signature')!,
  };
}
