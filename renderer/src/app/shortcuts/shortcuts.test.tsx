import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';
import { SHORTCUTS, chordLabel, isMacPlatform, ownsKeys, shortcutOf, type KeyPress } from './shortcuts';
import { handleShortcutKey, useShortcut } from './use-shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('reads ⌘ as the modifier on macOS and Ctrl elsewhere', () => {
    expect(shortcutOf(press('r', { metaKey: true }), true)).toBe('refresh');
    expect(shortcutOf(press('r', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutOf(press('r', { ctrlKey: true }), false)).toBe('refresh');
    expect(shortcutOf(press('r', { metaKey: true }), false)).toBeUndefined();
  });

  it('knows every action, by letter case-insensitively, with Shift only where the chord has it', () => {
    expect(shortcutOf(press('F5'), false)).toBe('refresh');
    expect(shortcutOf(press('n', { ctrlKey: true }), false)).toBe('newBucket');
    expect(shortcutOf(press('F', { ctrlKey: true }), false)).toBe('focusFilter');
    expect(shortcutOf(press('/'), false)).toBe('focusFilter');
    expect(shortcutOf(press('L', { ctrlKey: true, shiftKey: true }), false)).toBe('requestLog');
    expect(shortcutOf(press('l', { ctrlKey: true }), false)).toBeUndefined();
    expect(shortcutOf(press('Delete'), false)).toBe('deleteSelection');
    expect(shortcutOf(press('Backspace', { metaKey: true }), true)).toBe('deleteSelection');
    expect(shortcutOf(press('Backspace'), true)).toBeUndefined();
    expect(shortcutOf(press(',', { metaKey: true }), true)).toBe('settings');
    expect(shortcutOf(press('?', { shiftKey: true }), false)).toBe('help');
    expect(shortcutOf(press('r', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(shortcutOf(press('r'), false)).toBeUndefined();
  });

  it('tells macOS by its platform', () => {
    expect(isMacPlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true);
    expect(isMacPlatform({ platform: 'Win32', userAgent: '' })).toBe(false);
    expect(isMacPlatform({ platform: 'Linux x86_64', userAgent: '' })).toBe(false);
  });
});

describe('chordLabel', () => {
  it('writes ⌘ and ⇧ on macOS, Ctrl+ and Shift+ elsewhere', () => {
    const [requestLog] = SHORTCUTS.requestLog;
    expect(chordLabel(requestLog, true)).toBe('⌘⇧L');
    expect(chordLabel(requestLog, false, en.shortcuts.keyNames)).toBe('Ctrl+Shift+L');
    expect(chordLabel(SHORTCUTS.deleteSelection[1], true)).toBe('⌘⌫');
    expect(chordLabel(SHORTCUTS.deleteSelection[1], false, zhCN.shortcuts.keyNames)).toBe('Ctrl+Backspace');
    expect(chordLabel(SHORTCUTS.refresh[1], false)).toBe('F5');
  });
});

describe('ownsKeys', () => {
  it('gives keys to text fields, lists, editable text and dialogs, not to buttons or checkboxes', () => {
    document.body.innerHTML = `
      <input id="text"><input id="search" type="search"><input id="box" type="checkbox"><textarea id="area"></textarea>
      <select id="list"></select><div id="edit" contenteditable="true"></div><button id="button"></button>
      <div role="dialog"><button id="inDialog"></button></div>`;
    const el = (id: string) => document.getElementById(id);
    for (const id of ['text', 'search', 'area', 'list', 'inDialog']) expect(ownsKeys(el(id)), id).toBe(true);
    for (const id of ['box', 'button']) expect(ownsKeys(el(id)), id).toBe(false);
    expect(ownsKeys(document.body)).toBe(false);
  });
});

function Registered({ refresh }: { refresh: () => void }) {
  useShortcut('refresh', refresh);
  return <input aria-label="Filter" />;
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('handleShortcutKey', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('runs the action a screen registered, and not while typing in a field', () => {
    const refresh = vi.fn();
    const { getByLabelText, unmount } = render(<Registered refresh={refresh} />);

    const onBody = key({ key: 'r', ctrlKey: true });
    Object.defineProperty(onBody, 'target', { value: document.body });
    expect(handleShortcutKey(onBody, false)).toBe(true);
    expect(onBody.defaultPrevented).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);

    const inField = key({ key: 'r', ctrlKey: true });
    Object.defineProperty(inField, 'target', { value: getByLabelText('Filter') });
    expect(handleShortcutKey(inField, false)).toBe(false);
    expect(inField.defaultPrevented).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);

    unmount();
    const afterUnmount = key({ key: 'F5' });
    Object.defineProperty(afterUnmount, 'target', { value: document.body });
    expect(handleShortcutKey(afterUnmount, false)).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('leaves a shortcut nobody registered to the browser (the request log’s, until it exists)', () => {
    const event = key({ key: 'L', ctrlKey: true, shiftKey: true });
    Object.defineProperty(event, 'target', { value: document.body });
    expect(handleShortcutKey(event, false)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });
});
