import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Workspace } from '@renderer/app/Workspace';
import { cosError, createFakeCos, type FakeCos, type FakeObject } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';

const BUCKET = SAMPLE_BUCKETS[0];
const OBJECTS: FakeObject[] = [
  {
    key: 'team-a/plan b.txt',
    size: 1_572_864,
    contentType: 'text/plain',
    storageClass: 'STANDARD_IA',
    meta: { 'x-cos-meta-author': 'ana', 'x-cos-meta-camera-model': 'x100' },
    versionId: 'MTg0NDUxMzY1MDIzNjQ3NTcwMDk',
  },
  { key: 'team-a/empty.bin', size: 0 },
];

async function openDetails(name: string, prepare?: (cos: FakeCos) => void) {
  const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } });
  prepare?.(cos);
  const rendered = renderWithCos(<Workspace defaultRegion="ap-guangzhou" />, { cos });
  const { user } = rendered;
  await user.click(await screen.findByRole('link', { name: BUCKET.name }));
  await user.click(within(await screen.findByRole('table', { name: 'Objects' })).getByRole('link', { name: /team-a/ }));
  await user.click(await screen.findByRole('button', { name }));
  const dialog = await screen.findByRole('dialog', { name: 'Object details' });
  return { ...rendered, dialog };
}

/** The panel's facts as label → text, as a reader meets them. */
function facts(dialog: HTMLElement): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const dt of within(dialog).getAllByRole('term')) pairs[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
  return pairs;
}

describe('the object details panel', () => {
  it('opens from an object’s name and shows what HEAD Object says, every x-cos-meta-* header included', async () => {
    const { dialog, cos } = await openDetails('plan b.txt');
    await within(dialog).findByText('text/plain');
    expect(cos.callsOf('headObject')[0].input).toEqual({ bucket: BUCKET.name, region: BUCKET.region, key: 'team-a/plan b.txt' });
    expect(facts(dialog)).toMatchObject({
      Key: 'team-a/plan b.txt',
      'cos:// path': `cos://${BUCKET.name}/team-a/plan b.txt`,
      Size: '1.5 MB (1,572,864 bytes)',
      'Content-Type': 'text/plain',
      ETag: 'd41d8cd98f00b204e9800998ecf8427e',
      CRC64: '0',
      'Storage class': 'STANDARD_IA',
      'Version ID': 'MTg0NDUxMzY1MDIzNjQ3NTcwMDk',
      'x-cos-meta-author': 'ana',
      'x-cos-meta-camera-model': 'x100',
    });
  });

  it('copies the key, the cos:// path and the object URL', async () => {
    const { dialog, user } = await openDetails('plan b.txt');
    await within(dialog).findByText('text/plain');
    await user.click(within(dialog).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe('team-a/plan b.txt');
    await user.click(within(dialog).getByRole('button', { name: 'Copy cos:// path' }));
    expect(await navigator.clipboard.readText()).toBe(`cos://${BUCKET.name}/team-a/plan b.txt`);
    await user.click(within(dialog).getByRole('button', { name: 'Copy object URL' }));
    expect(await navigator.clipboard.readText()).toBe(`https://${BUCKET.name}.cos.${BUCKET.region}.myqcloud.com/team-a/plan%20b.txt`);
  });

  it('says there is no metadata and no version, rather than leaving blanks', async () => {
    const { dialog } = await openDetails('empty.bin');
    expect(await within(dialog).findByText('None')).toBeTruthy();
    expect(facts(dialog)['Content-Type']).toBe('Not given');
    expect(facts(dialog)['Version ID']).toBeUndefined();
  });

  it('says the object is gone when HEAD finds nothing', async () => {
    const { dialog } = await openDetails('empty.bin', (cos) => cos.failNext('headObject', cosError('NoSuchKey', 404, { action: 'cos:HeadObject' })));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Could not read the details of team-a/empty.bin.');
    expect(alert.textContent).toContain('The object is no longer there');
    expect(within(dialog).queryByRole('button', { name: 'Copy object URL' })).toBeNull();
  });

  it('closes back to the object’s name in the folder', async () => {
    const { dialog, user } = await openDetails('empty.bin');
    await within(dialog).findByText('None');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'empty.bin' }));
  });
});
