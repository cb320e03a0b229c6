/** Reads when a presigned URL stops working from the URL itself, so what the user is told is what COS will check. */
import { APP_ERROR_CODES, AppErrorException } from '@shared/errors';

/** The end of the URL's q-sign-time (`<start>;<end>` in unix seconds), as ISO 8601. */
export function signedUntil(url: string): string {
  const signTime = new URL(url).searchParams.get('q-sign-time') ?? '';
  const end = Number(signTime.split(';')[1]);
  if (!Number.isInteger(end) || end <= 0) {
    // The SDK always writes one; a URL without it would be a link that cannot say when it ends.
    throw new AppErrorException({ kind: 'internal', code: APP_ERROR_CODES.sdkRefusedInput, action: 'cos:GetObject' });
  }
  return new Date(end * 1000).toISOString();
}
