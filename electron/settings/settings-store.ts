/**
 * The part of electron-store's API the app uses. Both electron-store (in the app) and its base library `conf`
 * (in plain Node: tests and the e2e harness) satisfy it, so nothing else needs to know which one it got.
 * Keys are plain names: both libraries read a dot as a path separator.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
