/**
 * The app's menu: Electron's default one without its View menu. That menu's Reload (Ctrl+R / ⌘R) and Force Reload
 * would reload the whole window, losing what is open and typed, where the page's own shortcut refreshes the list
 * (see renderer/src/app/shortcuts); its developer tools have no place in the app either. Edit stays: on macOS copy
 * and paste work through it.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return [...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), { role: 'fileMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
