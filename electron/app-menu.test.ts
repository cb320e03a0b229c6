import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu';

describe('the app menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s keeps Edit and leaves out View, whose Reload would take Ctrl+R / ⌘R', (platform) => {
    const roles = appMenuTemplate(platform).map((item) => item.role);
    expect(roles).toContain('editMenu');
    expect(roles).not.toContain('viewMenu');
    expect(roles).not.toContain('reload');
    expect(roles.includes('appMenu')).toBe(platform === 'darwin');
  });
});
