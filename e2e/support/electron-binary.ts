import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds Electron's executable without loading the `electron` package, whose loading starts a download
 * (unreachable on machines without internet access).
 */
export function findElectronBinary(projectRoot: string): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_EXEC_PATH;
  if (override) return existsSync(override) ? { path: override } : { missing: `ELECTRON_EXEC_PATH ${override} does not exist` };
  const pkg = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} is missing` };
}
