import type { SettingsStore } from '../settings/settings-store';

/** Settings kept in a Map, copied on write as a file would be: for tests that need no file on disk. */
export function memorySettings(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, structuredClone(v)), delete: (k) => void data.delete(k) };
}
