import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './soak/random';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm run check:faults', () => {
  it('runs a small soak through the real handlers and reports every figure, all clean', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/check-faults.ts', '--ops', '40', '--seed', '7'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(err).toBe('');
    expect(out).toMatch(/^operations attempted: 40$/m);
    expect(out).toMatch(/^faults injected: [1-9]\d* \(/m);
    expect(out).toMatch(/^outcomes that matched the emulator's final state: (\d+) of \1 judged/m);
    expect(out).toMatch(/^buckets lost: 0$/m);
    expect(out).toMatch(/^buckets created twice: 0$/m);
    expect(out).toMatch(/^deletes sent twice: 0$/m);
    expect(out).toMatch(/^main-process exceptions: 0$/m);
    expect(out).toMatch(/^final list matches the emulator: yes$/m);
    expect(out).toMatch(/^object deletes and emptying attempted: 10$/m);
    expect(out).toMatch(/^object faults injected: [1-9]\d* \(/m);
    expect(out).toMatch(/^objects reported deleted: [1-9]\d* /m);
    expect(out).toMatch(/^objects deleted that were not asked for: 0$/m);
    expect(out).toMatch(/^objects reported deleted that still exist: 0$/m);
    expect(out).toMatch(/^object main-process exceptions: 0$/m);
    expect(out).toMatch(/^transfer operations attempted: 5 \(\d+ transfers/m);
    expect(out).toMatch(/^files corrupted: 0$/m);
    expect(out).toMatch(/^objects with wrong content: 0$/m);
    expect(out).toMatch(/^transfers reported done that are not: 0$/m);
    expect(out).toMatch(/^orphaned multipart uploads after cancels: 0$/m);
    expect(out).toMatch(/^transfer main-process exceptions: 0$/m);
    expect(code).toBe(0);
  }, 60_000);

  it('refuses a malformed size rather than running a default one', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/check-faults.ts', '--ops', 'many'], { cwd: root, stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
  });
});

describe('the soak generator', () => {
  it('repeats itself for a seed, so a failing soak can be run again exactly', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});
