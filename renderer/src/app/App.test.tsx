import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cosError, createFakeCos } from '../test/fake-bridge';
import { signedOut as signedOutState } from '../test/fake-session';
import { renderWithCos } from '../test/render';
import { SAMPLE_BUCKETS } from '../test/sample-buckets';
import { App } from './App';

const signedOut = (canRememberKeys = true) =>
  createFakeCos({ buckets: SAMPLE_BUCKETS, session: signedOutState([], { canRememberKeys }) });

async function fillSignIn(user: ReturnType<typeof renderWithCos>['user'], dialog: HTMLElement) {
  const ui = within(dialog);
  await user.type(ui.getByLabelText('SecretId'), 'AKIDexample123');
  await user.type(ui.getByLabelText('SecretKey'), 'wrong-secret-key');
  await user.selectOptions(ui.getByRole('combobox', { name: 'Default region' }), 'ap-shanghai');
  await user.click(ui.getByRole('checkbox', { name: 'Use HTTPS' }));
  await user.type(ui.getByRole('textbox', { name: 'Endpoint' }), '127.0.0.1:9000');
}

describe('sign in', () => {
  it('asks for a key when no profile is saved, with the first field focused and HTTPS on', async () => {
    renderWithCos(<App />, { cos: signedOut() });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    const ui = within(dialog);

    expect(document.activeElement).toBe(ui.getByLabelText('Profile name'));
    expect((ui.getByRole('radio', { name: 'Permanent key' }) as HTMLInputElement).checked).toBe(true);
    expect(ui.queryByLabelText('Session token')).toBeNull();
    expect(ui.getByLabelText('SecretKey').getAttribute('type')).toBe('password');
    expect((ui.getByRole('checkbox', { name: 'Use HTTPS' }) as HTMLInputElement).checked).toBe(true);
    expect((ui.getByRole('combobox', { name: 'Default region' }) as HTMLSelectElement).value).toBe('ap-guangzhou');
    expect(ui.getByText('Advanced')).toBeTruthy();
    expect(ui.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('says keys last for this session only where the system cannot encrypt them', async () => {
    renderWithCos(<App />, { cos: signedOut(false) });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    expect(dialog.textContent).toContain('the keys will be kept for this session only');
  });

  it('shows COS’s refusal with its code and hint, keeps every field, and stays signed out', async () => {
    const cos = signedOut();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    const ui = within(dialog);
    await fillSignIn(user, dialog);

    cos.failNext('signIn', cosError('SignatureDoesNotMatch', 403));
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed: nothing was saved.');
    expect(alert.textContent).toContain('SignatureDoesNotMatch');
    expect(alert.textContent).toContain('403');
    expect(alert.textContent).toContain('the SecretKey is probably wrong, or this computer’s clock is off');
    expect((ui.getByLabelText('SecretId') as HTMLInputElement).value).toBe('AKIDexample123');
    expect((ui.getByLabelText('SecretKey') as HTMLInputElement).value).toBe('wrong-secret-key');
    expect((ui.getByRole('combobox', { name: 'Default region' }) as HTMLSelectElement).value).toBe('ap-shanghai');
    expect((ui.getByRole('checkbox', { name: 'Use HTTPS' }) as HTMLInputElement).checked).toBe(false);
    expect((ui.getByRole('textbox', { name: 'Endpoint' }) as HTMLInputElement).value).toBe('127.0.0.1:9000');
    expect(screen.getByRole('dialog', { name: 'Sign in' })).toBe(dialog);
    expect(cos.callsOf('signIn')[0].input).toEqual({
      secretId: 'AKIDexample123',
      secretKey: 'wrong-secret-key',
      region: 'ap-shanghai',
      https: false,
      endpoint: '127.0.0.1:9000',
    });
  });

  it('names the problem with InvalidAccessKeyId too', async () => {
    const cos = signedOut();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    await fillSignIn(user, dialog);
    cos.failNext('signIn', cosError('InvalidAccessKeyId', 403));
    await user.click(within(dialog).getByRole('button', { name: 'Test and save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('COS does not know this SecretId');
  });

  it('checks the fields before sending anything', async () => {
    const cos = signedOut();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    const ui = within(dialog);

    await user.type(ui.getByLabelText('SecretKey'), 'has a space');
    await user.type(ui.getByRole('textbox', { name: 'Endpoint' }), 'http://127.0.0.1:9000');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    expect(ui.getByText(/Enter the SecretId/)).toBeTruthy();
    expect(ui.getByText(/Enter the SecretKey, without spaces/)).toBeTruthy();
    expect(ui.getByText(/Write the endpoint as host or host:port/)).toBeTruthy();
    expect(ui.getByLabelText('SecretId').getAttribute('aria-invalid')).toBe('true');
    expect(cos.callsOf('signIn')).toHaveLength(0);
  });

  it('signs in, shows the account in the header with the bucket list, and signs out', async () => {
    const cos = signedOut();
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    const ui = within(dialog);
    await user.type(ui.getByLabelText('SecretId'), 'AKIDexample123');
    await user.type(ui.getByLabelText('SecretKey'), 'right-secret-key');
    await user.click(ui.getByRole('radio', { name: 'Temporary key (token and expiry)' }));
    await user.type(ui.getByLabelText('Session token'), 'token-abc');
    await user.type(ui.getByLabelText('Expires at'), '2099-01-01T10:30');
    await user.click(ui.getByRole('button', { name: 'Test and save' }));

    await screen.findByRole('table', { name: 'Buckets' });
    expect(screen.queryByRole('dialog', { name: 'Sign in' })).toBeNull();
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Demo Account');
    expect(header.textContent).toContain('qcs::cam::uin/100000000001:uin/100000000001');
    expect(header.textContent).toContain('temporary key');
    expect(document.body.textContent).not.toContain('right-secret-key');
    expect(cos.callsOf('signIn')[0].input).toMatchObject({
      sessionToken: 'token-abc',
      expiresAt: new Date('2099-01-01T10:30').toISOString(),
      https: true,
    });
    expect(header.textContent).toMatch(/Expires in \d+ d/);

    // Signing out keeps the profile: the app offers it, and the table is gone.
    await user.click(within(header).getByRole('button', { name: 'Sign out' }));
    const profiles = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(within(profiles).getByRole('listitem', { name: 'Demo Account' })).toBeTruthy();
    expect(within(profiles).queryByRole('button', { name: 'Close' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
