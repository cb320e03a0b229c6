/**
 * A new folder is the zero-byte object `<prefix><name>/`. Its name is checked against COS's key rules (doc 13324)
 * as the user types, and the same checks run again in the main process.
 */
import type { RuleResult } from './bucket-name';

/** COS's longest key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 850;

export type FolderNameRule = 'required' | 'noSlash' | 'noLeadingBackslash' | 'allowedChars' | 'keyLength';

/** The key that makes the folder. */
export function folderKey(prefix: string, name: string): string {
  return `${prefix}${name}/`;
}

/** UTF-8 bytes of a string, without Buffer or TextEncoder, which this folder's code may not use. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function checkFolderName(prefix: string, name: string): RuleResult<FolderNameRule>[] {
  return [
    { rule: 'required', ok: name.length > 0 },
    // One folder at a time: a slash would make a folder inside a folder the user did not ask for.
    { rule: 'noSlash', ok: !name.includes('/') },
    // Only a key's first character is concerned, and the key starts with the name only at the bucket's root.
    { rule: 'noLeadingBackslash', ok: !(prefix === '' && name.startsWith('\\')) },
    // Line breaks and ASCII 24-27 are the characters COS names as refused in a key.
    // eslint-disable-next-line no-control-regex
    { rule: 'allowedChars', ok: !/[\n\r\x18-\x1b]/.test(name) },
    { rule: 'keyLength', ok: utf8Length(folderKey(prefix, name)) <= MAX_KEY_BYTES },
  ];
}

/** How many bytes of the name the key still has room for. */
export function folderNameRoom(prefix: string): number {
  return MAX_KEY_BYTES - utf8Length(folderKey(prefix, ''));
}
