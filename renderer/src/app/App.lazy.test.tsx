/**
 * The first screen of someone signed in is the bucket list: the profile dialogs (and with them the dialog library
 * and zod, in the built app) load only when first shown. A module here counts as loaded once something imports it.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAIN_PROFILE, signedInAs } from '../test/fake-session';
import { renderWithCos } from '../test/render';
import { SAMPLE_BUCKETS } from '../test/sample-buckets';
import { App } from './App';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('../features/profiles/components/ProfilesDialog', async (importOriginal) => {
  loaded.add('ProfilesDialog');
  return importOriginal();
});
vi.mock('../features/profiles/components/SignInDialog', async (importOriginal) => {
  loaded.add('SignInDialog');
  return importOriginal();
});

describe('loading only what the first screen needs', () => {
  it('shows the bucket list without the profile dialogs, and loads the profiles dialog when it is asked for', async () => {
    const { user } = renderWithCos(<App />, { session: signedInAs(MAIN_PROFILE), buckets: SAMPLE_BUCKETS });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    await within(table).findByText('photos-1250000000');
    expect([...loaded]).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Profiles' }));
    const dialog = await screen.findByRole('dialog', { name: 'Profiles' });
    expect(within(dialog).getByRole('button', { name: 'Add profile' })).toBeTruthy();
    expect([...loaded]).toEqual(['ProfilesDialog']);
  });
});
