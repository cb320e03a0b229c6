import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionKeys } from '@renderer/api/query-keys';
import { Workspace } from '@renderer/app/Workspace';
import { SHARE_CLOCK, createFakeCos, type FakeCosOptions } from '@renderer/test/fake-bridge';
import { SIGNED_IN, signedInAs } from '@renderer/test/fake-session';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';

const BUCKET = SAMPLE_BUCKETS[0];
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const shown = (ms: number) => dateFormat.format(ms);

async function openShare(options: FakeCosOptions = {}) {
  const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: [{ key: 'report 1.pdf', size: 10 }] }, ...options });
  const rendered = renderWithCos(<Workspace defaultRegion="ap-guangzhou" />, { cos });
  // The app shell loads the session before the workspace shows; here the workspace stands alone.
  if (options.session) rendered.queryClient.setQueryData(sessionKeys.current(), options.session);
  const { user } = rendered;
  await user.click(await screen.findByRole('link', { name: BUCKET.name }));
  await user.click(await screen.findByRole('button', { name: 'report 1.pdf' }));
  const details = await screen.findByRole('dialog', { name: 'Object details' });
  await user.click(within(details).getByRole('button', { name: 'Share link…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Share link' });
  return { ...rendered, cos, dialog };
}

describe('the Share link dialog', () => {
  it('signs a link for one hour unless told otherwise, says when it expires, and copies it', async () => {
    const { dialog, user, cos } = await openShare();
    expect(screen.queryByRole('dialog', { name: 'Object details' })).toBeNull();
    expect((within(dialog).getByRole('textbox', { name: 'Expires in' }) as HTMLInputElement).value).toBe('1');
    expect((within(dialog).getByRole('combobox', { name: 'Unit' }) as HTMLSelectElement).value).toBe('hours');
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));

    const link = (await within(dialog).findByRole('textbox', { name: 'Link' })) as HTMLTextAreaElement;
    expect(cos.callsOf('createShareLink')[0].input).toEqual({ bucket: BUCKET.name, region: BUCKET.region, key: 'report 1.pdf', expiresInSeconds: 3600 });
    expect(link.value).toContain('q-signature=');
    expect(within(dialog).getByText(`Expires ${shown(Date.parse(SHARE_CLOCK) + 3600_000)}.`)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(link.value);
  });

  it('takes minutes or days, and refuses less than a minute or more than 365 days', async () => {
    const { dialog, user, cos } = await openShare();
    const amount = within(dialog).getByRole('textbox', { name: 'Expires in' });
    const create = within(dialog).getByRole('button', { name: 'Create link' }) as HTMLButtonElement;
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'days');
    await user.clear(amount);
    await user.type(amount, '366');
    expect(within(dialog).getByText('Choose from 1 minute to 365 days.')).toBeTruthy();
    expect(create.disabled).toBe(true);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'minutes');
    await user.clear(amount);
    await user.type(amount, '0');
    expect(create.disabled).toBe(true);
    await user.clear(amount);
    await user.type(amount, '15');
    expect(create.disabled).toBe(false);
    await user.click(create);
    await within(dialog).findByRole('textbox', { name: 'Link' });
    expect(cos.callsOf('createShareLink').map((c) => (c.input as { expiresInSeconds: number }).expiresInSeconds)).toEqual([900]);
  });

  it('warns when the profile’s temporary key ends before the link would', async () => {
    const keyEnds = Date.parse(SHARE_CLOCK) + 1800_000;
    if (!SIGNED_IN.signedIn) throw new Error('the sample session is signed in');
    const profile = { ...SIGNED_IN.profile, temporary: true, expiresAt: new Date(keyEnds).toISOString() };
    const { dialog, user } = await openShare({ session: signedInAs(profile) });
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
    expect(await within(dialog).findByText(`This profile’s temporary key expires ${shown(keyEnds)}: the link stops working then, before the time chosen.`)).toBeTruthy();
  });

  it('closes back to the object’s name', async () => {
    const { dialog, user } = await openShare();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'report 1.pdf' }));
  });
});
