import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@renderer/app/App';
import { setLanguage } from '@renderer/i18n';
import { createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';

afterEach(() => {
  setLanguage('en');
  delete document.documentElement.dataset.theme;
});

async function openSettings(user: ReturnType<typeof renderWithCos>['user'], name = 'Settings') {
  await user.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog', { name });
}

describe('the Settings dialog', () => {
  it('switches to 简体中文 at once: the header, the list and the dialog itself, and keeps the choice', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderWithCos(<App />, { cos });
    await screen.findByRole('table', { name: 'Buckets' });
    const dialog = await openSettings(user);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Language' }), 'zh-CN');

    const zhDialog = await screen.findByRole('dialog', { name: '设置' });
    expect(within(zhDialog).getByRole('combobox', { name: '语言' })).toBeTruthy();
    // Behind the dialog, hidden from screen readers while it is open.
    expect(screen.getByRole('table', { name: '存储桶列表', hidden: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: '创建存储桶', hidden: true })).toBeTruthy();
    expect(screen.getAllByText('广州').length).toBeGreaterThan(0);
    expect(screen.getByRole('columnheader', { name: /所属地域/, hidden: true })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(cos.preferences.language).toBe('zh-CN');
  });

  it('follows the system languages the main process reports until a language is chosen', async () => {
    renderWithCos(<App />, { buckets: SAMPLE_BUCKETS, preferences: { systemLanguages: ['zh-CN'] } });
    expect(await screen.findByRole('button', { name: '设置' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: '存储桶列表' })).toBeTruthy();
  });

  it('fixes the theme to light or dark, or leaves it to the system', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openSettings(user);
    const theme = within(dialog).getByRole('combobox', { name: 'Theme' });

    await user.selectOptions(theme, 'dark');
    await screen.findByRole('dialog', { name: 'Settings' });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.selectOptions(theme, 'system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(cos.preferences.theme).toBe('system');
  });

  it('keeps a request-log size within bounds, says the bounds otherwise, and switches file logging', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openSettings(user);
    const size = within(dialog).getByRole('textbox', { name: 'Request log size' });
    expect((size as HTMLInputElement).value).toBe('5000');

    await user.clear(size);
    await user.type(size, '50');
    expect(within(dialog).getByText('Enter a whole number from 100 to 100,000.')).toBeTruthy();
    fireEvent.blur(size);
    expect(cos.callsOf('setPreferences')).toHaveLength(0);

    await user.clear(size);
    await user.type(size, '20000{Enter}');
    expect(cos.callsOf('setPreferences').at(-1)?.input).toEqual({ requestLogSize: 20_000 });

    await user.click(within(dialog).getByRole('checkbox', { name: 'Also write the request log to a file' }));
    expect(cos.preferences).toMatchObject({ requestLogSize: 20_000, fileLogging: true });
  });
});

describe('the keyboard shortcuts', () => {
  it('open Settings and the shortcuts list, and refresh, create and filter on the bucket list', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderWithCos(<App />, { cos });
    await screen.findByRole('table', { name: 'Buckets' });
    const lists = cos.callsOf('listBucketsPage').length;

    await user.keyboard('{Control>}r{/Control}');
    await expect.poll(() => cos.callsOf('listBucketsPage').length).toBeGreaterThan(lists);

    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Filter by name' }));
    // Typing in the filter is typing, not shortcuts.
    await user.keyboard('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect((screen.getByRole('searchbox', { name: 'Filter by name' }) as HTMLInputElement).value).toBe('?');

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('rowheader', { name: 'Open the request log' })).toBeTruthy();
    expect(within(help).getByText('Ctrl+Shift+L')).toBeTruthy();
    await user.keyboard('{Escape}');

    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Create bucket' })).toBeTruthy();
    await user.keyboard('{Escape}');

    await user.keyboard('{Control>},{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('open Delete objects for the objects selected in a folder', async () => {
    const objects = { [SAMPLE_BUCKETS[0].name]: [{ key: 'a.txt', size: 1 }, { key: 'b.txt', size: 2 }] };
    const { user } = renderWithCos(<App />, { buckets: SAMPLE_BUCKETS, objects });
    await user.click(await screen.findByRole('link', { name: SAMPLE_BUCKETS[0].name }));
    const table = await screen.findByRole('table', { name: 'Objects' });
    await user.keyboard('{Delete}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(await within(table).findByRole('checkbox', { name: 'Select b.txt' }));
    await user.keyboard('{Delete}');
    const dialog = await screen.findByRole('dialog', { name: 'Delete objects' });
    expect(dialog.textContent).toContain('b.txt');
    expect(dialog.textContent).not.toContain('a.txt');
  });

  it('open Delete bucket for the selected bucket with the Delete key', async () => {
    const { user } = renderWithCos(<App />, { buckets: SAMPLE_BUCKETS });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    const row = within(table).getByRole('rowheader', { name: 'backup-1250000000' }).closest('tr')!;
    await user.click(row);
    expect(row.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Delete}');
    const dialog = await screen.findByRole('dialog', { name: 'Delete bucket' });
    expect(within(dialog).getByText('backup-1250000000')).toBeTruthy();
  });
});
