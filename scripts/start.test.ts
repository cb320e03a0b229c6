/** Without Electron's binary, `npm start` stops at once with what is missing and what to do instead. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('names the missing Electron binary and points to the demo', async () => {
  const missing = join(import.meta.dirname, 'no-such-electron');
  const failure = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'start.ts')], {
    env: { ...process.env, ELECTRON_EXEC_PATH: missing },
  }).then(
    () => expect.unreachable('npm start succeeded without Electron'),
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain(`COS Desk cannot start: ELECTRON_EXEC_PATH ${missing} does not exist.`);
  expect(failure.stderr).toContain('npm run demo');
});
