/**
 * How the settings files are written: owner-only. They name where each profile's keys go; a file another local
 * user could write (0666 minus a loose umask) would let them redirect the keys (see route-seal.ts for what happens
 * if it is changed anyway).
 */
export const SETTINGS_FILE_MODE = 0o600;

export const SETTINGS_FILE_OPTIONS = { configFileMode: SETTINGS_FILE_MODE } as const;
