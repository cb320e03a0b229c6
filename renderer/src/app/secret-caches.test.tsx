/**
 * What a script in the page could read after the user typed a secret: React Query's caches. A SecretKey, token or
 * proxy password must not be in them once the call that carried it has settled.
 */
import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '@shared/contract';
import { cosError, createFakeCos } from '../test/fake-bridge';
import { MAIN_PROFILE, signedInAs, signedOut } from '../test/fake-session';
import { renderWithCos } from '../test/render';
import { SAMPLE_BUCKETS } from '../test/sample-buckets';
import { App } from './App';

const SECRET_KEY = 'TypedSecretKeyInTheForm01';
const TOKEN = 'TypedSessionTokenInTheForm02';
const PROXY_PASSWORD = 'TypedProxyPasswordInTheForm03';

/** Everything the query client holds: every mutation's and every query's state, variables included. */
function cachedText(queryClient: QueryClient): string {
  const mutations = queryClient.getMutationCache().getAll().map((m) => ({ state: m.state, options: m.options.mutationKey }));
  const queries = queryClient.getQueryCache().getAll().map((q) => ({ key: q.queryKey, state: q.state }));
  return JSON.stringify({ mutations, queries });
}

const OTHER: ProfileSummary = { ...MAIN_PROFILE, id: 'profile-other', alias: 'Other account', https: false, endpoint: '127.0.0.1:9000' };

async function openEdit(user: ReturnType<typeof renderWithCos>['user']) {
  await screen.findByRole('table', { name: 'Buckets' });
  await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Profiles' }));
  const list = await screen.findByRole('dialog', { name: 'Profiles' });
  await user.click(within(within(list).getByRole('listitem', { name: 'Other account' })).getByRole('button', { name: 'Edit' }));
  return within(await screen.findByRole('dialog', { name: 'Edit profile' }));
}

// Typing every field by key events takes a few seconds on a busy machine.
describe('typed secrets in the query client', { timeout: 20_000 }, () => {
  it('are gone after sign-in', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedOut() });
    const { user, queryClient } = renderWithCos(<App />, { cos });
    const ui = within(await screen.findByRole('dialog', { name: 'Sign in' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDexample123');
    await user.type(ui.getByLabelText('SecretKey'), SECRET_KEY);
    await user.click(ui.getByRole('radio', { name: 'Temporary key (token and expiry)' }));
    await user.type(ui.getByLabelText('Session token'), TOKEN);
    await user.type(ui.getByLabelText('Expires at'), '2099-01-01T10:30');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('table', { name: 'Buckets' });
    // The call did carry them: the test would pass vacuously otherwise.
    expect(cos.callsOf('signIn')[0].input).toMatchObject({ secretKey: SECRET_KEY, sessionToken: TOKEN });
    const cached = cachedText(queryClient);
    expect(cached).not.toContain(SECRET_KEY);
    expect(cached).not.toContain(TOKEN);
  });

  it('are gone after a refused sign-in too, while the form keeps them for another try', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedOut() });
    cos.failNext('signIn', cosError('SignatureDoesNotMatch', 403));
    const { user, queryClient } = renderWithCos(<App />, { cos });
    const ui = within(await screen.findByRole('dialog', { name: 'Sign in' }));
    await user.type(ui.getByLabelText('SecretId'), 'AKIDexample123');
    await user.type(ui.getByLabelText('SecretKey'), SECRET_KEY);
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await ui.findByText('SignatureDoesNotMatch');
    expect(cachedText(queryClient)).not.toContain(SECRET_KEY);
    expect((ui.getByLabelText('SecretKey') as HTMLInputElement).value).toBe(SECRET_KEY);
  });

  it('are gone after a profile edit with a new SecretKey, and the form is cleared', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedInAs(MAIN_PROFILE, [OTHER]) });
    const { user, queryClient } = renderWithCos(<App />, { cos });
    const ui = await openEdit(user);
    await user.type(ui.getByLabelText('SecretKey'), SECRET_KEY);
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('dialog', { name: 'Profiles' });
    await waitFor(() => expect(cos.callsOf('saveProfile')).toHaveLength(1));
    expect(cos.callsOf('saveProfile')[0].input).toMatchObject({ secretKey: SECRET_KEY });
    expect(cachedText(queryClient)).not.toContain(SECRET_KEY);
    expect(screen.queryByLabelText('SecretKey')).toBeNull();
  });

  it('are gone after a proxy edit with its password', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedInAs(MAIN_PROFILE, [OTHER]) });
    const { user, queryClient } = renderWithCos(<App />, { cos });
    const ui = await openEdit(user);
    await user.type(ui.getByLabelText('SecretKey'), SECRET_KEY);
    await user.type(ui.getByRole('textbox', { name: 'Proxy' }), 'http://10.0.0.2:3128');
    await user.type(ui.getByLabelText('Proxy user name (optional)'), 'desk');
    await user.type(ui.getByLabelText('Proxy password (optional)'), PROXY_PASSWORD);
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('dialog', { name: 'Profiles' });
    expect(cos.callsOf('saveProfile')[0].input).toMatchObject({ proxyPassword: PROXY_PASSWORD });
    const cached = cachedText(queryClient);
    expect(cached).not.toContain(PROXY_PASSWORD);
    expect(cached).not.toContain(SECRET_KEY);
  });

  it('leave the form when it is closed: reopened, its key fields are empty', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedInAs(MAIN_PROFILE, [OTHER]) });
    const { user } = renderWithCos(<App />, { cos });
    let ui = await openEdit(user);
    await user.type(ui.getByLabelText('SecretKey'), SECRET_KEY);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    ui = await openEdit(user);
    expect((ui.getByLabelText('SecretKey') as HTMLInputElement).value).toBe('');
    expect(cos.callsOf('saveProfile')).toHaveLength(0);
  });
});
