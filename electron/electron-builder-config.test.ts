/** Packaging cannot run here (it downloads Electron), so the release configuration is checked by reading it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('names the app and packages only the build output, in an asar', () => {
    expect(config).toMatchObject({ appId: 'com.cosdesk.app', productName: 'COS Desk', files: ['out/**'], asar: true });
  });

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('flips the fuses: no run-as-node, encrypted cookies, no NODE_OPTIONS or inspect flags, asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
