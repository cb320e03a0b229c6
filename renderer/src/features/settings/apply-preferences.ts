/** Puts the preferences into effect on the page: the dictionary and formats of the language, and the theme. */
import { resolveLanguage, type PreferencesState, type Theme } from '@shared/preferences';
import { setLanguage } from '@renderer/i18n';

/** The languages the browser reports (Electron: the app's locale; the test harness: the browser context's). */
function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** `system` leaves the colours to prefers-color-scheme (styles/theme.css); light and dark fix them. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function applyPreferences(state: Pick<PreferencesState, 'language' | 'theme' | 'systemLanguages'>): void {
  setLanguage(resolveLanguage(state.language, [...state.systemLanguages, ...browserLanguages()]));
  applyTheme(state.theme);
}

/** Before the preferences arrive (or if they cannot be read): the browser's languages, the system theme. */
export function applyBrowserDefaults(): void {
  applyPreferences({ language: 'system', theme: 'system', systemLanguages: [] });
}
