import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, resolveLanguage } from './preferences';
import { setPreferencesInputSchema } from './preferences-contract';

describe('resolveLanguage', () => {
  it('keeps a language the user chose, whatever the system says', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('follows the first system language the app has', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh_TW'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE', 'ZH'])).toBe('zh-CN');
  });

  it('falls back to English', () => {
    expect(resolveLanguage('system', [])).toBe('en');
    expect(resolveLanguage('system', ['ja-JP'])).toBe('en');
  });
});

describe('setPreferences input', () => {
  it('takes any of the four fields within their bounds', () => {
    expect(setPreferencesInputSchema.safeParse({}).success).toBe(true);
    expect(setPreferencesInputSchema.safeParse({ ...DEFAULT_PREFERENCES }).success).toBe(true);
    expect(setPreferencesInputSchema.safeParse({ requestLogSize: 100_000 }).success).toBe(true);
  });

  it.each([
    [{ requestLogSize: 99 }],
    [{ requestLogSize: 100_001 }],
    [{ requestLogSize: 5000.5 }],
    [{ language: 'fr' }],
    [{ theme: 'blue' }],
    [{ fileLogging: 'yes' }],
    [{ systemLanguages: ['en'] }],
  ])('refuses %j', (input) => {
    expect(setPreferencesInputSchema.safeParse(input).success).toBe(false);
  });
});
