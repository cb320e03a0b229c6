/**
 * A mutation keeps its input as `variables` in React Query's cache for minutes after the call, where any script in
 * the page could read it. Calls that carry a SecretKey, token or proxy password hand a copy to the API and take the
 * secret fields out of the cached input as the call starts, so nothing secret stays behind once it settles.
 */
const SECRET_FIELDS = ['secretKey', 'sessionToken', 'proxyPassword'] as const;

type WithSecrets = Partial<Record<(typeof SECRET_FIELDS)[number], string>>;

/** The calls whose input can hold one of those: their mutations are also dropped from the cache once settled. */
export const SECRET_BEARING_CALLS: ReadonlySet<string> = new Set(['signIn', 'saveProfile']);

/** The input whole, for the call; the object the cache holds loses its secret fields. */
export function takeSecrets<T extends WithSecrets>(input: T): T {
  const whole = { ...input };
  for (const field of SECRET_FIELDS) delete input[field];
  return whole;
}
