import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Workspace } from '@renderer/app/Workspace';
import { cosError, createFakeCos, type FakeCos, type FakeObject } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';

const BUCKET = SAMPLE_BUCKETS[0];
const OBJECTS: FakeObject[] = [
  { key: 'readme.txt', size: 5 },
  { key: 'big.bin', size: 1_572_864, storageClass: 'STANDARD_IA' },
  { key: 'team-a/', size: 0 },
  { key: 'team-a/plan.txt', size: 10 },
  { key: 'team-a/reports/q1.pdf', size: 2048 },
  { key: 'zeta/x.txt', size: 1 },
  { key: 'alpha/y.txt', size: 1 },
];

function renderWorkspace(cos: FakeCos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } })) {
  return renderWithCos(<Workspace defaultRegion="ap-guangzhou" />, { cos });
}

/** Opens the bucket and waits for its first page's rows (the table itself stands before they come). */
async function openBucket(user: ReturnType<typeof renderWorkspace>['user']) {
  await user.click(await screen.findByRole('link', { name: BUCKET.name }));
  const table = await screen.findByRole('table', { name: 'Objects' });
  await within(table).findAllByRole('rowheader');
  return table;
}

const rowNames = (table: HTMLElement) => within(table).queryAllByRole('rowheader').map((cell) => cell.textContent);
const pathLinks = () => within(screen.getByRole('navigation', { name: 'Path' })).getAllByRole('link').map((a) => a.textContent);

