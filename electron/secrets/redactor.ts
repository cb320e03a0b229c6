/**
 * Remembers every secret value the main process has handled in this run, so that any text about to leave it
 * (a log line, an unexpected error) can be cleaned of them. It holds the values in memory only, as the
 * services holding the keys do anyway.
 */
import { inspect } from 'node:util';

export const REDACTED = '[redacted]';

/**
 * The forms a secret takes in text about a request: as typed, and percent-encoded (a proxy URL carries its
 * password encoded; a query or form body encodes the token), with upper- and lowercase hex digits.
 */
function formsOf(value: string): string[] {
  const encoded = encodeURIComponent(value);
  const lowerHex = encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  return [value, encoded, lowerHex, encoded.replace(/%20/g, '+')];
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /**
   * Every value, however short: a short password is still a password, and replacing a few chance matches in a
   * log line costs less than printing it.
   */
  add(...values: (string | undefined)[]): void {
    for (const value of values) if (value) for (const form of formsOf(value)) this.secrets.add(form);
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
