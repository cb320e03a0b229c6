import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { aliases } from './aliases.config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const external = ['electron', 'cos-nodejs-sdk-v5', 'electron-store'];

/**
 * Library code in chunks of its own, by family, apart from the app's code: a change to the app leaves them as
 * they were. A family's chunk also takes what its modules import, so the families go in order of priority, React
 * first: otherwise React itself lands in the chunk of whichever library built on it comes first (it did, in
 * Radix's), and that chunk must then load at start. Families only the lazily loaded parts use (Radix, zod: the
 * dialogs and their forms) are then loaded with those parts, not before the first paint.
 */
const VENDOR_FAMILIES: [RegExp, string][] = [
  [/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, 'react'],
  [/[\\/]node_modules[\\/]@tanstack[\\/]/, 'tanstack'],
  [/[\\/]node_modules[\\/]@radix-ui[\\/]/, 'radix'],
  [/[\\/]node_modules[\\/]zod[\\/]/, 'zod'],
];

const vendorGroups = VENDOR_FAMILIES.map(([test, name], index) => ({ name, test, priority: VENDOR_FAMILIES.length - index }));

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve(root, 'electron/main.ts') }, external },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: zod (used by the shared contract) must be bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        external: ['electron'],
        // A sandboxed renderer cannot load an ESM preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: aliases },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Electron's Chromium loads module preloads itself.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: { codeSplitting: { groups: vendorGroups } },
      },
    },
  },
});
