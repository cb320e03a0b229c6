/**
 * The user's preferences (shared/preferences.ts), kept in the settings file under one key. Each field is read on
 * its own: a value that no longer parses (an older version, an edited file) falls back to its default, and the
 * others stay as kept. The request log reads `requestLogSize` and `fileLogging` from here too.
 */
import {
  DEFAULT_PREFERENCES,
  resolveLanguage,
  type Language,
  type Preferences,
  type PreferencesState,
  type SetPreferencesInput,
} from '@shared/preferences';
import { preferencesSchema } from '@shared/preferences-contract';
import type { SettingsStore } from './settings-store';

const PREFERENCES_KEY = 'preferences';
const FIELDS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

export class PreferencesStore {
  private readonly listeners = new Set<(preferences: Preferences) => void>();

  constructor(
    private readonly settings: SettingsStore,
    /** The OS's preferred languages, best first (main.ts: app.getPreferredSystemLanguages()). */
    private readonly systemLanguages: () => readonly string[] = () => [],
  ) {}

  /** The kept preferences, each field checked on its own. */
  read(): Preferences {
    const stored = this.settings.get(PREFERENCES_KEY);
    const raw = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
    const shape = preferencesSchema.shape;
    const kept = FIELDS.flatMap((field) => {
      const parsed = shape[field].safeParse(Object.hasOwn(raw, field) ? raw[field] : undefined);
      return parsed.success ? [[field, parsed.data]] : [];
    });
    return { ...DEFAULT_PREFERENCES, ...Object.fromEntries(kept) };
  }

  /** Called after every change, with all four values (the request log follows its size and file switch). */
  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The language the page shows: the one chosen, else the system's (for the main process's own dialogs). */
  language(): Language {
    return resolveLanguage(this.read().language, this.languages());
  }

  getPreferences(): PreferencesState {
    return { ...this.read(), systemLanguages: this.languages() };
  }

  /** Input already checked by the contract; fields left out keep their values. */
  setPreferences(input: SetPreferencesInput): PreferencesState {
    const given = Object.fromEntries(FIELDS.flatMap((field) => (input[field] === undefined ? [] : [[field, input[field]]])));
    const next: Preferences = { ...this.read(), ...given };
    this.settings.set(PREFERENCES_KEY, next);
    for (const listener of this.listeners) listener(next);
    return { ...next, systemLanguages: this.languages() };
  }

  private languages(): string[] {
    try {
      return this.systemLanguages()
        .filter((tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= 100)
        .slice(0, 50);
    } catch {
      return [];
    }
  }
}
