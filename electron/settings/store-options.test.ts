import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_FILE_OPTIONS } from './store-options';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings files', () => {
  it('are readable and writable by their owner only, whatever the umask', () => {
    dir = mkdtempSync(join(tmpdir(), 'cos-desk-mode-'));
    const previous = process.umask(0o000);
    try {
      const store = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'cos-desk', ...SETTINGS_FILE_OPTIONS });
      store.set('profiles', []);
      store.set('activeProfileId', 'x');
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });
});
