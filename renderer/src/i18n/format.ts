/**
 * Numbers, sizes, dates and durations through Intl, one set per language. Each dictionary builds its own with its
 * locale, so a sentence and the numbers in it always speak the same language.
 */

const SIZE_UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'] as const;

export interface Formats {
  /** 10,000 rather than 10000. */
  count(n: number): string;
  /** 1,024-based, as the COS console shows sizes: "0 B", "999 B", "1.5 KB", "12 MB". */
  size(bytes: number): string;
  /** An instant in local time, to the second. */
  dateTime(ms: number): string;
  /** An instant in local time, to the minute. */
  dateTimeShort(ms: number): string;
  /** How far away an instant is, in words: "in 3 hours", "3小时后". */
  relative(ms: number, now: number): string;
  /** Seconds to a tenth below ten, whole above: "0.6", "20". */
  seconds(ms: number): string;
  /** "a, b, and c", "a、b和c". */
  list(items: readonly string[]): string;
}

/** The formats components use directly (dates, expiries, lists), as a dictionary's `format` section. */
export function shownFormats(f: Formats) {
  return {
    dateTime: (ms: number) => f.dateTime(ms),
    dateTimeShort: (ms: number) => f.dateTimeShort(ms),
    relative: (ms: number, now: number) => f.relative(ms, now),
    list: (items: readonly string[]) => f.list(items),
  };
}

/** Examples in empty fields: addresses and names, the same in every language. */
export const EXAMPLES = {
  endpoint: '127.0.0.1:9000',
  serviceDomain: 'cos.example.com',
  bucketDomain: '{Bucket}.cos.{Region}.example.com',
  proxyUrl: 'http://proxy.example.com:3128',
  region: 'ap-guangzhou',
  bucket: 'photos-1250000000',
} as const;

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

export function createFormats(locale: string): Formats {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tenth = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    count: (n) => whole.format(n),
    size(bytes) {
      if (bytes < 1024) return `${whole.format(bytes)} B`;
      let value = bytes / 1024;
      let unit = 0;
      while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return `${(value < 10 ? tenth : whole).format(value)} ${SIZE_UNITS[unit]}`;
    },
    dateTime: (ms) => full.format(ms),
    dateTimeShort: (ms) => short.format(ms),
    relative(ms, now) {
      const diff = ms - now;
      const [unit, size] = RELATIVE_STEPS.find(([, step]) => Math.abs(diff) >= step) ?? ['second', 1000];
      return relative.format(Math.round(diff / size), unit);
    },
    list: (items) => list.format(items),
    seconds: (ms) => (ms < 10_000 ? tenth.format(Math.round(ms / 100) / 10) : whole.format(Math.round(ms / 1000))),
  };
}
