/**
 * Remembers every secret value the main process has handled in this run, so that any text about to leave it
 * (a log line, an unexpected error) can be cleaned of them. It holds the values in memory only, as the
 * services holding the keys do anyway.
 */
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

/** Shorter values could match ordinary text by chance; no SecretKey or token is this short. */
const MIN_SECRET_LENGTH = 8;

export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) if (value && value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** Any value, errors with their stack and nested fields included, as redacted text. */
  describe(value: unknown): string {
    return this.redact(typeof value === 'string' ? value : inspect(value, { depth: 6, breakLength: Infinity }));
  }
}
