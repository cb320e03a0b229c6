import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from './BucketsPage';

const MAZ_BUCKET = { name: 'safe-1250000000', region: 'ap-beijing', creationDate: '2024-01-01T00:00:00Z', bucketType: 'maz' };

async function renderPage() {
  const cos = createFakeCos({ buckets: [...SAMPLE_BUCKETS, MAZ_BUCKET], foreignBuckets: ['theirs-1300000000'] });
  const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
  const table = await screen.findByRole('table', { name: 'Buckets' });
  return { ...rendered, table };
}

async function checkFromToolbar(user: Awaited<ReturnType<typeof renderPage>>['user'], bucket: string, region: string) {
  await user.click(screen.getByRole('button', { name: 'Check bucket' }));
  const dialog = await screen.findByRole('dialog', { name: 'Check bucket' });
  const ui = within(dialog);
  const name = ui.getByRole('textbox', { name: 'Bucket' });
  expect(document.activeElement).toBe(name);
  await user.type(name, bucket);
  const regionInput = ui.getByRole('combobox', { name: 'Region' });
  await user.clear(regionInput);
  await user.type(regionInput, region);
  await user.click(ui.getByRole('button', { name: 'Check' }));
  return { dialog, ui };
}

describe('check bucket dialog', () => {
  it('answers "exists and you may use it" with the region, multi-AZ and request id', async () => {
    const { user } = await renderPage();
    const { ui } = await checkFromToolbar(user, 'safe-1250000000', 'ap-beijing');

    expect(await ui.findByText('Exists and you may use it')).toBeTruthy();
    expect(ui.getByText('Exists: true')).toBeTruthy();
    expect(ui.getByText('Region: ap-beijing (Beijing)')).toBeTruthy();
    expect(ui.getByText('Multi-AZ: yes')).toBeTruthy();
    expect(ui.getByText(/^head-\d+$/)).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Copy request ID' })).toBeTruthy();
  });

  it('answers "exists, but you have no permission" for a 403', async () => {
    const { user } = await renderPage();
    const { ui } = await checkFromToolbar(user, 'theirs-1300000000', 'ap-shanghai');

    expect(await ui.findByText('Exists, but you have no permission (403)')).toBeTruthy();
    expect(ui.getByText('Exists: true')).toBeTruthy();
    expect(ui.queryByText(/Multi-AZ:/)).toBeNull();
  });

  it('answers "does not exist" for a 404, and checks again after a change', async () => {
    const { user } = await renderPage();
    const { ui } = await checkFromToolbar(user, 'ghost-1250000000', 'ap-guangzhou');

    expect(await ui.findByText('Does not exist (404)')).toBeTruthy();
    expect(ui.getByText('Exists: false')).toBeTruthy();
    expect(ui.getByText('ghost-1250000000 in ap-guangzhou')).toBeTruthy();

    const name = ui.getByRole('textbox', { name: 'Bucket' });
    await user.clear(name);
    await user.type(name, 'photos-1250000000');
    await user.click(ui.getByRole('button', { name: 'Check' }));
    expect(await ui.findByText('Exists and you may use it')).toBeTruthy();
    expect(ui.getByText('Multi-AZ: no')).toBeTruthy();
  });

  it('opens from a row prefilled with that bucket and its region', async () => {
    const { user, table, cos } = await renderPage();
    const row = within(table).getByRole('rowheader', { name: 'backup-1250000000' }).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Check' }));

    const ui = within(await screen.findByRole('dialog', { name: 'Check bucket' }));
    expect((ui.getByRole('textbox', { name: 'Bucket' }) as HTMLInputElement).value).toBe('backup-1250000000');
    expect((ui.getByRole('combobox', { name: 'Region' }) as HTMLInputElement).value).toBe('ap-shanghai');
    const check = ui.getByRole('button', { name: 'Check' });
    expect(document.activeElement).toBe(check);

    await user.keyboard('{Enter}');
    expect(await ui.findByText('Exists and you may use it')).toBeTruthy();
    expect(cos.callsOf('headBucket').map((c) => c.input)).toEqual([{ bucket: 'backup-1250000000', region: 'ap-shanghai' }]);
  });

  it('checks a bucket in a region outside the catalog, and refuses a malformed region', async () => {
    const { user, cos } = await renderPage();
    const { ui } = await checkFromToolbar(user, 'far-1250000000', 'eu-newplace');
    expect(await ui.findByText('Does not exist (404)')).toBeTruthy();
    expect(cos.callsOf('headBucket').map((c) => c.input)).toEqual([{ bucket: 'far-1250000000', region: 'eu-newplace' }]);

    const region = ui.getByRole('combobox', { name: 'Region' });
    await user.clear(region);
    await user.type(region, 'guangzhou');
    expect(ui.getByText(/A region ID looks like ap-guangzhou/)).toBeTruthy();
    expect((ui.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the full name with its APPID before checking', async () => {
    const { user, cos } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Check bucket' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Check bucket' }));

    await user.type(ui.getByRole('textbox', { name: 'Bucket' }), 'photos');
    expect(ui.getByText(/Write the full name with its APPID/)).toBeTruthy();
    expect((ui.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(cos.callsOf('headBucket')).toHaveLength(0);
  });
});
