/**
 * `npm start`: builds COS Desk and opens it in Electron. Where Electron's binary is missing it says so, and what to
 * do, before building anything, instead of failing inside electron-vite with "Electron uninstall".
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../e2e/support/electron-binary';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const binary = findElectronBinary(ROOT);
if ('missing' in binary) {
  console.error(
    [
      `COS Desk cannot start: ${binary.missing}.`,
      'Run `npm ci` where Electron can be downloaded, or set ELECTRON_EXEC_PATH to an Electron executable.',
      'To try COS Desk in a browser against the local COS emulator instead: `npm run demo`.',
    ].join('\n'),
  );
  process.exit(1);
}

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
try {
  execFileSync(bin('electron-vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(bin('electron-vite'), ['preview'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: binary.path } });
} catch (error) {
  process.exit((error as { status?: number }).status ?? 1);
}
