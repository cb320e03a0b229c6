import { afterEach, describe, expect, it } from 'vitest';
import { channelOf } from '@shared/contract';
import { DEFAULT_PREFERENCES, REQUEST_LOG_SIZE } from '@shared/preferences';
import { createMainProcess } from '../app-services';
import { createFakeCipher } from '../testing/fake-cipher';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { PreferencesStore } from './preferences-store';

let stores: TempStores;
afterEach(() => stores?.remove());

const TRUSTED = { url: 'app://cos-desk/index.html', isMainFrame: true };

describe('PreferencesStore', () => {
  it('starts with nothing chosen: the system language and theme, 5,000 requests, no file', () => {
    stores = createTempStores();
    const store = new PreferencesStore(stores.open('settings'), () => ['zh-CN', 'en-US']);
    expect(store.getPreferences()).toEqual({ ...DEFAULT_PREFERENCES, systemLanguages: ['zh-CN', 'en-US'] });
    expect(DEFAULT_PREFERENCES.requestLogSize).toBe(5000);
  });

  it('keeps each change in the settings file, for the next start', () => {
    stores = createTempStores();
    new PreferencesStore(stores.open('settings')).setPreferences({ language: 'zh-CN', theme: 'dark' });
    const next = new PreferencesStore(stores.open('settings'));
    next.setPreferences({ requestLogSize: 20_000, fileLogging: true });

    const again = new PreferencesStore(stores.open('settings')).getPreferences();
    expect(again).toEqual({ language: 'zh-CN', theme: 'dark', requestLogSize: 20_000, fileLogging: true, systemLanguages: [] });
    expect(stores.read('settings')?.preferences).toEqual({ language: 'zh-CN', theme: 'dark', requestLogSize: 20_000, fileLogging: true });
  });

  it('reads each kept value on its own: one that no longer parses falls back to its default', () => {
    stores = createTempStores();
    const settings = stores.open('settings');
    settings.set('preferences', { language: 'klingon', theme: 'dark', requestLogSize: 10, fileLogging: 'yes', extra: 1 });
    expect(new PreferencesStore(settings).read()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark' });
    settings.set('preferences', 'not an object');
    expect(new PreferencesStore(settings).read()).toEqual(DEFAULT_PREFERENCES);
  });

  it('resolves the language the main process’s own dialogs speak: the chosen one, else the system’s', () => {
    stores = createTempStores();
    const store = new PreferencesStore(stores.open('settings'), () => ['zh-TW', 'en-US']);
    expect(store.language()).toBe('zh-CN');
    store.setPreferences({ language: 'en' });
    expect(store.language()).toBe('en');
  });

  it('tells listeners (the request log) every change', () => {
    stores = createTempStores();
    const store = new PreferencesStore(stores.open('settings'));
    const seen: number[] = [];
    const stop = store.onChange((p) => seen.push(p.requestLogSize));
    store.setPreferences({ requestLogSize: 300 });
    stop();
    store.setPreferences({ requestLogSize: 400 });
    expect(seen).toEqual([300]);
  });

  it('passes on only well-formed system languages, and none when the OS cannot say', () => {
    stores = createTempStores();
    const odd = new PreferencesStore(stores.open('settings'), () => ['', 'x'.repeat(200), 'en-GB', ...Array(100).fill('fr')]);
    expect(odd.getPreferences().systemLanguages).toHaveLength(50);
    expect(odd.getPreferences().systemLanguages[0]).toBe('en-GB');
    const failing = new PreferencesStore(stores.open('settings'), () => {
      throw new Error('no locale');
    });
    expect(failing.getPreferences().systemLanguages).toEqual([]);
  });
});

describe('getPreferences and setPreferences over IPC', () => {
  function mainProcess() {
    stores = createTempStores();
    return createMainProcess({
      settings: stores.open('settings'),
      secretSettings: stores.open('secrets'),
      cipher: createFakeCipher(),
      routeConsent: { ask: async () => false },
      isTrustedSender: () => true,
      systemLanguages: () => ['zh-Hans-CN'],
    });
  }

  it('answers the preferences with the OS languages, and keeps a change', async () => {
    const { registry } = mainProcess();
    expect(await registry.invoke(channelOf('getPreferences'), TRUSTED, undefined)).toEqual({
      ok: true,
      data: { ...DEFAULT_PREFERENCES, systemLanguages: ['zh-Hans-CN'] },
    });
    const set = await registry.invoke(channelOf('setPreferences'), TRUSTED, { language: 'en', requestLogSize: REQUEST_LOG_SIZE.max });
    expect(set).toMatchObject({ ok: true, data: { language: 'en', requestLogSize: 100_000, theme: 'system' } });
    expect(stores.read('settings')?.preferences).toMatchObject({ language: 'en', requestLogSize: 100_000 });
  });

  it('refuses a size out of bounds with the bound, and keeps nothing of it', async () => {
    const { registry } = mainProcess();
    const answer = await registry.invoke(channelOf('setPreferences'), TRUSTED, { requestLogSize: 50, theme: 'dark' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'requestLogSize', rule: 'too_small', limit: 100 }] } });
    expect(stores.read('settings')?.preferences).toBeUndefined();
  });
});
