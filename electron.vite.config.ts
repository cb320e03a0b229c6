import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const external = ['electron', 'cos-nodejs-sdk-v5', 'electron-store'];

/**
 * Library code in chunks of its own, by family, apart from the app's code: a change to the app leaves them as
 * they were. Code used only by a lazily loaded part (the bucket dialogs) stays with that part.
 */
const VENDOR_FAMILIES: [RegExp, string][] = [
  [/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, 'react'],
  [/[\\/]node_modules[\\/]@tanstack[\\/]/, 'tanstack'],
  [/[\\/]node_modules[\\/]@radix-ui[\\/]/, 'radix'],
  [/[\\/]node_modules[\\/]zod[\\/]/, 'zod'],
];

function vendorChunk(id: string): string | undefined {
  return VENDOR_FAMILIES.find(([pattern]) => pattern.test(id))?.[1];
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve(root, 'electron/main.ts') }, external },
    },
  },
  preload: {
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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Electron's Chromium loads module preloads itself.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: { manualChunks: vendorChunk },
      },
    },
  },
});
