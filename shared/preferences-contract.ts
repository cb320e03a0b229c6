/** The schemas of getPreferences and setPreferences (the values themselves: preferences.ts). */
import { z } from 'zod';
import { LANGUAGE_CHOICES, REQUEST_LOG_SIZE, THEMES, type Preferences, type PreferencesState, type SetPreferencesInput } from './preferences';

export const preferencesSchema = z.object({
  language: z.enum(LANGUAGE_CHOICES),
  theme: z.enum(THEMES),
  requestLogSize: z.number().int().min(REQUEST_LOG_SIZE.min).max(REQUEST_LOG_SIZE.max),
  /** The request log's entries also go to a rotating file in the user-data folder. */
  fileLogging: z.boolean(),
});

/** What the page gets: the preferences, and the OS's preferred languages (empty where the main process cannot tell). */
export const preferencesStateSchema = preferencesSchema.extend({
  systemLanguages: z.array(z.string().max(100)).max(50),
});

/** Any of the four, changed; the others stay as kept. */
export const setPreferencesInputSchema = preferencesSchema.partial().strict();

// The schemas and the plain types describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameValues: Same<z.infer<typeof preferencesSchema>, Preferences> &
  Same<z.infer<typeof preferencesStateSchema>, PreferencesState> &
  Same<z.input<typeof setPreferencesInputSchema>, SetPreferencesInput> = true;
void sameValues;
