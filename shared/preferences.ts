/**
 * The user's preferences: language, theme, and the request log's size and file switch. Kept by the main process
 * (electron-store); the renderer reads and changes them through getPreferences / setPreferences, whose schemas are
 * in preferences-contract.ts (this file stays free of zod, for the renderer's first screen).
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** `system`: follow the operating system's languages, as on the first start. */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** How many requests the request log keeps. */
export const REQUEST_LOG_SIZE = { min: 100, max: 100_000, default: 5_000 } as const;

export interface Preferences {
  language: LanguageChoice;
  theme: Theme;
  requestLogSize: number;
  /** The request log's entries also go to a rotating file in the user-data folder. */
  fileLogging: boolean;
}

/** What the page gets: the preferences, and the OS's preferred languages (empty where the main process cannot tell). */
export interface PreferencesState extends Preferences {
  systemLanguages: string[];
}

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'system',
  theme: 'system',
  requestLogSize: REQUEST_LOG_SIZE.default,
  fileLogging: false,
};

/** Any of the four, changed; the others stay as kept. */
export type SetPreferencesInput = Partial<Preferences>;

/**
 * The language to show: the one chosen, or else the first of the OS's languages the app has (any Chinese as
 * 简体中文, any English as English), or else English.
 */
export function resolveLanguage(choice: LanguageChoice, systemLanguages: readonly string[]): Language {
  if (choice !== 'system') return choice;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
