/** Several profiles: switching from the header, the profiles dialog, temporary keys and keys asked for again. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bucket, ProfileSummary } from '@shared/contract';
import { cosError, createFakeCos } from '../test/fake-bridge';
import { MAIN_PROFILE, signedInAs, signedOut } from '../test/fake-session';
import { renderWithCos } from '../test/render';
import { SAMPLE_BUCKETS } from '../test/sample-buckets';
import { App } from './App';

const OTHER_ACCOUNT = { ownerId: 'qcs::cam::uin/100000000009:uin/100000000009', displayName: 'Other Studio' };
const OTHER_PROFILE: ProfileSummary = {
  id: 'profile-other',
  alias: 'Other account',
  secretIdMasked: 'AKID…0009',
  temporary: false,
  region: 'ap-beijing',
  https: true,
  account: OTHER_ACCOUNT,
  keys: 'ready',
};
const OTHER_BUCKETS: Bucket[] = [{ name: 'other-only-1250000009', region: 'ap-beijing', creationDate: '2024-01-01T00:00:00Z' }];

function twoProfiles(options: { active?: ProfileSummary; other?: Partial<ProfileSummary> } = {}) {
  const other = { ...OTHER_PROFILE, ...options.other };
  const active = options.active ?? MAIN_PROFILE;
  return createFakeCos({
    buckets: SAMPLE_BUCKETS,
    bucketsByProfile: { [OTHER_PROFILE.id]: OTHER_BUCKETS },
    session: signedInAs(active, active.id === MAIN_PROFILE.id ? [other] : [MAIN_PROFILE]),
  });
}

function inHour(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

afterEach(() => vi.useRealTimers());

describe('the header', () => {
  it('switches profile in one choice, and the list follows: nothing of the previous account stays', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    await within(table).findByText('photos-1250000000');

    // The new account's list is held back, so a left-over row of the old one would be visible now.
    const release = cos.hold('listBucketsPage');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'profile-other');
    await waitFor(() => expect(screen.getByRole('banner').textContent).toContain('Other Studio'));
    expect(screen.queryByText('photos-1250000000')).toBeNull();
    expect(cos.callsOf('switchProfile')).toEqual([{ method: 'switchProfile', input: { id: 'profile-other' } }]);

    release();
    expect(await screen.findByText('other-only-1250000009')).toBeTruthy();
    expect(screen.queryByText('photos-1250000000')).toBeNull();
  });

  it('drops an answer of the previous account that arrives after the switch', async () => {
    const cos = twoProfiles();
    const release = cos.hold('listBucketsPage');
    const { user } = renderWithCos(<App />, { cos });
    await screen.findByRole('combobox', { name: 'Profile' });
    expect(cos.callsOf('listBucketsPage')).toHaveLength(1);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'profile-other');
    await waitFor(() => expect(screen.getByRole('banner').textContent).toContain('Other Studio'));
    release();
    expect(await screen.findByText('other-only-1250000009')).toBeTruthy();
    expect(screen.queryByText('photos-1250000000')).toBeNull();
  });

  it('keeps a create that finishes after a switch out of the new account’s list', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    await within(await screen.findByRole('table', { name: 'Buckets' })).findByText('photos-1250000000');

    // Started on the main account; its answer is held back while the user closes the dialog and switches.
    const release = cos.hold('createBucket');
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Create bucket' }));
    await user.type(dialog.getByRole('textbox', { name: 'Bucket name' }), 'late');
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('rowheader', { name: 'late-1250000000' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'profile-other');
    const table = await screen.findByRole('table', { name: 'Buckets' });
    await within(table).findByText('other-only-1250000009');

    // A list asked for again now would hide a wrong row only once it answered: hold any such answer back.
    const releaseList = cos.hold('listBucketsPage');
    release();
    await waitFor(() => expect(cos.buckets.map((b) => b.name)).toContain('late-1250000000'));
    // Time for the finished create to be handled, as it would be before the user looks again.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const shown = () => within(screen.getByRole('table', { name: 'Buckets' })).getAllByRole('rowheader').map((r) => r.textContent);
    expect(screen.queryByText('late-1250000000')).toBeNull();
    expect(shown()).toEqual(['other-only-1250000009']);
    releaseList();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(shown()).toEqual(['other-only-1250000009']);
    expect(screen.getByRole('banner').textContent).toContain('Other Studio');
  });

  it('shows a temporary key’s time left, ticking down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const temporary = { ...MAIN_PROFILE, temporary: true, expiresAt: new Date(Date.now() + 90_000).toISOString() };
    renderWithCos(<App />, { session: signedInAs(temporary), buckets: SAMPLE_BUCKETS });
    const header = await screen.findByRole('banner');
    await waitFor(() => expect(header.textContent).toMatch(/Expires in 1 min (29|30) s/));
    await act(async () => void vi.advanceTimersByTime(30_000));
    expect(header.textContent).toMatch(/Expires in (59|60) s|Expires in 1 min 00 s/);
  });

  it('asks for a new key when the active temporary key expires', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const temporary = { ...MAIN_PROFILE, temporary: true, expiresAt: new Date(Date.now() + 5_000).toISOString() };
    const cos = createFakeCos({ session: signedInAs(temporary), buckets: SAMPLE_BUCKETS });
    const { user } = renderWithCos(<App />, { cos });
    await screen.findByRole('table', { name: 'Buckets' });
    expect(screen.queryByRole('dialog')).toBeNull();

    await act(async () => void vi.advanceTimersByTime(6_000));
    const dialog = await screen.findByRole('dialog', { name: 'Enter the keys again' });
    expect(dialog.textContent).toContain('The temporary key of “Main account” has expired');
    expect(screen.getByRole('banner', { hidden: true }).textContent).toContain('Expired');

    const ui = within(dialog);
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect(ui.getByText(/Enter when the temporary key expires/)).toBeTruthy();
    expect(ui.getByText(/The session token has no spaces/)).toBeTruthy();
    expect(cos.callsOf('saveProfile')).toHaveLength(0);

    await user.type(ui.getByLabelText('Session token'), 'new-token');
    await user.type(ui.getByLabelText('Expires at'), '2099-06-01T08:00');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    await waitFor(() => expect(cos.callsOf('saveProfile')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cos.callsOf('saveProfile')[0].input).toEqual({
      id: 'profile-main',
      alias: 'Main account',
      temporary: true,
      sessionToken: 'new-token',
      expiresAt: new Date('2099-06-01T08:00').toISOString(),
      region: 'ap-guangzhou',
      https: true,
      activate: true,
    });
  });

  it('asks for keys when a call is refused with ExpiredToken', async () => {
    const temporary = { ...MAIN_PROFILE, temporary: true, expiresAt: inHour(1) };
    const cos = createFakeCos({ session: signedInAs(temporary), buckets: SAMPLE_BUCKETS });
    cos.failNext('listBucketsPage', cosError('ExpiredToken', 400));
    // The main process marks the key expired once COS refused it.
    const expired = { ...temporary, keys: 'expired' as const };
    const getSession = cos.bridge.getSession;
    let calls = 0;
    (cos.bridge as { getSession: unknown }).getSession = async () =>
      ++calls === 1 ? getSession() : { ok: true, data: signedInAs(expired) };
    renderWithCos(<App />, { cos });
    expect(await screen.findByRole('dialog', { name: 'Enter the keys again' })).toBeTruthy();
  });

  it('opens the form when switching to a profile whose keys are gone, and switches once they are typed', async () => {
    const cos = twoProfiles({ other: { keys: 'missing' } });
    const { user } = renderWithCos(<App />, { cos });
    await screen.findByRole('table', { name: 'Buckets' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'profile-other');

    const dialog = await screen.findByRole('dialog', { name: 'Enter the keys again' });
    expect(dialog.textContent).toContain('The keys of “Other account” are not saved on this computer');
    expect(cos.callsOf('switchProfile')).toHaveLength(0);
    const ui = within(dialog);
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect(ui.getByLabelText('SecretKey').getAttribute('aria-invalid')).toBe('true');

    await user.type(ui.getByLabelText('SecretKey'), 'typed-again-key');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    await waitFor(() => expect(screen.getByRole('banner').textContent).toContain('Other Studio'));
    expect(cos.callsOf('saveProfile')[0].input).toMatchObject({ id: 'profile-other', secretKey: 'typed-again-key', activate: true });
    expect(document.body.textContent).not.toContain('typed-again-key');
  });
});

describe('the profiles dialog', () => {
  async function openProfiles(user: ReturnType<typeof renderWithCos>['user']) {
    await screen.findByRole('table', { name: 'Buckets' });
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Profiles' }));
    return screen.findByRole('dialog', { name: 'Profiles' });
  }

  it('lists each profile with its name, masked SecretId, key type and region, and marks the active one', async () => {
    const temporary = { ...OTHER_PROFILE, temporary: true, expiresAt: inHour(2), https: false, endpoint: '127.0.0.1:9000' };
    const { user } = renderWithCos(<App />, { cos: twoProfiles({ other: temporary }) });
    const dialog = await openProfiles(user);
    const main = within(dialog).getByRole('listitem', { name: 'Main account' });
    const other = within(dialog).getByRole('listitem', { name: 'Other account' });
    expect(main.textContent).toContain('Active');
    expect(main.textContent).toContain('AKID…demo');
    expect(main.textContent).toContain('Permanent key');
    expect(within(main).queryByRole('button', { name: 'Use' })).toBeNull();
    expect(other.textContent).toContain('Temporary key');
    expect(other.textContent).toMatch(/Expires in 1 h 59 min|Expires in 2 h 00 min/);
    expect(other.textContent).toContain('ap-beijing (Beijing)');
    expect(other.textContent).toContain('HTTP (not encrypted)');
    expect(other.textContent).toContain('127.0.0.1:9000');
  });

  it('shows a private deployment’s service and bucket domains in the list', async () => {
    const other = { serviceDomain: 'cos.private.example', bucketDomain: '{Bucket}.cos.{Region}.private.example' };
    const { user } = renderWithCos(<App />, { cos: twoProfiles({ other }) });
    const row = within(await openProfiles(user)).getByRole('listitem', { name: 'Other account' });
    expect(row.textContent).toContain('Service domain cos.private.example');
    expect(row.textContent).toContain('Bucket domain {Bucket}.cos.{Region}.private.example');
  });

  it('uses another profile from the list and closes', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Use' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('other-only-1250000009')).toBeTruthy();
  });

  it('tests a profile’s connection and says as whom, and how many buckets it sees', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    const other = within(dialog).getByRole('listitem', { name: 'Other account' });
    await user.click(within(other).getByRole('button', { name: 'Test connection' }));
    expect((await within(other).findByRole('status')).textContent).toBe('Connected as Other Studio: 1 bucket.');

    cos.failNext('testProfile', cosError('InvalidAccessKeyId', 403));
    await user.click(within(other).getByRole('button', { name: 'Test connection' }));
    expect((await within(other).findByRole('alert')).textContent).toContain('COS does not know this SecretId');
    expect(cos.callsOf('switchProfile')).toHaveLength(0);
  });

  it('passes the connection test of a key that may not list buckets, saying so instead of a count', async () => {
    const cos = twoProfiles({ other: { account: undefined } });
    // What the main process answers for a key without cos:GetService (see electron/services/key-check.ts).
    (cos.bridge as { testProfile: unknown }).testProfile = async () => ({ ok: true, data: { listDenied: true } });
    const { user } = renderWithCos(<App />, { cos });
    const other = within(await openProfiles(user)).getByRole('listitem', { name: 'Other account' });
    await user.click(within(other).getByRole('button', { name: 'Test connection' }));
    const status = (await within(other).findByRole('status')).textContent;
    expect(status).toContain('Connected: the key works, but it may not list buckets (cos:GetService is not permitted)');
    expect(status).not.toMatch(/\d+ buckets?/);
    expect(within(other).queryByRole('alert')).toBeNull();
  });

  it('adds a profile: tested and saved, listed, and the active one unchanged', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    const form = await screen.findByRole('dialog', { name: 'Add profile' });
    const ui = within(form);
    expect(document.activeElement).toBe(ui.getByLabelText('Profile name'));
    await user.type(ui.getByLabelText('Profile name'), 'Staging');
    await user.type(ui.getByLabelText('SecretId'), 'AKIDstaging0001');
    await user.type(ui.getByLabelText('SecretKey'), 'staging-secret-key');
    await user.click(ui.getByText('Advanced'));
    await user.type(ui.getByRole('textbox', { name: 'Endpoint' }), 'cos.internal.example:8443');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    const list = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(within(list).getByRole('listitem', { name: 'Staging' }).textContent).toContain('AKID…0001');
    expect(cos.callsOf('saveProfile')[0].input).toEqual({
      alias: 'Staging',
      secretId: 'AKIDstaging0001',
      secretKey: 'staging-secret-key',
      temporary: false,
      region: 'ap-guangzhou',
      https: true,
      endpoint: 'cos.internal.example:8443',
    });
    expect(screen.getByRole('banner', { hidden: true }).textContent).toContain('Demo Account');
    expect(document.body.textContent).not.toContain('staging-secret-key');
  });

  it('adds a profile for a private deployment: endpoint, service domain and bucket domain template', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    await user.click(within(await openProfiles(user)).getByRole('button', { name: 'Add profile' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Add profile' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDprivate0001');
    await user.type(ui.getByLabelText('SecretKey'), 'private-secret-key');
    await user.click(ui.getByText('Advanced'));
    await user.type(ui.getByRole('textbox', { name: 'Endpoint' }), '10.0.0.5:8080');
    await user.type(ui.getByRole('textbox', { name: 'Service domain' }), 'cos.private.example');
    // user-event reads { as the start of a key name: {{ types one.
    await user.type(ui.getByRole('textbox', { name: 'Bucket domain' }), '{{Bucket}.cos.{{Region}.private.example');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('dialog', { name: 'Profiles' });
    expect(cos.callsOf('saveProfile')[0].input).toMatchObject({
      secretId: 'AKIDprivate0001',
      endpoint: '10.0.0.5:8080',
      serviceDomain: 'cos.private.example',
      bucketDomain: '{Bucket}.cos.{Region}.private.example',
    });
  });

  it('refuses a bucket domain without {Bucket} or with a scheme, and a service domain with a path, sending nothing', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    await user.click(within(await openProfiles(user)).getByRole('button', { name: 'Add profile' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Add profile' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDprivate0001');
    await user.type(ui.getByLabelText('SecretKey'), 'private-secret-key');
    await user.click(ui.getByText('Advanced'));
    const bucketDomain = ui.getByRole('textbox', { name: 'Bucket domain' });
    await user.type(ui.getByRole('textbox', { name: 'Service domain' }), 'cos.private.example/list');
    await user.type(bucketDomain, 'cos.{{Region}.private.example');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect(bucketDomain.getAttribute('aria-invalid')).toBe('true');
    expect(ui.getByRole('textbox', { name: 'Service domain' }).getAttribute('aria-invalid')).toBe('true');
    expect(ui.getByText(/Write the bucket domain as a host name containing \{Bucket\}/)).toBeTruthy();
    expect(ui.getByText(/Write the service domain as host or host:port/)).toBeTruthy();

    await user.clear(bucketDomain);
    await user.type(bucketDomain, 'https://{{Bucket}.private.example');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect(bucketDomain.getAttribute('aria-invalid')).toBe('true');
    expect(cos.callsOf('saveProfile')).toHaveLength(0);
  });

  it('opens Advanced with a saved profile’s domains and says that changing them needs the SecretKey', async () => {
    const other = { serviceDomain: 'cos.private.example', bucketDomain: '{Bucket}.private.example' };
    const cos = twoProfiles({ other });
    const { user } = renderWithCos(<App />, { cos });
    await user.click(within(within(await openProfiles(user)).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Edit' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Edit profile' }));
    expect((ui.getByRole('textbox', { name: 'Service domain' }) as HTMLInputElement).value).toBe('cos.private.example');
    expect((ui.getByRole('textbox', { name: 'Bucket domain' }) as HTMLInputElement).value).toBe('{Bucket}.private.example');
    expect(ui.getByText(/A new endpoint, service domain, bucket domain or proxy, or HTTPS turned off, needs the SecretKey typed again/)).toBeTruthy();
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    await screen.findByRole('dialog', { name: 'Profiles' });
    expect(cos.callsOf('saveProfile')[0].input).toMatchObject({ id: 'profile-other', ...other });
  });

  it('refuses a malformed endpoint and a temporary key without token or future expiry, sending nothing', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    await user.click(within(await openProfiles(user)).getByRole('button', { name: 'Add profile' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Add profile' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDx1');
    await user.type(ui.getByLabelText('SecretKey'), 'k');
    await user.click(ui.getByRole('radio', { name: 'Temporary key (token and expiry)' }));
    await user.type(ui.getByLabelText('Expires at'), '2001-01-01T00:00');
    await user.click(ui.getByText('Advanced'));
    await user.type(ui.getByRole('textbox', { name: 'Endpoint' }), 'https://evil.example/x');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    for (const label of ['Session token', 'Expires at', 'Endpoint']) {
      expect(ui.getByLabelText(label).getAttribute('aria-invalid'), label).toBe('true');
    }
    expect(cos.callsOf('saveProfile')).toHaveLength(0);
  });

  it('edits a profile without showing or resending its keys: empty key fields keep the saved ones', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Edit' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Edit profile' }));
    expect((ui.getByLabelText('SecretId') as HTMLInputElement).value).toBe('');
    expect(ui.getByLabelText('SecretId').getAttribute('placeholder')).toBe('AKID…0009 (Unchanged)');
    expect((ui.getByLabelText('SecretKey') as HTMLInputElement).value).toBe('');
    expect(ui.getByText('Leave empty to keep the saved SecretKey.')).toBeTruthy();
    await user.clear(ui.getByLabelText('Profile name'));
    await user.type(ui.getByLabelText('Profile name'), 'Renamed');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('dialog', { name: 'Profiles' });
    expect(cos.callsOf('saveProfile')[0].input).toEqual({ id: 'profile-other', alias: 'Renamed', temporary: false, region: 'ap-beijing', https: true });
  });

  it('wants the SecretKey with a new SecretId', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Edit' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Edit profile' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDnewid0001');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect(ui.getByLabelText('SecretKey').getAttribute('aria-invalid')).toBe('true');
    expect(cos.callsOf('saveProfile')).toHaveLength(0);
  });

  it('keeps what was typed and names the field when the main process refuses a value', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Edit' }));
    const ui = within(await screen.findByRole('dialog', { name: 'Edit profile' }));
    cos.failNext('saveProfile', {
      kind: 'validation',
      code: 'ValidationError',
      issues: [{ path: 'secretKey', rule: 'secretKey.retypeLost' }],
    });
    await user.click(ui.getByRole('button', { name: 'Test and save' }));
    expect((await ui.findByRole('alert')).textContent).toContain('Nothing was saved.');
    expect(ui.getByLabelText('SecretKey').getAttribute('aria-invalid')).toBe('true');
  });

  it('deletes a profile only after confirming, and Cancel keeps it', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Delete' }));
    let confirm = await screen.findByRole('dialog', { name: 'Delete profile' });
    expect(confirm.textContent).toContain('Delete the profile “Other account”? Its SecretKey and token are erased from this computer.');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(await screen.findByRole('dialog', { name: 'Profiles' })).getByRole('listitem', { name: 'Other account' })).toBeTruthy();
    expect(cos.callsOf('deleteProfile')).toHaveLength(0);

    await user.click(within(screen.getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Delete' }));
    confirm = await screen.findByRole('dialog', { name: 'Delete profile' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete profile' }));
    const list = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(within(list).queryByRole('listitem', { name: 'Other account' })).toBeNull();
    expect(cos.callsOf('deleteProfile')[0].input).toEqual({ id: 'profile-other' });
  });

  it('deleting the active profile signs out and offers the others', async () => {
    const cos = twoProfiles();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await openProfiles(user);
    await user.click(within(within(dialog).getByRole('listitem', { name: 'Main account' })).getByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete profile' })).getByRole('button', { name: 'Delete profile' }));
    const list = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(list.textContent).toContain('You are signed out');
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();
    expect(screen.queryByText('photos-1250000000')).toBeNull();
  });
});

describe('signed out with saved profiles', () => {
  it('offers the saved profiles, not the sign-in form, and cannot be dismissed', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedOut([MAIN_PROFILE, OTHER_PROFILE]) });
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(screen.queryByRole('dialog', { name: 'Sign in' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Profiles' })).toBe(dialog);

    await user.click(within(within(dialog).getByRole('listitem', { name: 'Main account' })).getByRole('button', { name: 'Use' }));
    expect(await screen.findByText('photos-1250000000')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks at startup for the keys of the last profile when they could not be read', async () => {
    const missing = { ...MAIN_PROFILE, keys: 'missing' as const };
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedOut([missing], { askKeysFor: missing.id, canRememberKeys: false }) });
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Enter the keys again' });
    expect(dialog.textContent).toContain('The keys of “Main account” are not saved on this computer');
    expect(dialog.textContent).toContain('the keys will be kept for this session only');
    await user.type(within(dialog).getByLabelText('SecretKey'), 'typed-again');
    await user.click(within(dialog).getByRole('button', { name: 'Test and save' }));
    expect(await screen.findByText('photos-1250000000')).toBeTruthy();
  });
});
