/**
 * The pseudo-locale check: every string of the English dictionary, and every text its functions make, is wrapped
 * in ⟦…⟧. With that dictionary in use, each screen is rendered and every visible text node and every accessible
 * text (aria-label, title, placeholder) must come from it: text outside ⟦…⟧ may only be data (bucket names,
 * keys, account ids from the fixtures) or symbols without letters. A string written into a component bypasses the
 * dictionary and fails here, in whichever screen shows it.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '@renderer/app/App';
import { cosError, createFakeCos, type FakeObject } from '@renderer/test/fake-bridge';
import { signedOut, SIGNED_IN } from '@renderer/test/fake-session';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { en, type Messages } from './en';
import { replaceDictionary } from './index';

const wrap = (text: string) => `⟦${text}⟧`;

/** The English dictionary with every string and every function's text wrapped; the locale tag stays usable. */
function pseudo<T>(node: T, path = ''): T {
  if (path === 'locale') return node;
  if (typeof node === 'string') return wrap(node) as T;
  if (typeof node === 'function') return ((...args: unknown[]) => wrap(String(node(...args)))) as T;
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, pseudo(value, path ? `${path}.${key}` : key)])) as T;
  }
  return node;
}

const OBJECTS: FakeObject[] = [
  { key: 'readme.txt', size: 5, meta: { 'x-cos-meta-owner': 'team-a' } },
  { key: 'big.bin', size: 1_572_864, storageClass: 'STANDARD_IA' },
  { key: 'team-a/plan.txt', size: 10 },
];
const BUCKET = SAMPLE_BUCKETS[0];
/** Data the screens show as it is: it comes from COS or the user, not from the dictionary. */
const DATA = JSON.stringify([
  SAMPLE_BUCKETS,
  SIGNED_IN,
  OBJECTS,
  'd41d8cd98f00b204e9800998ecf8427e STANDARD',
  // Error codes and request ids stay as COS sent them.
  'SignatureDoesNotMatch req-SignatureDoesNotMatch',
  // What the create and new-folder dialogs make of the names typed into them.
  'team-assets-1250000000.cos.ap-guangzhou.myqcloud.com a/b/',
]);

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];

function bypasses(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.includes('⟦') || trimmed.includes('⟧')) return false;
  if (!/\p{L}/u.test(trimmed)) return false;
  // COS's own timestamps, shown as they came in a tooltip beside the local time.
  if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(trimmed)) return false;
  // Addresses made of data: an object's cos:// path, its URL, a signed link.
  if (/^(cos|https?):\/\/\S+$/.test(trimmed)) return false;
  return !DATA.includes(trimmed);
}

/** Every text shown or announced anywhere in the document that did not come through the dictionary. */
function textsOutsideDictionary(): string[] {
  const found = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.closest('script, style')) continue;
    if (bypasses(node.textContent ?? '')) found.add(`text: ${node.textContent}`);
  }
  for (const element of document.body.querySelectorAll('*')) {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null && bypasses(value)) found.add(`${name}: ${value}`);
    }
  }
  return [...found];
}

beforeEach(() => replaceDictionary('en', pseudo(en) as Messages));
afterEach(() => replaceDictionary('en', en));

