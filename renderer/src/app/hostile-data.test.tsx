/**
 * Names that come from COS or from another account (bucket names, regions, the Owner's display name, a profile
 * name) are shown as text, never interpreted as markup: a hostile server gets no script into the page.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeCos } from '../test/fake-bridge';
import { MAIN_PROFILE, signedInAs } from '../test/fake-session';
import { renderWithCos } from '../test/render';
import { App } from './App';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('hostile names from COS', () => {
  it('are shown as text: no element, no script, no handler is created from them', async () => {
    const hostileProfile = { ...MAIN_PROFILE, alias: `alias ${PAYLOAD}`, account: { ownerId: `id ${PAYLOAD}`, displayName: `owner ${PAYLOAD}` } };
    const cos = createFakeCos({
      session: signedInAs(hostileProfile),
      buckets: [{ name: `evil${PAYLOAD}-1250000000`, region: `ap-guangzhou${PAYLOAD}`, creationDate: '2024-01-01T00:00:00Z', bucketType: PAYLOAD }],
    });
    renderWithCos(<App />, { cos });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    expect(await within(table).findByText(`evil${PAYLOAD}-1250000000`)).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain(`owner ${PAYLOAD}`);
    expect(document.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
