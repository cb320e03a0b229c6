import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseBucketListXml, peekNextMarker } from './bucket-list-xml';

// The SDK's own parser is the reference: both must read the same documents alike.
const sdkUtil = createRequire(import.meta.url)('cos-nodejs-sdk-v5/sdk/util.js') as { xml2json(xml: string): any };

/** The documented example of doc 8291, pretty-printed as COS sends it, with the trailing space it shows. */
const DOCUMENTED = `<?xml version="1.0" encoding="UTF-8" ?>
<ListAllMyBucketsResult>
    <Owner>
        <ID>qcs::cam::uin/100000000001:uin/100000000001</ID>
        <DisplayName>100000000001</DisplayName>
    </Owner>
    <Buckets>
        <Bucket>
            <Name>examplebucket1-1250000000 </Name>
            <Location>ap-beijing</Location>
            <CreationDate>2019-05-24T11:20:10Z</CreationDate>
            <BucketType>cos</BucketType>
        </Bucket>
        <Bucket>
            <Name>examplebucket2-1250000000</Name>
            <Location>ap-beijing</Location>
            <CreationDate>2019-05-24T11:20:10Z</CreationDate>
            <BucketType>cos</BucketType>
        </Bucket>
    </Buckets>
    <Marker>examplebucket0-1250000000</Marker>
    <NextMarker>examplebucket2-1250000000</NextMarker>
    <IsTruncated>true</IsTruncated>
</ListAllMyBucketsResult>`;

describe('parseBucketListXml', () => {
  it('reads the documented example as the SDK does', () => {
    const ours = parseBucketListXml(DOCUMENTED);
    const sdk = sdkUtil.xml2json(DOCUMENTED).ListAllMyBucketsResult;
    expect(ours.ownerId).toBe(sdk.Owner.ID);
    expect(ours.displayName).toBe(sdk.Owner.DisplayName);
    expect(ours.isTruncated).toBe(sdk.IsTruncated);
    expect(ours.nextMarker).toBe(sdk.NextMarker);
    expect(ours.buckets.map((b) => [b.name.trim(), b.location, b.creationDate, b.bucketType])).toEqual(
      sdk.Buckets.Bucket.map((b: any) => [b.Name.trim(), b.Location, b.CreationDate, b.BucketType]),
    );
  });

  it('decodes entities, character references and CDATA in any field', () => {
    const xml = `<ListAllMyBucketsResult><Owner><ID>1</ID><DisplayName>A &amp; B &lt;team&gt; &#233;&#x4E91; <![CDATA[<raw> & more]]></DisplayName></Owner><Buckets/></ListAllMyBucketsResult>`;
    expect(parseBucketListXml(xml).displayName).toBe('A & B <team> é云 <raw> & more');
  });

  it('takes the page fields from beside <Buckets>, never from inside a bucket', () => {
    const xml = `<ListAllMyBucketsResult><Buckets><Bucket><Name>a-1</Name><NextMarker>wrong</NextMarker></Bucket></Buckets><IsTruncated>false</IsTruncated></ListAllMyBucketsResult>`;
    expect(parseBucketListXml(xml)).toMatchObject({ nextMarker: '', isTruncated: 'false', buckets: [{ name: 'a-1' }] });
  });

  it('reads a page with the fields before the buckets, as some servers order them', () => {
    const xml = `<ListAllMyBucketsResult><Owner><ID>1</ID><DisplayName>d</DisplayName></Owner><Marker/><NextMarker>b-1</NextMarker><IsTruncated>true</IsTruncated><Buckets><Bucket><Name>b-1</Name></Bucket></Buckets></ListAllMyBucketsResult>`;
    expect(parseBucketListXml(xml)).toMatchObject({ ownerId: '1', nextMarker: 'b-1', isTruncated: 'true', buckets: [{ name: 'b-1' }] });
  });

  it('reads buckets whose fields come in another order, carry CDATA or extra elements', () => {
    const xml = `<ListAllMyBucketsResult><Buckets>
      <Bucket><Name>a-1</Name><Location>ap-beijing</Location><CreationDate>2024-01-01T00:00:00Z</CreationDate></Bucket>
      <Bucket><Location>ap-shanghai</Location><Name>b-1</Name><Tags/><CreationDate>2024-01-02T00:00:00Z</CreationDate></Bucket>
      <Bucket><Name><![CDATA[c-1]]></Name><Location>ap-chengdu</Location><CreationDate>2024-01-03T00:00:00Z</CreationDate><BucketType>cos</BucketType></Bucket>
    </Buckets></ListAllMyBucketsResult>`;
    expect(parseBucketListXml(xml).buckets).toEqual([
      { name: 'a-1', location: 'ap-beijing', creationDate: '2024-01-01T00:00:00Z', bucketType: '' },
      { name: 'b-1', location: 'ap-shanghai', creationDate: '2024-01-02T00:00:00Z', bucketType: '' },
      { name: 'c-1', location: 'ap-chengdu', creationDate: '2024-01-03T00:00:00Z', bucketType: 'cos' },
    ]);
  });

  it('refuses a document that is not a bucket list, or is cut short', () => {
    expect(() => parseBucketListXml('<Error><Code>AccessDenied</Code></Error>')).toThrow();
    expect(() => parseBucketListXml(DOCUMENTED.slice(0, 400))).toThrow();
    expect(() => parseBucketListXml('')).toThrow();
  });
});

describe('peekNextMarker', () => {
  it('finds where the next page starts without reading the page', () => {
    expect(peekNextMarker(Buffer.from(DOCUMENTED))).toBe('examplebucket2-1250000000');
  });

  it('says nothing when the page is the last, or names no marker', () => {
    expect(peekNextMarker(Buffer.from(DOCUMENTED.replace('<IsTruncated>true', '<IsTruncated>false')))).toBeUndefined();
    expect(peekNextMarker(Buffer.from(DOCUMENTED.replace(/<NextMarker>.*<\/NextMarker>/, '')))).toBeUndefined();
  });
});
