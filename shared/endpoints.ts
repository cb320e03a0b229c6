/** host or host:port of a private deployment or of the local emulator: a host name, never a URL, so no scheme, path or credentials can slip in. */
export const ENDPOINT_PATTERN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/**
 * The bucket host of a private deployment, as a template for the SDK's `Domain` option: host characters and the
 * placeholders `{Bucket}` (the full name, `<name>-<appid>`) and `{Region}`, an optional :port, nothing else (no
 * scheme, path or other placeholder). `{Bucket}` is required: without it every bucket would share one host.
 */
export const BUCKET_DOMAIN_PATTERN = /^(?=.*\{Bucket\})(?:[A-Za-z0-9.-]|\{Bucket\}|\{Region\}){1,253}(?::\d{1,5})?$/;

