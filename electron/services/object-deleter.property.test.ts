/**
 * The one promise of deleting objects that matters most: nothing but the chosen keys, and the keys under the
 * chosen folders, is ever deleted. Random key sets (spaces, %, +, Unicode, `..`, a leading `/`, folders that are
 * prefixes of each other such as a/ and a/b and ab/) go through the real SDK to the emulator, and what is left is
 * compared with what should be.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { createCosGateway, type CosGateway } from '../cos/gateway';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
import { ObjectDeleter } from './object-deleter';

const ref = { bucket: 'backup-1250000000', region: 'ap-shanghai' };
const PIECES = ['a', 'b', 'ab', '/', ' ', '%', '%2F', '+', '照片', '..', '.', 'a/b'];

const keyArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
/** COS refuses to store a key that starts with `/` (doc 13324); such keys may still be chosen, and must delete nothing. */
const storedKeyArb = keyArb.filter((key) => !key.startsWith('/'));
const prefixArb = fc.constantFrom('a/', 'a/b', 'ab/', '/', '/a', 'a', '..', '照片/', '%', 'a b');

let emulator: Emulator;
let deleter: ObjectDeleter;
/** Every key sent in a POST ?delete, as the gateway was asked to send it. */
const sent: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
  const gateway = createCosGateway(credentialsFor(emulator, OWNER));
  const recording: CosGateway = {
    ...gateway,
    deleteBatch: (input, call) => {
      sent.push(...input.objects.map((o) => o.key));
      return gateway.deleteBatch(input, call);
    },
  };
  deleter = new ObjectDeleter({ gateway: () => recording });
});
afterAll(() => emulator.close());

const remaining = () => emulator.objectVersions(ref.bucket).filter((v) => v.isLatest && !v.deleteMarker).map((v) => v.key).sort();

it('deletes exactly the chosen keys and everything under the chosen prefixes, and nothing else', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(storedKeyArb, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.array(keyArb, { maxLength: 3 }),
      fc.uniqueArray(prefixArb, { maxLength: 3 }),
      async (keys, picks, absent, prefixes) => {
        emulator.setObjectCount(ref.bucket, 0);
        sent.length = 0;
        emulator.addObjects(keys.map((key) => ({ bucket: ref.bucket, key, size: 1 })));
        const chosen = [...new Set([...picks.map((i) => keys[i % keys.length]), ...absent])];

        if (chosen.length > 0) {
          const result = await deleter.deleteObjects({ ...ref, keys: chosen });
          // COS reports keys it does not have as deleted too (doc 8289): the count is of keys answered for.
          expect(result).toEqual({ deleted: chosen.length, failed: [] });
        }
        for (const prefix of prefixes) {
          let marker: string | undefined;
          for (;;) {
            const step = await deleter.deletePrefixStep({ ...ref, prefix, ...(marker ? { marker } : {}) });
            expect(step.failed).toEqual([]);
            if (!step.remaining) break;
            marker = step.marker;
          }
        }

        const gone = (key: string) => chosen.includes(key) || prefixes.some((p) => key.startsWith(p));
        expect(remaining()).toEqual(keys.filter((k) => !gone(k)).sort());
        expect(sent.filter((key) => !gone(key))).toEqual([]);
      },
    ),
    { numRuns: 40, seed: 20251130 },
  );
}, 120_000);
