import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './harness';

/** The suites drive the built renderer and preload, so build them once before any spec runs. */
export default function globalSetup(): void {
  if (process.env.COS_DESK_SKIP_BUILD === '1') return;
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}
