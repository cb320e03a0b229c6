/**
 * URL rules of the app's trust boundary, kept pure so they can be tested without Electron.
 * Every check parses the URL and compares exact parts: prefix or substring checks let look-alikes through.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cos-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The exact https URLs the page may open in the user's browser. The page has no external link today, so none: a
 * hijacked page could otherwise open any path of an allowed host (a crafted console link, a repository it owns).
 * A link added to the UI adds its exact URL here.
 */
export const EXTERNAL_URLS: readonly string[] = [];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function hasNoCredentialsOrPort(url: URL): boolean {
  return url.username === '' && url.password === '' && url.port === '';
}

/** A page of our own renderer: `app://cos-desk/...`. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    hasNoCredentialsOrPort(parsed)
  );
}

/** IPC is answered only for frames showing our own renderer. */
export function isTrustedSenderUrl(url: string): boolean {
  return isAppUrl(url);
}

export function isAllowedExternalUrl(url: string, allowed: readonly string[] = EXTERNAL_URLS): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === 'https:' &&
    hasNoCredentialsOrPort(parsed) &&
    // The string as given, not a normalised form: what is opened is exactly what was allowed.
    allowed.includes(url)
  );
}
