/**
 * The language in use. `messages` is a live binding: every component reads it while rendering, and a language
 * change re-renders the app from its root (see useLanguage), so the switch needs no restart.
 */
import { useSyncExternalStore } from 'react';
import type { Language } from '@shared/preferences';
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';

const dictionaries: Record<Language, Messages> = { en, 'zh-CN': zhCN };

export let messages: Messages = en;
let current: Language = 'en';
const listeners = new Set<() => void>();

/** Switches every string, number and date format; the page's lang attribute follows. */
export function setLanguage(language: Language): void {
  const dictionary = dictionaries[language];
  if (language === current && dictionary === messages) return;
  current = language;
  messages = dictionary;
  if (typeof document !== 'undefined') document.documentElement.lang = dictionary.locale;
  for (const listener of listeners) listener();
}

/**
 * Puts another dictionary in a language's place (a pseudo-locale run wraps every text to find any that bypasses
 * the dictionary); the page follows at once if that language is in use.
 */
export function replaceDictionary(language: Language, dictionary: Messages): void {
  dictionaries[language] = dictionary;
  if (language === current) {
    current = language === 'en' ? 'zh-CN' : 'en';
    setLanguage(language);
  }
}

export function currentLanguage(): Language {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentMessages = (): Messages => messages;

/** The dictionary in use, re-rendering the caller when it changes. */
export function useMessages(): Messages {
  return useSyncExternalStore(subscribe, currentMessages);
}

/** A region's readable name in the language in use, or undefined for a region outside the catalog. */
export function regionName(region: string): string | undefined {
  return Object.hasOwn(messages.regions.names, region) ? messages.regions.names[region] : undefined;
}

export type { Messages };
