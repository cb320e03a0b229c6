/**
 * The keyboard shortcuts: which keys do what, how they are written for this platform (⌘ on macOS, Ctrl
 * elsewhere), and when a key press is one of them. A shortcut never fires while the user types in a field or works
 * in a dialog: the field or the dialog gets the key.
 */

export const SHORTCUT_IDS = ['refresh', 'newBucket', 'focusFilter', 'requestLog', 'deleteSelection', 'settings', 'help'] as const;
export type ShortcutId = (typeof SHORTCUT_IDS)[number];

/** One key combination. `mod` is ⌘ on macOS and Ctrl elsewhere. */
export interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export const SHORTCUTS: Readonly<Record<ShortcutId, readonly Chord[]>> = {
  refresh: [{ key: 'r', mod: true }, { key: 'F5' }],
  newBucket: [{ key: 'n', mod: true }],
  focusFilter: [{ key: 'f', mod: true }, { key: '/' }],
  requestLog: [{ key: 'l', mod: true, shift: true }],
  deleteSelection: [{ key: 'Delete' }, { key: 'Backspace', mod: true }],
  settings: [{ key: ',', mod: true }],
  help: [{ key: '?' }, { key: 'F1' }],
};

/** Keys whose character already needs Shift on common layouts: Shift is not part of their chord. */
const SHIFTED_CHARACTERS = new Set(['?']);

export function isMacPlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> | undefined = globalThis.navigator): boolean {
  return nav ? /Mac|iPhone|iPad/i.test(nav.platform || nav.userAgent) : false;
}

export type KeyPress = Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'altKey' | 'shiftKey'>;

function matches(chord: Chord, press: KeyPress, mac: boolean): boolean {
  const mod = mac ? press.metaKey : press.ctrlKey;
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  if (press.altKey || otherMod || mod !== Boolean(chord.mod)) return false;
  if (!SHIFTED_CHARACTERS.has(chord.key) && press.shiftKey !== Boolean(chord.shift)) return false;
  return chord.key.length === 1 ? press.key.toLowerCase() === chord.key : press.key === chord.key;
}

/** The shortcut a key press means, if any. */
export function shortcutOf(press: KeyPress, mac: boolean): ShortcutId | undefined {
  return SHORTCUT_IDS.find((id) => SHORTCUTS[id].some((chord) => matches(chord, press, mac)));
}

const NOT_TYPED_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * Whether keys pressed here belong to the element: a text field, a list box, editable text, or anything inside a
 * dialog (which has its own keys, Escape among them).
 */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[role="dialog"], [role="alertdialog"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INPUTS.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** How a chord is written: "⌘⇧L" on macOS, "Ctrl+Shift+L" elsewhere; named keys through `keyNames`. */
export function chordLabel(chord: Chord, mac: boolean, keyNames: Readonly<Record<string, string>> = {}): string {
  if (mac) {
    const key = chord.key === 'Backspace' ? '⌫' : chord.key === 'Delete' ? '⌦' : chord.key.length === 1 ? chord.key.toUpperCase() : (keyNames[chord.key] ?? chord.key);
    return `${chord.mod ? '⌘' : ''}${chord.shift ? '⇧' : ''}${key}`;
  }
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : (keyNames[chord.key] ?? chord.key);
  return [chord.mod ? (keyNames.Ctrl ?? 'Ctrl') : '', chord.shift ? (keyNames.Shift ?? 'Shift') : '', key].filter(Boolean).join('+');
}
