/**
 * A profile's HTTP(S) proxy: its address as a URL without credentials (the user name goes beside it, the password
 * to the secret store with the SecretKey), so no secret is ever part of a setting or of what the renderer sees.
 */
import { z } from 'zod';
import { rule } from './issue-rules';

/** http://host:port or https://host:port, nothing else: no credentials, path or query. */
const PROXY_URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?\/?$/;

export const proxyFields = {
  proxyUrl: z.string().max(300).regex(PROXY_URL_PATTERN, rule('proxyUrl.format')).optional(),
  proxyUsername: z
    .string()
    .max(128)
    .regex(/^[^:\p{Cc}]+$/u, rule('proxyUsername.chars'))
    .optional(),
  /** Only ever sent to the main process, which keeps it encrypted beside the SecretKey. */
  proxyPassword: z.string().max(256).regex(/^[^\p{Cc}]*$/u, rule('proxyPassword.chars')).optional(),
};

/** The proxy the SDK is given: the URL with the credentials put in, each encoded. */
export function proxyWithCredentials(url: string, username?: string, password?: string): string {
  if (!username) return url;
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(username);
  if (password) parsed.password = encodeURIComponent(password);
  return parsed.toString().replace(/\/$/, '');
}
