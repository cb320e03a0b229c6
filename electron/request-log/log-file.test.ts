import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logFilePath, openLogFile } from './log-file';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'cos-desk-log-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const lines = (index = 0) => readFileSync(logFilePath(folder, index), 'utf8').trimEnd().split('\n');

describe('the rotating log file', () => {
  it('rolls over past its size and keeps at most N files, the newest lines in requests.log', () => {
    const file = openLogFile({ folder, maxBytes: 100, files: 3 });
    for (let i = 0; i < 40; i += 1) file.write(`{"line":${String(i).padStart(3, '0')}}`);
    expect(readdirSync(folder).sort()).toEqual(['requests.1.log', 'requests.2.log', 'requests.log']);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(100);
    expect(lines().at(-1)).toBe('{"line":039}');
    // Each older file ends where the newer one begins.
    const newestOfOlder = Number(/\d+/.exec(lines(1).at(-1)!)![0]);
    const oldestOfNewer = Number(/\d+/.exec(lines(0)[0])![0]);
    expect(oldestOfNewer).toBe(newestOfOlder + 1);
  });

  it('goes on from the size a file already has when the app starts again', () => {
    openLogFile({ folder, maxBytes: 60, files: 2 }).write('x'.repeat(40));
    const again = openLogFile({ folder, maxBytes: 60, files: 2 });
    again.write('y'.repeat(40));
    expect(lines(1)).toEqual(['x'.repeat(40)]);
    expect(lines(0)).toEqual(['y'.repeat(40)]);
  });
});
