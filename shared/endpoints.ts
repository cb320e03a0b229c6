/** host or host:port of a private deployment or of the local emulator: a host name, never a URL, so no scheme, path or credentials can slip in. */
export const ENDPOINT_PATTERN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;
