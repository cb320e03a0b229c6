import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    // The built renderer in Debian's Chromium, the preload bridged to the real handler registry.
    { name: 'chromium', testMatch: /specs\/.*\.spec\.ts$/ },
    // The packaged shell itself; skips, saying why, where no Electron binary exists.
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ },
  ],
});
