import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cosError, createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from '@renderer/features/buckets/components/BucketsPage';

const BUCKET = 'backup-1250000000';
const HOLDS = { objects: 2500, noncurrentVersions: 3, deleteMarkers: 1, uploads: 1 };

/** Delete bucket → BucketNotEmpty → Empty bucket…: the way a user gets to the dialog. */
async function openEmptyDialog(cos = createFakeCos({ buckets: SAMPLE_BUCKETS, contents: { [BUCKET]: HOLDS } })) {
  const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
  const table = await screen.findByRole('table', { name: 'Buckets' });
  const row = within(table).getByRole('rowheader', { name: BUCKET }).closest('tr') as HTMLElement;
  const { user } = rendered;
  await user.click(within(row).getByRole('button', { name: 'Delete' }));
  const deleteDialog = within(await screen.findByRole('dialog', { name: 'Delete bucket' }));
  await user.type(deleteDialog.getByRole('textbox', { name: 'Type the bucket name to confirm' }), BUCKET);
  await user.click(deleteDialog.getByRole('button', { name: 'Delete bucket' }));
  await user.click(await deleteDialog.findByRole('button', { name: 'Empty bucket…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Empty bucket' });
  return { ...rendered, table, dialog, ui: within(dialog) };
}

describe('empty bucket dialog', () => {
  it('names what the bucket holds, asks for its name, empties it with progress and deletes it', async () => {
    const { ui, user, dialog, table, cos } = await openEmptyDialog();
    await ui.findByText('2,500 objects');
    expect(dialog.textContent).toContain('3 noncurrent versions');
    expect(dialog.textContent).toContain('1 delete marker');
    expect(dialog.textContent).toContain('1 unfinished multipart upload');

    const emptyAndDelete = ui.getByRole('button', { name: 'Empty and delete' }) as HTMLButtonElement;
    expect(emptyAndDelete.disabled).toBe(true);
    await user.type(ui.getByRole('textbox', { name: 'Type the bucket name to confirm' }), 'backup');
    expect(emptyAndDelete.disabled).toBe(true);
    await user.type(ui.getByRole('textbox', { name: 'Type the bucket name to confirm' }), '-1250000000');
    expect(emptyAndDelete.disabled).toBe(false);

    const release = cos.hold('emptyBucketStep');
    await user.click(emptyAndDelete);
    const bar = await ui.findByRole('progressbar', { name: 'Emptying' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('2505');
    release();

    await screen.findByText(`Deleted bucket ${BUCKET}.`);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(table).queryByRole('rowheader', { name: BUCKET })).toBeNull();
    // 2,505 entries, 1,000 a step, and one more step that finds nothing.
    expect(cos.callsOf('emptyBucketStep')).toHaveLength(3);
    expect(cos.callsOf('deleteBucket')).toHaveLength(2);
  });

  it('stops on Cancel, says what was removed, and carries on when asked', async () => {
    const { ui, user, cos } = await openEmptyDialog();
    await user.type(await ui.findByRole('textbox', { name: 'Type the bucket name to confirm' }), BUCKET);
    await ui.findByText('2,500 objects');
    const release = cos.hold('emptyBucketStep');
    await user.click(ui.getByRole('button', { name: 'Empty bucket' }));
    await ui.findByRole('progressbar', { name: 'Emptying' });
    await user.click(ui.getByRole('button', { name: 'Cancel' }));
    release();

    await ui.findByText('Stopped. What was removed stays removed; run it again to carry on.');
    // The step that was on its way when Cancel came is counted: COS did it. Nothing more was asked.
    expect(cos.callsOf('emptyBucketStep')).toHaveLength(1);
    expect(ui.getByRole('progressbar', { name: 'Emptying' }).getAttribute('aria-valuenow')).toBe('1000');

    await user.click(ui.getByRole('button', { name: 'Carry on' }));
    await ui.findByText('The bucket is empty.', { selector: '[role=status]' });
    expect(ui.getByRole('progressbar', { name: 'Emptying' }).getAttribute('aria-valuenow')).toBe('2505');
    const summary = within(ui.getByRole('list', { name: 'Removed:' }));
    expect(summary.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2,500 objects',
      '3 noncurrent versions',
      '1 delete marker',
      '1 unfinished multipart upload',
    ]);
    // "Empty bucket" alone leaves the bucket in place.
    expect(cos.callsOf('deleteBucket')).toHaveLength(1);
  });

  it('tells a key that may not delete so, with the CAM action, after the first refused step', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, contents: { [BUCKET]: HOLDS } });
    cos.failNext('emptyBucketStep', cosError('AccessDenied', 403, { action: 'cos:DeleteObject', params: { refused: 1000 } }));
    const { ui, user } = await openEmptyDialog(cos);
    await ui.findByText('2,500 objects');
    await user.type(ui.getByRole('textbox', { name: 'Type the bucket name to confirm' }), BUCKET);
    await user.click(ui.getByRole('button', { name: 'Empty and delete' }));

    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('Emptying stopped.');
    expect(alert.textContent).toContain('cos:DeleteObject');
    expect(cos.callsOf('emptyBucketStep')).toHaveLength(1);
    expect(cos.callsOf('deleteBucket')).toHaveLength(1);
    expect(ui.getByRole('button', { name: 'Carry on' })).toBeTruthy();
  });
});