/** An accessible name made of this dictionary text (wrapped, as the pseudo dictionary shows it). */
const name = (text: string) => new RegExp(wrap(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('the pseudo-locale check', () => {
  it('finds every text of the bucket list, its dialogs, Settings and the shortcuts in the dictionary', async () => {
    const { user } = renderWithCos(<App />, { buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } });
    await screen.findByRole('table', { name: name(en.list.tableLabel) });
    expect(textsOutsideDictionary()).toEqual([]);

    for (const [button, dialog] of [
      [en.list.createBucket, en.create.title],
      [en.list.checkBucket, en.check.title],
      [en.list.addByName, en.add.title],
      [en.header.settings, en.settings.title],
      [en.header.shortcuts, en.shortcuts.title],
      [en.header.manageProfiles, en.profiles.title],
    ]) {
      await user.click(screen.getAllByRole('button', { name: name(button) })[0]);
      const open = await screen.findByRole('dialog', { name: name(dialog) });
      if (dialog === en.create.title) {
        await user.type(within(open).getByRole('textbox', { name: name(en.create.name) }), 'Team-Assets');
        await user.click(within(open).getByRole('radio', { name: name(en.create.acls['public-read']) }));
      }
      expect(textsOutsideDictionary(), dialog).toEqual([]);
      await user.keyboard('{Escape}');
      await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
    }

    await user.click(screen.getByRole('button', { name: name(en.header.manageProfiles) }));
    const profiles = await screen.findByRole('dialog', { name: name(en.profiles.title) });
    await user.click(within(profiles).getAllByRole('button', { name: name(en.profiles.edit) })[0]);
    await screen.findByRole('dialog', { name: name(en.profiles.editTitle) });
    expect(textsOutsideDictionary(), en.profiles.editTitle).toEqual([]);
    await user.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
  });

  it('finds every text of deleting and emptying a bucket in the dictionary', async () => {
    const holds = { objects: 2500, noncurrentVersions: 3, deleteMarkers: 1, uploads: 1 };
    const { user } = renderWithCos(<App />, { buckets: SAMPLE_BUCKETS, contents: { [BUCKET.name]: holds } });
    const table = await screen.findByRole('table', { name: name(en.list.tableLabel) });
    const row = within(table).getByRole('rowheader', { name: BUCKET.name }).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: name(en.list.delete) }));
    const dialog = within(await screen.findByRole('dialog', { name: name(en.delete.title) }));
    expect(textsOutsideDictionary(), en.delete.title).toEqual([]);

    await user.type(dialog.getByRole('textbox', { name: name(en.delete.confirm) }), BUCKET.name);
    await user.click(dialog.getByRole('button', { name: name(en.delete.submit) }));
    await user.click(await dialog.findByRole('button', { name: name(en.delete.emptyFirst) }));
    const empty = within(await screen.findByRole('dialog', { name: name(en.emptyBucket.title) }));
    await empty.findByText(name(en.emptyBucket.objects(2500)));
    expect(textsOutsideDictionary(), en.emptyBucket.title).toEqual([]);
    await user.type(empty.getByRole('textbox', { name: name(en.emptyBucket.confirm) }), BUCKET.name);
    await user.click(empty.getByRole('button', { name: name(en.emptyBucket.empty) }));
    await empty.findByText(name(en.emptyBucket.done));
    expect(textsOutsideDictionary(), 'emptied').toEqual([]);
  });

  it('finds every text of a bucket’s objects and an object’s details in the dictionary', async () => {
    const { user } = renderWithCos(<App />, { buckets: SAMPLE_BUCKETS, objects: { [BUCKET.name]: OBJECTS } });
    await user.click(await screen.findByRole('link', { name: BUCKET.name }));
    const table = await screen.findByRole('table', { name: name(en.objects.tableLabel) });
    await within(table).findByRole('button', { name: /readme\.txt/ });
    expect(textsOutsideDictionary()).toEqual([]);

    await user.click(within(table).getByRole('button', { name: /readme\.txt/ }));
    const details = await screen.findByRole('dialog', { name: name(en.objects.details.title) });
    await within(details).findByText(/x-cos-meta-owner/);
    expect(textsOutsideDictionary(), 'details').toEqual([]);

    await user.click(within(details).getByRole('button', { name: name(en.objects.details.share) }));
    const share = await screen.findByRole('dialog', { name: name(en.objects.share.title) });
    await user.click(within(share).getByRole('button', { name: name(en.objects.share.submit) }));
    await within(share).findByRole('button', { name: name(en.objects.share.copy) });
    expect(textsOutsideDictionary(), 'share link').toEqual([]);
    await user.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: name(en.objects.newFolderAction) }));
    const folder = await screen.findByRole('dialog', { name: name(en.objects.newFolder.title) });
    await user.type(within(folder).getByRole('textbox', { name: name(en.objects.newFolder.name) }), 'a/b');
    expect(textsOutsideDictionary(), en.objects.newFolder.title).toEqual([]);
    await user.keyboard('{Escape}');
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();

    await user.click(within(table).getByRole('checkbox', { name: name(en.objects.select('big.bin')) }));
    await user.click(screen.getByRole('button', { name: name(en.objects.deleteSelected) }));
    await screen.findByRole('dialog', { name: name(en.deleteObjects.title) });
    expect(textsOutsideDictionary(), en.deleteObjects.title).toEqual([]);
  });

  it('finds every text of sign-in and of an error in the dictionary', async () => {
    const cos = createFakeCos({ session: signedOut() });
    const { user } = renderWithCos(<App />, { cos });
    const dialog = await screen.findByRole('dialog', { name: name(en.signIn.title) });
    await user.type(within(dialog).getByLabelText(name(en.signIn.secretId)), 'AKIDexample123');
    await user.type(within(dialog).getByLabelText(name(en.signIn.secretKey)), 'wrong-secret-key');
    cos.failNext('signIn', cosError('SignatureDoesNotMatch', 403));
    await user.click(within(dialog).getByRole('button', { name: name(en.signIn.submit) }));
    await within(dialog).findByRole('alert');
    // COS's own message and the request id are data, shown as COS sent them.
    const texts = textsOutsideDictionary().filter((t) => !t.includes('(from the fake COS)'));
    expect(texts).toEqual([]);
  });
});