describe('the object view', () => {
  it('opens a bucket from its name: folders first, then objects with size, class and a checkbox each', async () => {
    const { user, cos } = renderWorkspace();
    const table = await openBucket(user);

    expect(rowNames(table)).toEqual(['▸ alpha/', '▸ team-a/', '▸ zeta/', 'big.bin', 'readme.txt']);
    expect(cos.callsOf('listObjects')[0].input).toEqual({ bucket: BUCKET.name, region: BUCKET.region, prefix: '' });
    const big = within(table).getByRole('row', { name: /big\.bin/ });
    expect(within(big).getByText('1.5 MB').getAttribute('title')).toBe('1,572,864 bytes');
    expect(within(big).getByText('STANDARD_IA')).toBeTruthy();
    expect(within(table).getByRole('checkbox', { name: 'Select team-a/' })).toBeTruthy();
    expect(screen.getByText('3 folders and 2 objects')).toBeTruthy();
    expect(pathLinks()).toEqual([BUCKET.name]);
    expect((screen.getByRole('button', { name: /^Up$/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the table’s column headers while the first page is on its way, and fills that same table when it comes', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } });
    const release = cos.hold('listObjects');
    const { user } = renderWorkspace(cos);
    await user.click(await screen.findByRole('link', { name: BUCKET.name }));

    const table = await screen.findByRole('table', { name: 'Objects' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Select', 'Name▲', 'Size↕', 'Last modified↕', 'Storage class↕']);
    expect(rowNames(table)).toEqual([]);
    expect(screen.getByText('Loading objects…')).toBeTruthy();
    expect(screen.queryByText(/No loaded name matches/)).toBeNull();

    // The page was asked for once: the request made at the click and the view made after it share it.
    expect(cos.callsOf('listObjects')).toHaveLength(1);

    release();
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ alpha/', '▸ team-a/', '▸ zeta/', 'big.bin', 'readme.txt']));
    // The rows came into the table that stood there: it was not made again.
    expect(screen.getByRole('table', { name: 'Objects' })).toBe(table);
    expect(cos.callsOf('listObjects')).toHaveLength(1);
  });

  it('goes into a folder and back by Up, by the path bar, and back to the bucket list', async () => {
    const { user } = renderWorkspace();
    const table = await openBucket(user);
    await user.click(within(table).getByRole('link', { name: /team-a\// }));

    // The folder's own marker (the key team-a/) is not a row of it.
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toEqual(['▸ reports/', 'plan.txt']));
    expect(pathLinks()).toEqual([BUCKET.name, 'team-a']);
    // The row that was clicked is gone with its table: focus is on where the view now is, not lost.
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'team-a' }));
    await user.click(within(screen.getByRole('table', { name: 'Objects' })).getByRole('link', { name: /reports/ }));
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toEqual(['q1.pdf']));
    expect(pathLinks()).toEqual([BUCKET.name, 'team-a', 'reports']);
    expect(screen.getByRole('link', { name: 'reports' }).getAttribute('aria-current')).toBe('location');

    await user.click(screen.getByRole('button', { name: /^Up$/ }));
    await waitFor(() => expect(pathLinks()).toEqual([BUCKET.name, 'team-a']));
    await user.click(screen.getByRole('link', { name: BUCKET.name }));
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toHaveLength(5));

    await user.click(screen.getByRole('button', { name: /All buckets/ }));
    expect(await screen.findByRole('table', { name: 'Buckets' })).toBeTruthy();
  });

  it('goes to a typed cos:// location, taking the bucket’s region from the list, and to a bucket URL', async () => {
    const other = SAMPLE_BUCKETS.find((b) => b.region !== BUCKET.region)!;
    const cos = createFakeCos({
      buckets: SAMPLE_BUCKETS,
      objects: { [BUCKET.name]: OBJECTS, [other.name]: [{ key: 'logs/2025/a.log', size: 3 }] },
    });
    const { user } = renderWorkspace(cos);
    await openBucket(user);

    const location = screen.getByRole('textbox', { name: 'Location' });
    expect((location as HTMLInputElement).value).toBe(`cos://${BUCKET.name}/`);
    await user.clear(location);
    await user.type(location, `cos://${other.name}/logs{Enter}`);
    await waitFor(() => expect(pathLinks()).toEqual([other.name, 'logs']));
    expect(cos.callsOf('listObjects').at(-1)!.input).toEqual({ bucket: other.name, region: other.region, prefix: 'logs/' });
    expect(rowNames(await screen.findByRole('table', { name: 'Objects' }))).toEqual(['▸ 2025/']);

    const again = screen.getByRole('textbox', { name: 'Location' });
    await user.clear(again);
    await user.type(again, `https://${BUCKET.name}.cos.ap-chengdu.myqcloud.com/team-a/plan.txt{Enter}`);
    await waitFor(() => expect(pathLinks()).toEqual([BUCKET.name, 'team-a']));
    expect(cos.callsOf('listObjects').at(-1)!.input).toEqual({ bucket: BUCKET.name, region: 'ap-chengdu', prefix: 'team-a/' });
  });

  it('asks a bucket the app does not know at the profile’s default region', async () => {
    const { user, cos } = renderWorkspace();
    await openBucket(user);
    const location = screen.getByRole('textbox', { name: 'Location' });
    await user.clear(location);
    await user.type(location, 'cos://elsewhere-1250000000/team-b/{Enter}');
    await waitFor(() => expect(pathLinks()).toEqual(['elsewhere-1250000000', 'team-b']));
    expect(cos.callsOf('listObjects').at(-1)!.input).toEqual({ bucket: 'elsewhere-1250000000', region: 'ap-guangzhou', prefix: 'team-b/' });
  });

  it('says what is wrong with a location it cannot read, and stays where it is', async () => {
    const { user, cos } = renderWorkspace();
    await openBucket(user);
    const calls = cos.callsOf('listObjects').length;
    const location = screen.getByRole('textbox', { name: 'Location' });
    await user.clear(location);
    await user.type(location, 'cos://photos/x/{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/full name with its APPID/);
    expect(location.getAttribute('aria-invalid')).toBe('true');
    expect(cos.callsOf('listObjects')).toHaveLength(calls);
    expect(pathLinks()).toEqual([BUCKET.name]);
  });

  it('names the refused action and the folder when the key may not list it, and opens a folder it may read', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } });
    cos.failNext('listObjects', cosError('AccessDenied', 403, { action: 'cos:GetBucket' }));
    const { user } = renderWorkspace(cos);
    await user.click(await screen.findByRole('link', { name: BUCKET.name }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Could not list the root of ${BUCKET.name}.`);
    expect(alert.textContent).toContain('cos:GetBucket');
    // A refused listing is not asked again behind the user's back.
    expect(cos.callsOf('listObjects')).toHaveLength(1);
    const location = screen.getByRole('textbox', { name: 'Location' });
    await user.clear(location);
    await user.type(location, 'team-a/{Enter}');
    expect(rowNames(await screen.findByRole('table', { name: 'Objects' }))).toEqual(['▸ reports/', 'plan.txt']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('filters loaded names as you type, sorts by a column with folders kept first, and counts', async () => {
    const { user } = renderWorkspace();
    const table = await openBucket(user);
    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'E');
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ team-a/', '▸ zeta/', 'readme.txt']));
    expect(screen.getByText('3 of 5 shown')).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: 'Filter by name' }));

    await user.click(within(table).getByRole('button', { name: /Size/ }));
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ alpha/', '▸ team-a/', '▸ zeta/', 'big.bin', 'readme.txt']));
    expect(within(table).getByRole('columnheader', { name: /Size/ }).getAttribute('aria-sort')).toBe('descending');
    await user.click(within(table).getByRole('button', { name: /Size/ }));
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ alpha/', '▸ team-a/', '▸ zeta/', 'readme.txt', 'big.bin']));
    await user.click(within(table).getByRole('button', { name: /Name/ }));
    await user.click(within(table).getByRole('button', { name: /Name/ }));
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ zeta/', '▸ team-a/', '▸ alpha/', 'readme.txt', 'big.bin']));
  });

  it('opens another folder without the filter typed in the one before, whichever way it is opened', async () => {
    const { user } = renderWorkspace();
    const table = await openBucket(user);
    const filter = () => screen.getByRole('searchbox', { name: 'Filter by name' }) as HTMLInputElement;
    await user.type(filter(), 'team');
    await waitFor(() => expect(rowNames(table)).toEqual(['▸ team-a/']));

    await user.click(within(table).getByRole('link', { name: /team-a\// }));
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toEqual(['▸ reports/', 'plan.txt']));
    expect(filter().value).toBe('');

    await user.type(filter(), 'plan');
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toEqual(['plan.txt']));
    await user.click(screen.getByRole('button', { name: /^Up$/ }));
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Objects' }))).toEqual(['▸ alpha/', '▸ team-a/', '▸ zeta/', 'big.bin', 'readme.txt']));
    expect(filter().value).toBe('');
  });

  it('keeps the selection through a refresh and a return from a sub-folder', async () => {
    const { user, cos } = renderWorkspace();
    const table = await openBucket(user);
    await user.click(within(table).getByRole('checkbox', { name: 'Select readme.txt' }));
    expect(screen.getByText(/1 selected/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    await waitFor(() => expect(cos.callsOf('listObjects')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('button', { name: /Refresh/ }).getAttribute('aria-busy')).toBeNull());
    expect((within(table).getByRole('checkbox', { name: 'Select readme.txt' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(table).getByRole('link', { name: /zeta/ }));
    await waitFor(() => expect(pathLinks()).toEqual([BUCKET.name, 'zeta']));
    expect(screen.queryByText(/selected/)).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Up$/ }));
    const back = await screen.findByRole('table', { name: 'Objects' });
    await waitFor(() => expect(rowNames(back)).toHaveLength(5));
    expect((within(back).getByRole('checkbox', { name: 'Select readme.txt' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/1 selected/)).toBeTruthy();
  });

  it('keeps the rest of the selection when a selected object is deleted, and counts only what is still there', async () => {
    const objects = [...OBJECTS];
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: objects } });
    const { user } = renderWorkspace(cos);
    const table = await openBucket(user);
    await user.click(within(table).getByRole('checkbox', { name: 'Select readme.txt' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Select big.bin' }));
    expect(screen.getByText('2 selected')).toBeTruthy();

    objects.splice(objects.findIndex((o) => o.key === 'big.bin'), 1);
    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    await waitFor(() => expect(rowNames(table)).not.toContain('big.bin'));
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect((within(table).getByRole('checkbox', { name: 'Select readme.txt' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says so when a folder is empty', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: [] } });
    const { user } = renderWorkspace(cos);
    await user.click(await screen.findByRole('link', { name: BUCKET.name }));
    expect(await screen.findByText('This bucket is empty.')).toBeTruthy();
  });
});

describe('a big folder', () => {
  const many = Array.from({ length: 25 }, (_, i) => ({ key: `bulk/item-${String(i).padStart(3, '0')}`, size: 1 }));

  /** Pages after the first wait until `release` is called. */
  function slowLaterPages(cos: FakeCos) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bridge = {
      ...cos.bridge,
      listObjects: async (input?: { marker?: string }) => {
        if (input?.marker) await gate;
        return cos.bridge.listObjects(input as never);
      },
    };
    return { cos: { ...cos, bridge } as FakeCos, release };
  }

  it('shows pages as they arrive with a count, and Cancel and Load the rest', async () => {
    const { cos, release } = slowLaterPages(createFakeCos({ buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: many }, objectPageSize: 10 }));
    const { user } = renderWorkspace(cos);
    await openBucket(user);
    const location = screen.getByRole('textbox', { name: 'Location' });
    await user.clear(location);
    await user.type(location, 'bulk/{Enter}');

    expect(await screen.findByText('Loaded 10 objects…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel loading' }));
    expect(await screen.findByText('Loading stopped: showing the first 10 objects.')).toBeTruthy();
    release();
    await user.click(screen.getByRole('button', { name: 'Load the rest' }));
    expect(await screen.findByText('25 objects')).toBeTruthy();
    expect(screen.queryByText(/Loaded|stopped/)).toBeNull();
    expect(rowNames(screen.getByRole('table', { name: 'Objects' })).length).toBeGreaterThan(10);
  });
});
