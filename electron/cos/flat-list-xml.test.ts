/** The fast listing reader against the SDK's general parser, over generated pages of objects and of versions. */
import COS from 'cos-nodejs-sdk-v5';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LISTING_SHAPES, readFlatListXml } from './flat-list-xml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const urlEncode = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/');
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined || (value as unknown) === '' ? [] : Array.isArray(value) ? value : [value]);

/** What the SDK's parser makes of the page, cut to the fields the reader reads. */
function general(xml: string, root: string) {
  const shape = LISTING_SHAPES[root];
  const parsed = (COS.util.xml2json(xml) as Record<string, Record<string, unknown>>)[root];
  const out: Record<string, unknown> = {};
  for (const [tag, names] of Object.entries(shape.entries)) {
    out[tag] = list(parsed[tag] as Record<string, unknown>[]).map((entry) =>
      Object.fromEntries(names.filter((n) => entry[n] !== undefined).map((n) => [n, String(entry[n])])),
    );
  }
  for (const name of shape.page) if (parsed[name] !== undefined) out[name] = String(parsed[name]);
  return out;
}

const fastRead = (xml: string, root: string) => readFlatListXml(xml, LISTING_SHAPES[root]);

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

const version = fc.record({ key, id: fc.option(fc.string({ unit: fc.constantFrom(...'0123456789abcdefMTI='), minLength: 1, maxLength: 20 }), { nil: undefined }), latest: fc.boolean(), marker: fc.boolean(), gap: space });
const versionPage = fc.record({ encoded: fc.boolean(), entries: fc.array(version, { maxLength: 20 }), truncated: fc.boolean(), gap: space });

function versionDocumentOf(p: typeof versionPage extends fc.Arbitrary<infer T> ? T : never): string {
  const k = (value: string) => escapeXml(p.encoded ? urlEncode(value) : value);
  const entries = p.entries.map((v) => {
    const tag = v.marker ? 'DeleteMarker' : 'Version';
    const fields = [`<Key>${k(v.key)}</Key>`, `<VersionId>${v.id ?? ''}</VersionId>`, `<IsLatest>${v.latest}</IsLatest>`, '<LastModified>2024-03-01T08:00:00.000Z</LastModified>'];
    if (!v.marker) fields.push('<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass>');
    return `<${tag}>${v.gap}${fields.join(v.gap)}${v.gap}</${tag}>`;
  });
  const last = p.entries.at(-1);
  return [
    '<ListVersionsResult><Name>history-1250000000</Name><Prefix></Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys>',
    `<IsTruncated>${p.truncated}</IsTruncated>`,
    ...(p.truncated && last ? [`<NextKeyMarker>${k(last.key)}</NextKeyMarker><NextVersionIdMarker>${last.id ?? ''}</NextVersionIdMarker>`] : []),
    ...entries,
    '</ListVersionsResult>',
  ].join(p.gap);
}

describe('readFlatListXml', () => {
  it('reads every object page exactly as the SDK’s parser does', () => {
    fc.assert(
      fc.property(page, (p) => {
        const xml = documentOf(p);
        const fast = fastRead(xml, 'ListBucketResult');
        expect(fast).toBeDefined();
        expect(fast).toEqual(general(xml, 'ListBucketResult'));
      }),
      { numRuns: 300 },
    );
  });

  it('reads every version page exactly as the SDK’s parser does, delete markers apart from versions', () => {
    fc.assert(
      fc.property(versionPage, (p) => {
        const xml = versionDocumentOf(p);
        const fast = fastRead(xml, 'ListVersionsResult');
        expect(fast).toBeDefined();
        expect(fast).toEqual(general(xml, 'ListVersionsResult'));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a document of another shape to the general parser rather than miss an entry', () => {
    const usual = '<Contents><Key>a</Key><Size>1</Size></Contents>';
    expect(fastRead(`<ListBucketResult>${usual}<Contents/></ListBucketResult>`, 'ListBucketResult')).toBeUndefined();
    expect(fastRead(`<ListBucketResult>${usual}<Contents id="x"><Key>b</Key></Contents></ListBucketResult>`, 'ListBucketResult')).toBeUndefined();
    expect(fastRead('<ListBucketResult><Contents><Key><![CDATA[a<b]]></Key></Contents></ListBucketResult>', 'ListBucketResult')).toBeUndefined();
  });
});
