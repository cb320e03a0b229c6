import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadTarget } from './local-files';
import { isInside, localNames, numberedPaths, safeName } from './safe-path';

const root = mkdtempSync(join(tmpdir(), 'cos-desk-safe-path-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() && !entry.isSymbolicLink() ? allFiles(path) : [path];
  });
}

const nasty = fc.constantFrom('..', '.', '', 'CON', 'aux.txt', 'nul', 'COM1.log', 'lpt9', 'C:', 'C:\\Windows', '\\\\server\\share', '\0', 'a\0b', 'x'.repeat(300), '名'.repeat(120), 'trailing.', 'space ', 'link', '/etc/passwd');
const segment = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const key = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\', '//')).map(([parts, separator]) => parts.join(separator));

describe('downloads write only inside the chosen folder', () => {
  it('for any key, the file written is inside the folder and nothing appears outside it', async () => {
    const chosen = join(root, 'chosen');
    const outside = join(root, 'outside');
    mkdirSync(chosen);
    mkdirSync(outside);
    // A link planted inside, pointing out: writing through it must be refused.
    symlinkSync(outside, join(chosen, 'link'));
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        const target = await downloadTarget(chosen, k);
        if ('path' in target) {
          expect(isInside(chosen, target.path)).toBe(true);
          try {
            writeFileSync(target.path, 'x');
          } catch {
            // A name a earlier key made a folder: not a write at all.
          }
        }
      }),
      { numRuns: 400 },
    );
    expect(allFiles(outside)).toEqual([]);
    for (const file of allFiles(chosen)) {
      expect(isInside(chosen, file)).toBe(true);
      if (!lstatSync(file).isSymbolicLink()) expect(file.startsWith(`${chosen}/`)).toBe(true);
    }
  });

  it('refuses dot names and makes reserved, forbidden and long names safe', () => {
    expect(localNames('a/../b')).toEqual({ refused: 'dotName' });
    expect(localNames('./a')).toEqual({ refused: 'dotName' });
    expect(localNames('/abs/file')).toEqual({ names: ['abs', 'file'] });
    expect(localNames('C:\\Windows\\x')).toEqual({ names: ['C__Windows_x'] });
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('aux.txt')).toBe('_aux.txt');
    expect(safeName('a\0b')).toBe('a_b');
    expect(safeName('dot.')).toBe('dot._');
    const long = safeName(`${'x'.repeat(400)}.jpg`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long.endsWith('.jpg')).toBe(true);
    expect(safeName(`${'x'.repeat(400)}a`)).not.toBe(safeName(`${'x'.repeat(400)}b`));
  });

  it('numbers Keep both\'s names in the same folder, before the extension', () => {
    const names = numberedPaths(join(root, 'photos', 'cat.tar.gz'));
    expect([names.next().value, names.next().value]).toEqual([join(root, 'photos', 'cat.tar (1).gz'), join(root, 'photos', 'cat.tar (2).gz')]);
    expect(numberedPaths(join(root, 'README')).next().value).toBe(join(root, 'README (1)'));
  });
});
