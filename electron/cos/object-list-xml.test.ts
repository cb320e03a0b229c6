/** The fast GET Bucket reader against the SDK's general parser, over generated pages. */
import COS from 'cos-nodejs-sdk-v5';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readObjectListXml } from './object-list-xml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const urlEncode = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/');
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined || (value as unknown) === '' ? [] : Array.isArray(value) ? value : [value]);

/** What the SDK's parser makes of the page, in the reader's shape. */
function general(xml: string) {
  const root = (COS.util.xml2json(xml) as { ListBucketResult: Record<string, unknown> }).ListBucketResult;
  const text = (v: unknown) => (v === undefined ? undefined : String(v));
  return {
    IsTruncated: text(root.IsTruncated),
    NextMarker: text(root.NextMarker),
    CommonPrefixes: list(root.CommonPrefixes as { Prefix?: unknown }[]).map((p) => ({ Prefix: text(p.Prefix) ?? '' })),
    Contents: list(root.Contents as Record<string, unknown>[]).map((c) => ({
      Key: text(c.Key) ?? '',
      LastModified: text(c.LastModified),
      ETag: text(c.ETag),
      Size: text(c.Size),
      StorageClass: text(c.StorageClass),
    })),
  };
}

const key = fc.string({ unit: fc.constantFrom('a', 'b', '/', ' ', '%', '+', '&', '<', '"', "'", '照', '片', '.', '-', '\t'), minLength: 1, maxLength: 12 });
const space = fc.constantFrom('', '', '\n', '\n  ', ' ');

const entry = fc.record({
  key,
  size: fc.nat({ max: 10 ** 12 }),
  etag: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
  storageClass: fc.constantFrom('STANDARD', 'STANDARD_IA', 'ARCHIVE', 'MAZ_STANDARD'),
  owner: fc.boolean(),
  reordered: fc.boolean(),
  gap: space,
});

const page = fc.record({
  encoded: fc.boolean(),
  contents: fc.array(entry, { maxLength: 20 }),
  prefixes: fc.array(key, { maxLength: 5 }),
  prefixesFirst: fc.boolean(),
  truncated: fc.boolean(),
  nextMarker: fc.option(key, { nil: undefined }),
  gap: space,
});

function documentOf(p: PageSpec): string {
  const k = (value: string) => escapeXml(p.encoded ? urlEncode(value) : value);
  const contents = p.contents.map((c) => {
    const fields = [
      `<Key>${k(c.key)}</Key>`,
      `<LastModified>2024-03-01T08:00:00.000Z</LastModified>`,
      `<ETag>&quot;${c.etag}&quot;</ETag>`,
      `<Size>${c.size}</Size>`,
      ...(c.owner ? ['<Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner>'] : []),
      `<StorageClass>${c.storageClass}</StorageClass>`,
    ];
    if (c.reordered) fields.reverse();
    return `<Contents>${c.gap}${fields.join(c.gap)}${c.gap}</Contents>`;
  });
  const prefixes = p.prefixes.map((prefix) => `<CommonPrefixes>${p.gap}<Prefix>${k(prefix)}</Prefix>${p.gap}</CommonPrefixes>`);
  const entries = p.prefixesFirst ? [...prefixes, ...contents] : [...contents, ...prefixes];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ListBucketResult>',
    '<Name>photos-1250000000</Name>',
    ...(p.encoded ? ['<EncodingType>url</EncodingType>'] : []),
    '<Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter>',
    `<IsTruncated>${p.truncated}</IsTruncated>`,
    ...(p.nextMarker === undefined ? [] : [`<NextMarker>${k(p.nextMarker)}</NextMarker>`]),
    ...entries,
    '</ListBucketResult>',
  ].join(p.gap);
}

type PageSpec = typeof page extends fc.Arbitrary<infer T> ? T : never;

describe('readObjectListXml', () => {
  it('reads every page exactly as the SDK’s parser does', () => {
    fc.assert(
      fc.property(page, (p) => {
        const xml = documentOf(p);
        const fast = readObjectListXml(xml);
        expect(fast).toBeDefined();
        expect(fast).toEqual(general(xml));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a document of another shape to the general parser rather than miss an entry', () => {
    const usual = '<Contents><Key>a</Key><Size>1</Size></Contents>';
    expect(readObjectListXml(`<ListBucketResult>${usual}<Contents/></ListBucketResult>`)).toBeUndefined();
    expect(readObjectListXml(`<ListBucketResult>${usual}<Contents id="x"><Key>b</Key></Contents></ListBucketResult>`)).toBeUndefined();
    expect(readObjectListXml('<ListBucketResult><Contents><Key><![CDATA[a<b]]></Key></Contents></ListBucketResult>')).toBeUndefined();
    expect(readObjectListXml('<ListBucketResult><CommonPrefixes><Prefix>a/</Prefix><Extra/></CommonPrefixes></ListBucketResult>')).toBeUndefined();
  });
});
