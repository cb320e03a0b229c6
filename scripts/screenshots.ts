/** `npm run screenshots`: the README's pictures, taken through the end-to-end harness against the emulator. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorSeed } from '../e2e/emulator';
import { PROJECT_ROOT, closeSharedBrowser, launchApp } from '../e2e/harness';

const seed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'e2e/emulator/demo-seed.json'), 'utf8')) as EmulatorSeed;
const outDir = join(PROJECT_ROOT, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });

for (const colorScheme of ['light', 'dark'] as const) {
  const app = await launchApp({ seed, signInAs: 0, colorScheme, viewport: { width: 1200, height: 720 } });
  try {
    const { page } = app;
    await page.getByRole('table', { name: 'Buckets' }).getByRole('rowheader').first().waitFor();
    await page.screenshot({ path: join(outDir, `bucket-list-${colorScheme}.png`) });

    await page.getByRole('button', { name: 'Create bucket' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create bucket' });
    await dialog.getByLabel('Bucket name').pressSequentially('Team-Assets');
    await dialog.getByLabel('Region', { exact: true }).selectOption('ap-shanghai');
    await dialog.getByLabel(/^public-read$/).check();
    await page.screenshot({ path: join(outDir, `create-bucket-${colorScheme}.png`) });
  } finally {
    await app.close();
  }
}
await closeSharedBrowser();
console.log(`screenshots written to ${outDir}`);
