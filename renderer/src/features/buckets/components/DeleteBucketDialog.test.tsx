import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from './BucketsPage';

async function openDeleteDialog(bucketName: string, cos = createFakeCos({ buckets: SAMPLE_BUCKETS })) {
  const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
  const table = await screen.findByRole('table', { name: 'Buckets' });
  const row = within(table).getByRole('rowheader', { name: bucketName }).closest('tr') as HTMLElement;
  await rendered.user.click(within(row).getByRole('button', { name: 'Delete' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete bucket' });
  return { ...rendered, table, dialog, ui: within(dialog) };
}

const deleteButton = (dialog: HTMLElement) =>
  within(dialog).getByRole('button', { name: 'Delete bucket' }) as HTMLButtonElement;

describe('delete bucket dialog', () => {
  it('names the bucket and its region, and enables Delete bucket only for the exact name', async () => {
    const { ui, user, dialog, cos } = await openDeleteDialog('photos-1250000000');

    expect(dialog.textContent).toContain('photos-1250000000');
    expect(dialog.textContent).toContain('ap-guangzhou (Guangzhou)');
    const confirm = ui.getByRole('textbox', { name: 'Type the bucket name to confirm' });
    expect(document.activeElement).toBe(confirm);
    expect(deleteButton(dialog).disabled).toBe(true);

    await user.type(confirm, 'photos');
    expect(deleteButton(dialog).disabled).toBe(true);
    await user.type(confirm, '-1250000000 ');
    expect(deleteButton(dialog).disabled).toBe(true);
    await user.type(confirm, '{Backspace}');
    expect(deleteButton(dialog).disabled).toBe(false);
    await user.clear(confirm);
    await user.type(confirm, 'PHOTOS-1250000000');
    expect(deleteButton(dialog).disabled).toBe(true);
    // Enter with a wrong name sends nothing.
    await user.type(confirm, '{Enter}');
    expect(cos.callsOf('deleteBucket')).toHaveLength(0);
  });

  it('deletes, closes and removes the row', async () => {
    const { ui, user, dialog, table, cos } = await openDeleteDialog('photos-1250000000');

    await user.type(ui.getByRole('textbox', { name: 'Type the bucket name to confirm' }), 'photos-1250000000');
    await user.click(deleteButton(dialog));

    await screen.findByText('Deleted bucket photos-1250000000.');
    expect(screen.queryByRole('dialog', { name: 'Delete bucket' })).toBeNull();
    expect(within(table).queryByRole('rowheader', { name: 'photos-1250000000' })).toBeNull();
    expect(screen.getByText('2 buckets')).toBeTruthy();
    expect(cos.callsOf('deleteBucket').map((c) => c.input)).toEqual([
      { bucket: 'photos-1250000000', region: 'ap-guangzhou' },
    ]);
  });

  it('explains BucketNotEmpty, keeps the dialog open and the bucket listed', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, nonEmpty: ['backup-1250000000'] });
    const { ui, user, dialog, table } = await openDeleteDialog('backup-1250000000', cos);
    // Emptying is offered only once COS has said the bucket is not empty.
    expect(ui.queryByRole('button', { name: 'Empty bucket…' })).toBeNull();

    await user.type(ui.getByRole('textbox', { name: 'Type the bucket name to confirm' }), 'backup-1250000000');
    await user.click(deleteButton(dialog));

    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('The bucket was not deleted.');
    expect(alert.textContent).toContain('BucketNotEmpty');
    expect(alert.textContent).toContain('409');
    expect(alert.textContent).toContain('objects, old versions or unfinished multipart uploads');
    expect(alert.textContent).toContain('nothing was changed');
    expect(screen.getByRole('dialog', { name: 'Delete bucket' })).toBe(dialog);
    expect(ui.getByRole('button', { name: 'Empty bucket…' })).toBeTruthy();

    await user.click(ui.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Delete bucket' })).toBeNull();
    expect(within(table).getByRole('rowheader', { name: 'backup-1250000000' })).toBeTruthy();
    expect(screen.getByText('3 buckets')).toBeTruthy();
  });
});
