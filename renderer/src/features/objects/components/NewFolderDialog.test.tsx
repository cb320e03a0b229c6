import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Workspace } from '@renderer/app/Workspace';
import { cosError, createFakeCos, type FakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';

const BUCKET = SAMPLE_BUCKETS[0];

async function openNewFolder(prepare?: (cos: FakeCos) => void) {
  const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: [{ key: 'team-a/plan.txt' }, { key: 'team-a/old/x.txt' }] } });
  prepare?.(cos);
  const rendered = renderWithCos(<Workspace defaultRegion="ap-guangzhou" />, { cos });
  const { user } = rendered;
  await user.click(await screen.findByRole('link', { name: BUCKET.name }));
  await user.click(within(await screen.findByRole('table', { name: 'Objects' })).getByRole('link', { name: /team-a/ }));
  await screen.findByRole('button', { name: 'plan.txt' });
  await user.click(screen.getByRole('button', { name: 'New folder…' }));
  const dialog = await screen.findByRole('dialog', { name: 'New folder' });
  return { ...rendered, cos, dialog, box: within(dialog).getByRole('textbox', { name: 'Folder name' }) };
}

const unmet = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Key rules' }))
    .getAllByRole('listitem')
    .filter((li) => li.className.includes('rule--bad'))
    .map((li) => li.textContent?.replace(/^✗Not met: /, ''));

describe('the New folder dialog', () => {
  it('creates <prefix><name>/ in the open folder, closes, and lists the new folder', async () => {
    const { dialog, box, user, cos } = await openNewFolder();
    expect(document.activeElement).toBe(box);
    await user.type(box, 'trip 2024');
    expect(within(dialog).getByText('team-a/trip 2024/')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cos.callsOf('createFolder')).toEqual([{ method: 'createFolder', input: { bucket: BUCKET.name, region: BUCKET.region, prefix: 'team-a/', name: 'trip 2024' } }]);
    expect(await within(screen.getByRole('table', { name: 'Objects' })).findByRole('link', { name: /trip 2024\// })).toBeTruthy();
  });

  it('marks each key rule as typed and will not create until all are met', async () => {
    const { dialog, box, user, cos } = await openNewFolder();
    const create = within(dialog).getByRole('button', { name: 'Create folder' }) as HTMLButtonElement;
    expect(unmet(dialog)).toEqual(['Not empty']);
    expect(create.disabled).toBe(true);

    await user.type(box, 'a/b');
    expect(unmet(dialog)).toEqual(['No slash (/): one folder at a time']);
    expect(create.disabled).toBe(true);

    await user.clear(box);
    await user.type(box, 'x'.repeat(841));
    // team-a/ (7) + 841 + / = 849 bytes: within 850. One more three-byte character is over.
    expect(unmet(dialog)).toEqual([]);
    await user.type(box, '照');
    expect(unmet(dialog)).toEqual(['The whole key at most 850 bytes of UTF-8 (now 852)']);
    expect(create.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(cos.callsOf('createFolder')).toHaveLength(0);
  });

  it('says a name is taken by a folder already here', async () => {
    const { dialog, box, user } = await openNewFolder();
    await user.type(box, 'old');
    expect(within(dialog).getByText('A folder of this name is already here.')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Create folder' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows COS’s refusal and keeps the name for another try', async () => {
    const { dialog, box, user } = await openNewFolder((cos) => cos.failNext('createFolder', cosError('AccessDenied', 403, { action: 'cos:PutObject' })));
    await user.type(box, 'new');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('COS did not create the folder.');
    expect(alert.textContent).toContain('cos:PutObject');
    expect((box as HTMLInputElement).value).toBe('new');
  });
});
