import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('a first start follows the browser’s languages: 中文 for zh-CN', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0, locale: 'zh-CN' });
  const table = page.getByRole('table', { name: '存储桶列表' });
  await expect(table.getByRole('row', { name: /photos-1250000000/ })).toContainText('广州');
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '创建存储桶' }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('Settings switches to 中文 at once, and the choice survives a reload', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const rows = page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /photos-1250000000/ });
  await expect(rows).toContainText('Guangzhou');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });

  // The open dialog and the page behind it change together, without a reload.
  const zhDialog = page.getByRole('dialog', { name: '设置' });
  await expect(zhDialog.getByRole('combobox', { name: '语言' })).toBeVisible();
  await expect(zhDialog.getByRole('combobox', { name: '主题' })).toBeVisible();
  await zhDialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(zhDialog).toBeHidden();
  const zhRow = page.getByRole('table', { name: '存储桶列表' }).getByRole('row', { name: /photos-1250000000/ });
  await expect(zhRow).toContainText('广州');
  await expect(zhRow).toContainText('年');
  await expect(page.getByText(/^共 \d+ 个存储桶$/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('table', { name: '存储桶列表' }).getByRole('row', { name: /photos-1250000000/ })).toContainText('广州');
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible();

  // And back.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page.getByRole('dialog', { name: '设置' }).getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('the theme is the system’s until Settings fixes it to dark or light, and stays so after a reload', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0, colorScheme: 'light' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  const light = await background();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).not.toBe(light);
  const dark = await background();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect.poll(background).toBe(light);
});

test('the request-log size is bounded and kept, with file logging', async ({ launch }) => {
  const { page, call } = await launch({ seed: SEED, signInAs: 0 });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const size = dialog.getByRole('textbox', { name: 'Request log size' });
  await expect(size).toHaveValue('5000');
  await size.fill('99');
  await expect(dialog.getByText('Enter a whole number from 100 to 100,000.')).toBeVisible();
  await size.fill('12000');
  await size.press('Enter');
  // The box shows what the main process keeps: it turns checked once the choice is stored, a round trip later.
  const fileLogging = dialog.getByRole('checkbox', { name: 'Also write the request log to a file' });
  await fileLogging.click();
  await expect(fileLogging).toBeChecked();
  await expect.poll(async () => (await call('getPreferences')).ok && (await call('getPreferences'))).toMatchObject({
    data: { requestLogSize: 12_000, fileLogging: true },
  });
});

test('shortcuts: refresh, new bucket, filter, help, delete; never while typing in a field', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table.getByRole('row', { name: /photos-1250000000/ })).toBeVisible();

  // Refresh asks COS again and keeps the page: the filter typed before is still there.
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('photos');
  await page.getByRole('searchbox', { name: 'Filter by name' }).blur();
  const before = emulator.requests().length;
  await page.keyboard.press('Control+r');
  await expect.poll(() => emulator.requests().length).toBeGreaterThan(before);
  await expect(page.getByRole('searchbox', { name: 'Filter by name' })).toHaveValue('photos');
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('');
  await page.getByRole('searchbox', { name: 'Filter by name' }).blur();

  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: 'Create bucket' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('Control+f');
  const filter = page.getByRole('searchbox', { name: 'Filter by name' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('ph?');
  await expect(filter).toHaveValue('ph?');
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await filter.fill('');
  await filter.blur();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Open the request log/ })).toContainText('Ctrl+Shift+L');
  await expect(help.getByRole('row', { name: /Refresh the list/ })).toContainText('Ctrl+R');
  await page.keyboard.press('Escape');

  await table.getByRole('row', { name: /photos-1250000000/ }).click();
  await page.keyboard.press('Delete');
  const del = page.getByRole('dialog', { name: 'Delete bucket' });
  await expect(del).toContainText('photos-1250000000');
});

test('the help dialog opens from the header and writes ⌘ on macOS', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Open Settings/ })).toContainText('Ctrl+,');
  await page.keyboard.press('Escape');

  await page.addInitScript(() => Object.defineProperty(navigator, 'platform', { get: () => 'MacIntel' }));
  await page.reload();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help.getByRole('row', { name: /Open the request log/ })).toContainText('⌘⇧L');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Meta+,');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});
