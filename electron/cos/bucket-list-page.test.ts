import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuckets, startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException } from '@shared/errors';
import { OWNER, READER, credentialsFor } from '../testing/cos-fixtures';
import { collectBucketPages, readBucketListPage, requestBucketListPage } from './bucket-list-page';
import { createCosGateway } from './gateway';

const OWNER_XML = '<Owner><ID>qcs::cam::uin/100000000001:uin/100000000001</ID><DisplayName>100000000001</DisplayName></Owner>';
const bucketXml = (name: string, type = '<BucketType>cos</BucketType>') =>
  `<Bucket><Name>${name}</Name><Location>ap-guangzhou</Location><CreationDate>2024-01-01T00:00:00Z</CreationDate>${type}</Bucket>`;
const answer = (inner: string) => `<?xml version="1.0" encoding="UTF-8" ?>\n<ListAllMyBucketsResult>${inner}</ListAllMyBucketsResult>`;

describe('readBucketListPage', () => {
  it('reads the owner and each bucket, trimming the name', () => {
    const page = readBucketListPage(answer(`${OWNER_XML}<Buckets>${bucketXml('examplebucket-1250000000 ')}</Buckets><IsTruncated>false</IsTruncated>`));
    expect(page).toEqual({
      owner: { ownerId: 'qcs::cam::uin/100000000001:uin/100000000001', displayName: '100000000001' },
      buckets: [{ name: 'examplebucket-1250000000', region: 'ap-guangzhou', creationDate: '2024-01-01T00:00:00Z', bucketType: 'cos' }],
      truncated: false,
    });
  });

  it('reads an empty <Buckets/> as no buckets', () => {
    expect(readBucketListPage(answer(`${OWNER_XML}<Buckets/>`))).toMatchObject({ buckets: [], truncated: false });
  });

  it('continues from NextMarker when IsTruncated is true', () => {
    const page = readBucketListPage(
      answer(`${OWNER_XML}<Buckets>${bucketXml('a-1')}${bucketXml('b-1')}</Buckets><Marker/><NextMarker>b-1</NextMarker><IsTruncated>true</IsTruncated>`),
    );
    expect(page).toMatchObject({ nextMarker: 'b-1', truncated: true });
  });

  it('continues from the last name when a truncated page has no NextMarker', () => {
    const page = readBucketListPage(answer(`${OWNER_XML}<Buckets>${bucketXml('a-1')}${bucketXml('b-1')}</Buckets><IsTruncated>true</IsTruncated>`));
    expect(page).toMatchObject({ nextMarker: 'b-1', truncated: true });
  });

  it('ends the list when a page claims more but gives no way to ask for it', () => {
    const page = readBucketListPage(answer(`${OWNER_XML}<Buckets></Buckets><IsTruncated>true</IsTruncated>`));
    expect(page).toEqual({ owner: expect.any(Object), buckets: [], truncated: false });
  });

  it('omits bucketType when COS does not send one', () => {
    const page = readBucketListPage(answer(`${OWNER_XML}<Buckets>${bucketXml('a-1', '')}</Buckets>`));
    expect(page.buckets[0]).not.toHaveProperty('bucketType');
  });
});

describe('collectBucketPages', () => {
  const account = { ownerId: 'o', displayName: 'd' };
  const named = (name: string) => ({ name, region: 'ap-guangzhou', creationDate: '2024-01-01T00:00:00Z' });

  it('stops when a server repeats its marker instead of looping forever', async () => {
    const asked: (string | undefined)[] = [];
    const list = await collectBucketPages(async (marker) => {
      asked.push(marker);
      return { owner: account, buckets: [named(`b-${asked.length}`)], nextMarker: 'same', truncated: true };
    });
    expect(asked).toEqual([undefined, 'same']);
    expect(list.buckets.map((b) => b.name)).toEqual(['b-1', 'b-2']);
  });
});

describe('requestBucketListPage', () => {
  it('asks for 2,000 buckets a page after the marker, on the host it is given, and keeps the body raw', async () => {
    const sent: unknown[] = [];
    const request = async (params: unknown) => (sent.push(params), { Body: Buffer.from('<ListAllMyBucketsResult/>') });
    const body = await requestBucketListPage({ request }, 'http://cos.ap-beijing.myqcloud.com/', 'm-1');
    expect(body.toString()).toBe('<ListAllMyBucketsResult/>');
    expect(sent).toEqual([
      { Method: 'GET', Url: 'http://cos.ap-beijing.myqcloud.com/', Query: { marker: 'm-1', 'max-keys': 2000 }, RawBody: true },
    ]);
  });
});

describe('listBucketsPage through the SDK and the emulator', () => {
  let emulator: Emulator;
  const seed = seedBuckets(4100, { appId: OWNER.appId, regions: ['ap-beijing', 'ap-chengdu'] });

  beforeAll(async () => {
    emulator = await startEmulator({ seed: { accounts: [OWNER, READER], buckets: seed } });
  });
  afterAll(() => emulator.close());

  it('hands out the list one page at a time, each page saying where the next starts', async () => {
    const gateway = createCosGateway(credentialsFor(emulator, OWNER));
    const first = await gateway.listBucketsPage();
    expect(first.buckets).toHaveLength(2000);
    expect(first).toMatchObject({ truncated: true, nextMarker: first.buckets[1999].name });
    expect(first.owner.ownerId).toContain(OWNER.ownerUin);

    const second = await gateway.listBucketsPage({ marker: first.nextMarker });
    const third = await gateway.listBucketsPage({ marker: second.nextMarker });
    expect([second.buckets.length, third.buckets.length]).toEqual([2000, 100]);
    expect(third).toMatchObject({ truncated: false });
    expect(third).not.toHaveProperty('nextMarker');
    const names = [first, second, third].flatMap((p) => p.buckets.map((b) => b.name));
    expect(names).toEqual(seed.map((b) => b.name));
  });

  it('asks the regional host when a region is given, and gets only that region', async () => {
    const gateway = createCosGateway(credentialsFor(emulator, OWNER));
    const page = await gateway.listBucketsPage({ region: 'ap-chengdu' });
    expect(page.buckets).toHaveLength(2000);
    expect(page.buckets.every((b) => b.region === 'ap-chengdu')).toBe(true);
    expect(emulator.requests().at(-1)?.host).toBe('cos.ap-chengdu.myqcloud.com');
    const rest = await gateway.listBucketsPage({ region: 'ap-chengdu', marker: page.nextMarker });
    expect(rest).toMatchObject({ truncated: false });
    expect(rest.buckets).toHaveLength(50);
  });

  it('fails with the COS error and the CAM action a key lacks', async () => {
    const limited = await startEmulator({ seed: { accounts: [OWNER, { ...READER, allow: ['cos:HeadBucket'] }] } });
    try {
      const error = await createCosGateway(credentialsFor(limited, READER)).listBucketsPage().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppErrorException);
      expect((error as AppErrorException).error).toMatchObject({ code: 'AccessDenied', status: 403, action: 'cos:GetService' });
    } finally {
      await limited.close();
    }
  });
});
