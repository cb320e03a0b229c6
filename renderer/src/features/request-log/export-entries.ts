import type { RequestLogEntry } from '@shared/contract';

/** The visible entries as a JSON file for a support ticket, saved through the browser's download. */
export function exportEntries(entries: readonly RequestLogEntry[], now = new Date()): void {
  const text = JSON.stringify({ exportedAt: now.toISOString(), app: 'COS Desk', requests: entries }, null, 2);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `cos-desk-requests-${now.toISOString().replace(/[:.]/g, '-')}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by now; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
