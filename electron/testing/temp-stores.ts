/** `conf` stores in a fresh folder, the way the e2e harness builds them, plus a scan of what reached the disk. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsStore } from '../settings/settings-store';

export interface TempStores {
  dir: string;
  open(name: 'settings' | 'secrets'): SettingsStore;
  /** Every byte of every file under the folder, as text. */
  diskText(): string;
  /** The parsed contents of one store's file, or undefined when it was never written. */
  read(name: 'settings' | 'secrets'): Record<string, unknown> | undefined;
  remove(): void;
}

export function createTempStores(): TempStores {
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-unit-'));
  const files = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return {
    dir,
    open: (name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'cos-desk' }),
    diskText: () => files().map((f) => readFileSync(join(f.parentPath, f.name), 'utf8')).join('\n'),
    read(name) {
      try {
        return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
