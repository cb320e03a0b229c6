import { decodeOrKeep } from './decode';
import { CosError } from './errors';
import type { CosRequest } from './exchange';
import { formatString, parseAuthorization, signature, signedName, stringToSign } from './signature';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';

/** How far ahead of the server's clock a signature may start: the 15 minutes COS tolerates. */
const MAX_CLOCK_AHEAD_SECONDS = 900;
const KEY_TIME = /^(\d+);(\d+)$/;

/** The signed entries, chosen by the client's own lists: a verifier must not sign what the client did not. */
function signedEntries(
  entries: Iterable<[string, string | undefined]>,
  names: readonly string[],
): Record<string, string> {
  const byName = new Map<string, [string, string]>();
  for (const [name, value] of entries) {
    if (value !== undefined && !byName.has(signedName(name))) byName.set(signedName(name), [name, value]);
  }
  const result: Record<string, string> = {};
  for (const listed of names) {
    // A listed entry the request lacks counts as empty: the signature then fails unless the client signed it empty.
    const [name, value] = byName.get(listed) ?? [decodeOrKeep(listed), ''];
    result[name] = value;
  }
  return result;
}

function requireCurrent(signTime: string, nowSeconds: number): void {
  const times = KEY_TIME.exec(signTime);
  if (!times || Number(times[1]) > Number(times[2])) {
    throw new CosError('AccessDenied', `q-sign-time "${signTime}" is not <start>;<end> in unix seconds.`);
  }
  if (Number(times[1]) > nowSeconds + MAX_CLOCK_AHEAD_SECONDS) {
    throw new CosError(
      'RequestTimeTooSkewed',
      'The signature starts more than 15 minutes after the server time: the client clock is ahead.',
    );
  }
  // The SDK recognises this exact message as a clock problem (and may correct its offset and retry).
  if (Number(times[2]) < nowSeconds) throw new CosError('AccessDenied', 'Request has expired');
}

function requireSessionToken(account: EmulatorAccount, token: string | undefined, nowMs: number): void {
  if (account.sessionToken === undefined) {
    if (token !== undefined) {
      throw new CosError(
        'InvalidAccessKeyId',
        `SecretId ${account.secretId} is a permanent key, yet the request carries an x-cos-security-token.`,
      );
    }
    return;
  }
  if (token === undefined) {
    throw new CosError(
      'AccessDenied',
      `SecretId ${account.secretId} is a temporary key: send its session token in x-cos-security-token.`,
    );
  }
  if (token !== account.sessionToken) {
    throw new CosError(
      'InvalidAccessKeyId',
      `The x-cos-security-token does not belong to SecretId ${account.secretId}: it is expired or from other keys.`,
    );
  }
  if (account.tokenExpiresAt !== undefined && nowMs >= Date.parse(account.tokenExpiresAt)) {
    throw new CosError('ExpiredToken', `The provided token has expired (at ${account.tokenExpiresAt}).`);
  }
}

/**
 * A presigned URL (doc 68284) carries the Authorization fields as query parameters instead: the same signature,
 * over the same path, host and listed parameters.
 */
function presignedAuthorization(request: CosRequest): string | undefined {
  if (!request.query.has('q-signature')) return undefined;
  return [...request.query]
    .filter(([name]) => name.startsWith('q-'))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Identifies the caller from the request's signature, or throws the error COS would answer with. `now` is in ms. */
export function authenticate(request: CosRequest, state: EmulatorState, now = Date.now()): EmulatorAccount {
  const header = request.headers.authorization ?? presignedAuthorization(request);
  if (!header) throw new CosError('AccessDenied', 'The request is not signed: the Authorization header is missing.');
  const auth = parseAuthorization(header);
  if ('missing' in auth) {
    throw new CosError('AccessDenied', `The Authorization header is malformed: ${auth.missing} is missing.`);
  }
  if (auth.algorithm !== 'sha1') {
    throw new CosError('AccessDenied', `q-sign-algorithm must be sha1, not "${auth.algorithm}".`);
  }
  const account = state.account(auth.secretId);
  if (!account) throw new CosError('InvalidAccessKeyId', `The SecretId ${auth.secretId} does not exist.`);
  requireCurrent(auth.signTime, now / 1000);

  const format = formatString({
    method: request.method,
    path: request.path,
    params: signedEntries(request.query, auth.paramList),
    headers: signedEntries(Object.entries(request.headers), auth.headerList),
  });
  const toSign = stringToSign(auth.signTime, format);
  if (signature(account.secretKey, auth.keyTime, toSign) !== auth.signature) {
    throw new CosError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your SecretKey and signing method.',
      { StringToSign: toSign, FormatString: format },
    );
  }
  requireSessionToken(account, request.headers['x-cos-security-token'] ?? request.query.get('x-cos-security-token'), now);
  return account;
}
