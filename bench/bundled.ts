/**
 * Bench code of COS Desk's main process, bundled into one plain JavaScript file first, as the app ships it
 * (electron-vite builds the main process the same way). Run through the TypeScript loader instead, the code is not
 * what ships: the loader's compiled sources count for about half of a small process's memory, and its transform
 * keeps every function's name by wrapping each closure as it is made (a property defined on it), which ships
 * nowhere and costs every small transfer a few dozen such calls.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { aliases } from '../aliases.config';
import { PROJECT_ROOT } from '../e2e/harness';

/** Builds `entry` (a path under bench/) into out/bench/`name`.mjs, packages left outside; returns the file's path. */
export async function bundled(entry: string, name: string): Promise<string> {
  const outDir = join(PROJECT_ROOT, 'out', 'bench');
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: aliases },
    build: {
      ssr: join(PROJECT_ROOT, 'bench', entry),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  return join(outDir, `${name}.mjs`);
}
