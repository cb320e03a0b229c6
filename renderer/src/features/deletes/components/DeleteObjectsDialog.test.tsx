import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { cosError, createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { DeleteObjectsDialog } from './DeleteObjectsDialog';

const BUCKET = 'photos-1250000000';
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}.jpg`);

function open(props: { keys: string[]; prefixes?: string[] }, objects: string[], cos = createFakeCos({ objectKeys: { [BUCKET]: objects } })) {
  const onDeleted = vi.fn();
  const rendered = renderWithCos(<DeleteObjectsDialog bucket={BUCKET} region="ap-guangzhou" onClose={() => {}} onDeleted={onDeleted} {...props} />, { cos });
  const dialog = screen.getByRole('dialog', { name: 'Delete objects' });
  return { ...rendered, onDeleted, ui: within(dialog) };
}

const submit = (ui: ReturnType<typeof within>) => ui.getByRole('button', { name: 'Delete objects' }) as HTMLButtonElement;

describe('delete objects dialog', () => {
  it('names a small selection and deletes it without a typed confirmation', async () => {
    const { ui, user, cos, onDeleted } = open({ keys: ['a b.jpg', '照片.png'] }, ['a b.jpg', '照片.png', 'keep.txt']);
    expect(ui.getByRole('list', { name: 'These will be deleted:' }).textContent).toContain('照片.png');
    expect(ui.getByText('2 objects in all')).toBeTruthy();
    expect(ui.queryByRole('textbox')).toBeNull();
    await user.click(submit(ui));
    await ui.findByText('Deleted 2 objects.');
    expect(cos.objects[BUCKET]).toEqual(['keep.txt']);
    expect(onDeleted).toHaveBeenCalledWith(2);
  });

  it('asks for the count above 100 objects, and sends keys in batches of at most 1,000', async () => {
    const keys = range('pics/', 2500);
    const { ui, user, cos } = open({ keys }, keys);
    expect(ui.getByText('and 2,490 more')).toBeTruthy();
    const confirm = ui.getByRole('textbox', { name: 'Type the number of objects to confirm' });
    await user.type(confirm, '250');
    expect(submit(ui).disabled).toBe(true);
    await user.type(confirm, '0');
    await user.click(submit(ui));
    await ui.findByText('Deleted 2,500 objects.');
    expect(cos.callsOf('deleteObjects').map((c) => (c.input as { keys: string[] }).keys.length)).toEqual([1000, 1000, 500]);
  });

  it('counts a folder first, asks for its name, and deletes everything under it and nothing beside it', async () => {
    const under = range('a/', 1200);
    const { ui, user, cos } = open({ keys: [], prefixes: ['a/'] }, [...under, 'a', 'ab/x.jpg']);
    await ui.findByText('a/ (folder, 1,200 objects)');
    expect(ui.getByText('1,200 objects in all')).toBeTruthy();
    const confirm = ui.getByRole('textbox', { name: 'Type the folder name to confirm' });
    await user.type(confirm, 'a');
    expect(submit(ui).disabled).toBe(true);
    await user.type(confirm, '/');
    await user.click(submit(ui));
    await ui.findByText('Deleted 1,200 objects.');
    expect(cos.objects[BUCKET]).toEqual(['a', 'ab/x.jpg']);
  });

  it('stops on Cancel with what was deleted so far', async () => {
    const keys = range('p/', 2000);
    const { ui, user, cos } = open({ keys }, keys);
    await user.type(ui.getByRole('textbox'), '2000');
    const release = cos.hold('deleteObjects');
    await user.click(submit(ui));
    const bar = await ui.findByRole('progressbar', { name: 'Deleting' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    await user.click(ui.getByRole('button', { name: 'Cancel' }));
    release();
    await ui.findByText('Stopped after deleting 1,000 objects.');
    expect(cos.callsOf('deleteObjects')).toHaveLength(1);
    expect(cos.objects[BUCKET]).toHaveLength(1000);
  });

  it('lists keys COS refused with their codes', async () => {
    const cos = createFakeCos({ objectKeys: { [BUCKET]: ['a', 'b', 'c'] }, refuseKeys: ['b', 'c'] });
    const { ui, user } = open({ keys: ['a', 'b', 'c'] }, [], cos);
    await user.click(submit(ui));
    await ui.findByText('Deleted 1 object.');
    const refused = ui.getByRole('list', { name: 'COS refused to delete 2 objects:' });
    expect(within(refused).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['b  — AccessDenied', 'c  — AccessDenied']);
    expect(cos.objects[BUCKET]).toEqual(['b', 'c']);
  });

  it('says why a run stopped', async () => {
    const cos = createFakeCos({ objectKeys: { [BUCKET]: ['x'] } });
    cos.failNext('deleteObjects', cosError('AccessDenied', 403, { action: 'cos:DeleteObject' }));
    const { ui, user } = open({ keys: ['x'] }, [], cos);
    await user.click(submit(ui));
    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('Deleting stopped.');
    expect(alert.textContent).toContain('cos:DeleteObject');
  });
});
