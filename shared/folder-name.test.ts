import { describe, expect, it } from 'vitest';
import { createFolderInputSchema } from './contract';
import { checkFolderName, folderKey, folderNameRoom, utf8Length } from './folder-name';

const broken = (prefix: string, name: string) => checkFolderName(prefix, name).filter((r) => !r.ok).map((r) => r.rule);

describe('folder names', () => {
  it('makes the key <prefix><name>/', () => {
    expect(folderKey('2024/', 'trip')).toBe('2024/trip/');
    expect(folderKey('', 'trip')).toBe('trip/');
  });

  it('accepts any UTF-8 name COS accepts', () => {
    expect(broken('2024/', 'trip 100% ü 照片')).toEqual([]);
    expect(broken('2024/', '\\odd')).toEqual([]);
  });

  it('names each rule a name breaks', () => {
    expect(broken('', '')).toEqual(['required']);
    expect(broken('', 'a/b')).toEqual(['noSlash']);
    expect(broken('', '\\a')).toEqual(['noLeadingBackslash']);
    expect(broken('x/', 'line\nbreak')).toEqual(['allowedChars']);
    expect(broken('x/', 'esc\x1b')).toEqual(['allowedChars']);
    expect(broken('x/', 'tab\tis fine')).toEqual([]);
  });

  it('counts the whole key’s UTF-8 bytes against COS’s 850', () => {
    expect(utf8Length('照😀a')).toBe(3 + 4 + 1);
    const prefix = 'p/';
    expect(folderNameRoom(prefix)).toBe(850 - 3);
    expect(broken(prefix, 'a'.repeat(847))).toEqual([]);
    expect(broken(prefix, 'a'.repeat(848))).toEqual(['keyLength']);
    // 283 three-byte characters are 849 bytes: one character, many bytes.
    expect(broken(prefix, '照'.repeat(282))).toEqual([]);
    expect(broken(prefix, '照'.repeat(283))).toEqual(['keyLength']);
  });
});

describe('the createFolder contract', () => {
  const ref = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };
  const issues = (input: object) => {
    const parsed = createFolderInputSchema.safeParse({ ...ref, ...input });
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('refuses in the main process what the dialog refuses, by the rule broken', () => {
    expect(issues({ prefix: '2024/', name: 'trip' })).toEqual([]);
    expect(issues({ prefix: '2024/', name: 'a/b' })).toEqual(['folder.name.noSlash']);
    expect(issues({ prefix: '', name: '' })).toEqual(['folder.name.required']);
    expect(issues({ prefix: '2024', name: 'trip' })).toEqual(['folder.prefix']);
  });
});
