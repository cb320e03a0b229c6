/** The last N entries, oldest dropped first; read newest first, a page at a time, optionally filtered. */
import type { ListRequestLogInput, RequestLogEntry, RequestLogPage } from '@shared/request-log-contract';

export const DEFAULT_LOG_SIZE = 5000;
/** The largest ring a setting may ask for. */
export const MAX_LOG_SIZE = 100_000;

export function isFailure(entry: RequestLogEntry): boolean {
  if (entry.pending) return false;
  return entry.status === undefined || entry.status >= 400 || entry.networkError !== undefined;
}

function matches(entry: RequestLogEntry, needle: string): boolean {
  const fields = [entry.method, entry.host, entry.path, entry.query, entry.profile, entry.action, entry.errorCode, entry.networkError, entry.requestId];
  if (entry.status !== undefined) fields.push(String(entry.status));
  return fields.some((field) => field !== undefined && field.toLowerCase().includes(needle));
}

export class RequestRing {
  private entries: RequestLogEntry[] = [];
  /** Index of the oldest entry in `entries` once the ring has wrapped. */
  private start = 0;

  constructor(private size: number = DEFAULT_LOG_SIZE) {}

  get capacity(): number {
    return this.size;
  }

  get length(): number {
    return this.entries.length;
  }

  push(entry: RequestLogEntry): void {
    if (this.size === 0) return;
    if (this.entries.length < this.size) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.start] = entry;
    this.start = (this.start + 1) % this.size;
  }

  /** Oldest first. */
  all(): RequestLogEntry[] {
    return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
  }

  /** A smaller size drops the oldest entries at once. */
  resize(size: number): void {
    const kept = size === 0 ? [] : this.all().slice(-size);
    this.size = size;
    this.entries = kept;
    this.start = 0;
  }

  page({ before, limit, errorsOnly, text }: ListRequestLogInput): RequestLogPage {
    const needle = text?.trim().toLowerCase() ?? '';
    const found: RequestLogEntry[] = [];
    let nextBefore: number | undefined;
    const count = this.entries.length;
    // Newest first: walk back from the newest slot.
    for (let i = count - 1; i >= 0; i -= 1) {
      const entry = this.entries[(this.start + i) % count];
      if (before !== undefined && entry.id >= before) continue;
      if (errorsOnly && !isFailure(entry)) continue;
      if (needle && !matches(entry, needle)) continue;
      if (found.length === limit) {
        nextBefore = found[found.length - 1].id;
        break;
      }
      found.push({ ...entry });
    }
    return { entries: found, ...(nextBefore === undefined ? {} : { nextBefore }), held: count, capacity: this.size };
  }
}
