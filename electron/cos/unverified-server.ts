/**
 * Until a route's keys are verified (a first successful listing with them), its server is whoever the page named:
 * its error text, request id and code of its own choosing must not become a channel back to the page. Only the
 * status and a code from COS's documented list pass; the rest is replaced by the app's own words.
 */
import { APP_ERROR_CODES, AppErrorException, COS_ERROR_CODES, isAppErrorException } from '@shared/errors';

const KNOWN_CODES = new Set<string>([...COS_ERROR_CODES, 'ServerError', 'ProxyAuthenticationRequired']);

/** The error as the page may see it from a server not yet shown to hold the keys. */
export function withoutServerText(error: unknown): unknown {
  if (!isAppErrorException(error)) return error;
  const { kind, code, status, action, attempts } = error.error;
  if (kind !== 'cos' && kind !== 'internal') return error;
  const known = KNOWN_CODES.has(code) || /^Http\d{3}$/.test(code);
  const shownCode = known ? code : APP_ERROR_CODES.unverifiedServer;
  return new AppErrorException({
    kind,
    code: shownCode,
    // The renderer says that the server's own words are withheld until the keys are verified.
    params: { unverified: 1 },
    ...(status !== undefined ? { status } : {}),
    ...(action !== undefined ? { action } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
  });
}
