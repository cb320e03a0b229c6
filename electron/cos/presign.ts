/**
 * A presigned GET URL (doc 68284). The SDK's getObjectUrl cannot be used for it here: signing goes through our
 * getAuthorization hook (sdk-call.ts), and the SDK does not pass the wanted expiry to that hook, so every URL
 * would last its default 900 s. The signature is the SDK's own signer's, with the expiry the user chose.
 */
import COS from 'cos-nodejs-sdk-v5';

export interface PresignKeys {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
}

/** `plainUrl`: the object's URL without a signature, as the SDK builds it (host, domain and key encoding). */
export function presignGetUrl(keys: PresignKeys, plainUrl: string, key: string, expiresInSeconds: number, clockOffsetMs: number): string {
  const url = new URL(plainUrl);
  const authorization = COS.getAuthorization({
    SecretId: keys.secretId,
    SecretKey: keys.secretKey,
    Method: 'get',
    // The raw key, not URL-encoded, is what COS signs (doc section 8, step 5); the host is the one the URL names.
    Pathname: `/${key}`,
    Headers: { host: url.host },
    Expires: expiresInSeconds,
    SystemClockOffset: clockOffsetMs,
  } as COS.StaticGetAuthorizationOptions);
  const token = keys.sessionToken ? `&x-cos-security-token=${encodeURIComponent(keys.sessionToken)}` : '';
  return `${url.origin}${url.pathname}?${authorization}${token}`;
}
