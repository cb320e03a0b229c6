/** The import aliases of tsconfig.base.json's `paths`, for the bundler and the unit-test runner. */
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const aliases = {
  '@shared': at('./shared'),
  '@renderer': at('./renderer/src'),
  '@main': at('./electron'),
};
