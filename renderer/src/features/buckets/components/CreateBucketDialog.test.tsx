import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cosError, createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { sessionKeys } from '@renderer/api/query-keys';
import { MAIN_PROFILE, signedInAs } from '@renderer/test/fake-session';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import type { SessionState } from '@shared/contract';
import { BucketsPage } from './BucketsPage';

async function openCreateDialog(cos = createFakeCos({ buckets: SAMPLE_BUCKETS }), session?: SessionState) {
  const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
  // The app has the session loaded before this page shows; the page itself never asks for it.
  if (session) act(() => void rendered.queryClient.setQueryData(sessionKeys.current(), session));
  await screen.findByRole('table', { name: 'Buckets' });
  await rendered.user.click(screen.getByRole('button', { name: 'Create bucket' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create bucket' });
  return { ...rendered, dialog, ui: within(dialog) };
}

function rule(dialog: HTMLElement, text: RegExp): { ok: boolean; text: string } {
  const item = within(dialog).getByText(text, { selector: 'li' });
  const mark = item.querySelector('.rule__mark')?.textContent;
  return { ok: mark === '✓', text: item.textContent ?? '' };
}

const createButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Create' }) as HTMLButtonElement;

describe('create bucket dialog', () => {
  it('opens from the toolbar with the name field focused and the APPID offered from the listed buckets', async () => {
    const { ui, dialog } = await openCreateDialog();

    const name = ui.getByRole('textbox', { name: 'Bucket name' });
    expect(document.activeElement).toBe(name);
    const appId = ui.getByRole('combobox', { name: 'APPID' }) as HTMLInputElement;
    expect(appId.value).toBe('1250000000');
    expect(ui.getByText('Taken from your existing buckets: 1250000000.')).toBeTruthy();
    const listId = appId.getAttribute('list') ?? '';
    expect([...(document.getElementById(listId)?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual(['1250000000']);
    expect(createButton(dialog).disabled).toBe(true);
  });

  it('lowercases uppercase letters as they are typed and says so', async () => {
    const { ui, user } = await openCreateDialog();
    expect(ui.queryByText('Uppercase letters were changed to lowercase')).toBeNull();

    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'MyPhotos');

    expect((ui.getByRole('textbox', { name: 'Bucket name' }) as HTMLInputElement).value).toBe('myphotos');
    expect(ui.getByText('Uppercase letters were changed to lowercase')).toBeTruthy();
    expect(ui.getByText('myphotos-1250000000')).toBeTruthy();
    expect(ui.getByText('myphotos-1250000000.cos.ap-guangzhou.myqcloud.com')).toBeTruthy();
  });

  it('marks each naming rule met or not as the user types', async () => {
    const { ui, user, dialog } = await openCreateDialog();
    const name = ui.getByRole('textbox', { name: 'Bucket name' });

    expect(rule(dialog, /Not empty/).ok).toBe(false);

    await user.type(name, '-bad_name');
    expect(rule(dialog, /Not empty/).ok).toBe(true);
    expect(rule(dialog, /Lowercase letters, digits and hyphens only/).ok).toBe(false);
    expect(rule(dialog, /Does not start or end with a hyphen/).ok).toBe(false);
    expect(createButton(dialog).disabled).toBe(true);

    await user.clear(name);
    await user.type(name, 'good-name-1');
    expect(rule(dialog, /Lowercase letters, digits and hyphens only/).ok).toBe(true);
    expect(rule(dialog, /Does not start or end with a hyphen/).ok).toBe(true);
    expect(rule(dialog, /APPID entered/).ok).toBe(true);
    expect(rule(dialog, /APPID is a number/).ok).toBe(true);
    expect(createButton(dialog).disabled).toBe(false);

    const appId = ui.getByRole('combobox', { name: 'APPID' });
    await user.clear(appId);
    expect(rule(dialog, /APPID entered/).ok).toBe(false);
    await user.type(appId, '0123');
    expect(rule(dialog, /APPID is a number/).ok).toBe(false);
    expect(createButton(dialog).disabled).toBe(true);
  });

  it('allows the whole host at 60 characters and refuses one more', async () => {
    const { ui, user, dialog } = await openCreateDialog();
    // `-1250000000.cos.ap-guangzhou.myqcloud.com` is 41 characters, leaving 19 for the name.
    const name = ui.getByRole('textbox', { name: 'Bucket name' });

    await user.type(name, 'a'.repeat(19));
    const atLimit = rule(dialog, /At most 19 characters with this APPID and region/);
    expect(atLimit.ok).toBe(true);
    expect(atLimit.text).toContain('(now 19)');
    expect(ui.getByText('60 of 60 characters')).toBeTruthy();
    expect(createButton(dialog).disabled).toBe(false);

    await user.type(name, 'b');
    const past = rule(dialog, /At most 19 characters with this APPID and region/);
    expect(past.ok).toBe(false);
    expect(past.text).toContain('(now 20)');
    expect(ui.getByText('61 of 60 characters')).toBeTruthy();
    expect(createButton(dialog).disabled).toBe(true);

    // A shorter region leaves room for more: ap-seoul is 4 characters shorter than ap-guangzhou.
    await user.selectOptions(ui.getByRole('combobox', { name: 'Region' }), 'ap-seoul');
    expect(rule(dialog, /At most 23 characters/).ok).toBe(true);
  });

  it('previews the host from the profile’s bucket domain, while the name limit stays COS’s own', async () => {
    const session = signedInAs({ ...MAIN_PROFILE, bucketDomain: '{Bucket}.cos.{Region}.example.com' });
    const { ui, user, dialog } = await openCreateDialog(createFakeCos({ buckets: SAMPLE_BUCKETS, session }), session);
    const name = ui.getByRole('textbox', { name: 'Bucket name' });

    await user.type(name, 'photos');
    expect(ui.getByText('photos-1250000000.cos.ap-guangzhou.example.com')).toBeTruthy();
    expect(ui.queryByText(/myqcloud\.com$/, { selector: 'code' })).toBeNull();
    // COS's own host, photos-1250000000.cos.ap-guangzhou.myqcloud.com, is what the 60 characters count.
    expect(ui.getByText('COS’s own host name: 47 of 60 characters')).toBeTruthy();
    expect(rule(dialog, /At most 19 characters/).text).toMatch(/bucket domain.*still follows COS’s rule/);

    await user.selectOptions(ui.getByRole('combobox', { name: 'Region' }), 'ap-seoul');
    expect(ui.getByText('photos-1250000000.cos.ap-seoul.example.com')).toBeTruthy();

    await user.clear(name);
    await user.type(name, 'a'.repeat(23));
    expect(rule(dialog, /At most 23 characters/).ok).toBe(true);
    await user.type(name, 'b');
    expect(rule(dialog, /At most 23 characters/).ok).toBe(false);
    expect(createButton(dialog).disabled).toBe(true);
  });

  it('previews COS’s own host when the profile has no bucket domain', async () => {
    const session = signedInAs(MAIN_PROFILE);
    const { ui, user, dialog } = await openCreateDialog(createFakeCos({ buckets: SAMPLE_BUCKETS, session }), session);
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'photos');
    expect(ui.getByText('photos-1250000000.cos.ap-guangzhou.myqcloud.com')).toBeTruthy();
    expect(ui.getByText('47 of 60 characters')).toBeTruthy();
    expect(rule(dialog, /At most 19 characters/).text).not.toMatch(/bucket domain/);
  });

  it('validates the grants, lists the ids it cannot accept, and sends the valid ones', async () => {
    const { ui, user, dialog, cos } = await openCreateDialog();
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'shared');

    const read = ui.getByRole('textbox', { name: 'Read' });
    await user.type(read, '123, abc,100000000002');
    expect(ui.getByText('Not an account ID: 123, abc')).toBeTruthy();
    expect(read.getAttribute('aria-invalid')).toBe('true');
    expect(createButton(dialog).disabled).toBe(true);

    await user.clear(read);
    await user.type(read, '100000000002\nqcs::cam::uin/100000000001:uin/100000000003');
    expect(ui.queryByText(/Not an account ID/)).toBeNull();
    expect(ui.getByText('2 accounts')).toBeTruthy();
    await user.type(ui.getByRole('textbox', { name: 'Full control' }), 'id="100000000004"');
    expect(ui.getByText('1 account')).toBeTruthy();
    await user.type(ui.getByRole('textbox', { name: 'Write' }), 'qcs::cam::uin/1:uin/2');
    expect(ui.getByText('Not an account ID: qcs::cam::uin/1:uin/2')).toBeTruthy();
    await user.clear(ui.getByRole('textbox', { name: 'Write' }));

    await user.click(createButton(dialog));
    await screen.findByText('Created bucket shared-1250000000.');
    expect(cos.callsOf('createBucket')[0].input).toMatchObject({
      grantRead: ['100000000002', 'qcs::cam::uin/100000000001:uin/100000000003'],
      grantWrite: [],
      grantFullControl: ['100000000004'],
    });
  });

  it('offers multi-AZ only where the region has it, and says why not elsewhere', async () => {
    const { ui, user } = await openCreateDialog();
    const maz = ui.getByRole('checkbox', { name: 'Multi-AZ storage' }) as HTMLInputElement;
    expect(maz.disabled).toBe(false);

    await user.click(maz);
    expect(maz.checked).toBe(true);

    await user.selectOptions(ui.getByRole('combobox', { name: 'Region' }), 'ap-nanjing');
    expect(maz.disabled).toBe(true);
    expect(maz.checked).toBe(false);
    const why = document.getElementById(maz.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(why).toContain('Not offered in ap-nanjing (Nanjing)');
    expect(why).toContain('Guangzhou');
  });

  it('warns visibly when the ACL makes the bucket public', async () => {
    const { ui, user } = await openCreateDialog();
    expect((ui.getByRole('radio', { name: 'private' }) as HTMLInputElement).checked).toBe(true);
    expect(ui.queryByRole('alert')).toBeNull();

    await user.click(ui.getByRole('radio', { name: 'public-read' }));
    expect(ui.getByRole('alert').textContent).toContain('anyone on the internet will be able to read every object');

    await user.click(ui.getByRole('radio', { name: 'public-read-write' }));
    expect(ui.getByRole('alert').textContent).toContain('read, overwrite and delete');

    await user.click(ui.getByRole('radio', { name: 'private' }));
    expect(ui.queryByRole('alert')).toBeNull();
  });

  it('accepts a well-formed region outside the catalog and refuses a malformed one', async () => {
    const { ui, user, dialog, cos } = await openCreateDialog();
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'far');
    await user.selectOptions(ui.getByRole('combobox', { name: 'Region' }), 'Other region…');

    const regionId = ui.getByRole('textbox', { name: 'Region ID' });
    expect(document.activeElement).toBe(regionId);
    await user.clear(regionId);
    await user.type(regionId, 'nowhere');
    expect(ui.getByText(/A region ID looks like ap-guangzhou/)).toBeTruthy();
    expect(createButton(dialog).disabled).toBe(true);

    await user.clear(regionId);
    await user.type(regionId, 'ap-newcity');
    expect(ui.queryByText(/A region ID looks like/)).toBeNull();
    expect((ui.getByRole('checkbox', { name: 'Multi-AZ storage' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(createButton(dialog));

    await screen.findByText('Created bucket far-1250000000.');
    expect(cos.callsOf('createBucket')[0].input).toMatchObject({ region: 'ap-newcity', multiAz: false });
  });

  it('cannot send twice: the first click disables Create until COS answers, then the new bucket is listed', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { ui, user, dialog } = await openCreateDialog(cos);
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'videos');
    await user.click(ui.getByRole('radio', { name: 'public-read' }));
    await user.selectOptions(ui.getByRole('combobox', { name: 'Region' }), 'ap-beijing');
    await user.click(ui.getByRole('checkbox', { name: 'Multi-AZ storage' }));

    const release = cos.hold('createBucket');
    await user.dblClick(createButton(dialog));
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), '{Enter}');

    expect(createButton(dialog).disabled).toBe(true);
    expect(ui.getByText('Creating the bucket…')).toBeTruthy();
    expect(cos.callsOf('createBucket')).toHaveLength(1);
    expect(cos.callsOf('createBucket')[0].input).toEqual({
      name: 'videos',
      appId: '1250000000',
      region: 'ap-beijing',
      acl: 'public-read',
      grantRead: [],
      grantWrite: [],
      grantFullControl: [],
      multiAz: true,
    });

    release();
    await screen.findByText('Created bucket videos-1250000000.');
    expect(screen.queryByRole('dialog', { name: 'Create bucket' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Buckets' });
    expect(within(table).getByRole('rowheader', { name: 'videos-1250000000' })).toBeTruthy();
    expect(screen.getByText('4 buckets')).toBeTruthy();
    expect(cos.callsOf('createBucket')).toHaveLength(1);
  });

  it('shows a refusal from COS with its code and hint, and keeps what the user typed', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { ui, user, dialog } = await openCreateDialog(cos);
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'taken');
    await user.type(ui.getByRole('textbox', { name: 'Read' }), '100000000002');
    await user.click(ui.getByRole('radio', { name: 'public-read' }));

    cos.failNext('createBucket', cosError('BucketAlreadyExists', 409));
    await user.click(createButton(dialog));

    const refusal = (await ui.findAllByRole('alert')).find((a) => a.textContent?.includes('BucketAlreadyExists'));
    expect(refusal?.textContent).toContain('COS did not create the bucket.');
    expect(refusal?.textContent).toContain('409');
    expect(refusal?.textContent).toContain('This name is taken by another account. Choose another name.');
    expect(refusal?.textContent).toContain('req-BucketAlreadyExists');
    expect(screen.getByRole('dialog', { name: 'Create bucket' })).toBe(dialog);
    expect((ui.getByRole('textbox', { name: 'Bucket name' }) as HTMLInputElement).value).toBe('taken');
    expect((ui.getByRole('textbox', { name: 'Read' }) as HTMLTextAreaElement).value).toBe('100000000002');
    expect((ui.getByRole('radio', { name: 'public-read' }) as HTMLInputElement).checked).toBe(true);
    expect(createButton(dialog).disabled).toBe(false);

    cos.failNext('createBucket', cosError('TooManyBuckets', 400));
    await user.click(createButton(dialog));
    expect((await ui.findByText(/An account may have 200 buckets/)).closest('[role="alert"]')?.textContent).toContain('TooManyBuckets');
  });

  it('names the missing CAM permission when COS answers AccessDenied', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { ui, user, dialog } = await openCreateDialog(cos);
    await user.type(ui.getByRole('textbox', { name: 'Bucket name' }), 'nope');
    cos.failNext('createBucket', cosError('AccessDenied', 403, { action: 'cos:PutBucket' }));
    await user.click(createButton(dialog));
    expect(await ui.findByText(/Your key lacks permission cos:PutBucket/)).toBeTruthy();
  });

  it('closes on Cancel and returns focus to the toolbar button', async () => {
    const { ui, user } = await openCreateDialog();
    await user.click(ui.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Create bucket' })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create bucket' }));
  });
});
