/** Expiry times of temporary keys: the countdown's wording and the `datetime-local` field's format. */
import { messages as m } from '@renderer/i18n';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What is left, coarser as it grows: seconds only count in the last hour. */
export function formatRemaining(ms: number): string {
  const left = Math.max(0, ms);
  if (left >= DAY) return m.duration.days(Math.floor(left / DAY), Math.floor((left % DAY) / HOUR));
  if (left >= HOUR) return m.duration.hoursMinutes(Math.floor(left / HOUR), Math.floor((left % HOUR) / MINUTE));
  if (left >= MINUTE) return m.duration.minutesSeconds(Math.floor(left / MINUTE), Math.floor((left % MINUTE) / SECOND));
  return m.duration.seconds(Math.ceil(left / SECOND));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the local `YYYY-MM-DDTHH:mm` a datetime-local field shows. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The field's local time as an ISO instant; undefined when empty or not a date. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
