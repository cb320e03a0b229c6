/** `npm run screenshots`: the README's pictures, in English and 简体中文, taken through the end-to-end harness against the emulator. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorSeed } from '../e2e/emulator';
import { PROJECT_ROOT, closeSharedBrowser, launchApp } from '../e2e/harness';
import { en } from '../renderer/src/i18n/en';
import { zhCN } from '../renderer/src/i18n/zh-CN';

const seed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'e2e/emulator/demo-seed.json'), 'utf8')) as EmulatorSeed;
const outDir = join(PROJECT_ROOT, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });

// Each language's pictures are taken with the browser in that language, as a first start would show them.
const LANGUAGES = [
  { locale: 'en-US', suffix: '', m: en },
  { locale: 'zh-CN', suffix: '-zh', m: zhCN },
] as const;

for (const { locale, suffix, m } of LANGUAGES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const app = await launchApp({ seed, signInAs: 0, colorScheme, locale, viewport: { width: 1200, height: 720 } });
    try {
      const { page } = app;
      await page.getByRole('table', { name: m.list.tableLabel }).getByRole('rowheader').first().waitFor();
      await page.screenshot({ path: join(outDir, `bucket-list${suffix}-${colorScheme}.png`) });

      await page.getByRole('button', { name: m.list.createBucket }).first().click();
      const dialog = page.getByRole('dialog', { name: m.create.title });
      await dialog.getByLabel(m.create.name).pressSequentially('Team-Assets');
      await dialog.getByLabel(m.create.region, { exact: true }).selectOption('ap-shanghai');
      await dialog.getByLabel(m.create.acls['public-read'], { exact: true }).check();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
      await page.screenshot({ path: join(outDir, `create-bucket${suffix}-${colorScheme}.png`) });
      await page.keyboard.press('Escape');

      if (colorScheme === 'light') {
        await page.getByRole('button', { name: m.header.settings }).click();
        await page.getByRole('dialog', { name: m.settings.title }).waitFor();
        // The picture shows the dialog once it has faded in.
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
        await page.screenshot({ path: join(outDir, `settings${suffix}.png`) });
      }
    } finally {
      await app.close();
    }
  }
}
await closeSharedBrowser();
console.log(`screenshots written to ${outDir}`);
