import { test as base } from '@playwright/test';
import { launchApp, type LaunchOptions, type LaunchedApp } from '../harness';

/** One app per test, closed afterwards; the page's console errors are attached when a test fails. */
export const test = base.extend<{ launch: (options?: LaunchOptions) => Promise<LaunchedApp> }>({
  launch: async ({}, use, testInfo) => {
    const apps: LaunchedApp[] = [];
    const logs: string[] = [];
    await use(async (options) => {
      const app = await launchApp(options);
      app.page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
      app.page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
      apps.push(app);
      return app;
    });
    if (testInfo.status !== testInfo.expectedStatus && logs.length) {
      await testInfo.attach('renderer console', { body: logs.join('\n'), contentType: 'text/plain' });
    }
    for (const app of apps) await app.close();
  },
});

export { expect } from '@playwright/test';

/**
 * How long a test waits for thousands of buckets or objects to arrive: each page is a signed request through the
 * SDK to the emulator, a few seconds in all here, and several times that on a machine busy with other work. Tests
 * that wait so long call `test.slow()`, which gives them three times the usual time.
 */
export const LONG_LIST = { timeout: 60_000 };
