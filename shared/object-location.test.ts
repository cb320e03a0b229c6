import { describe, expect, it } from 'vitest';
import { formatObjectLocation, parentPrefix, parseObjectLocation, prefixSteps } from './object-location';

describe('parseObjectLocation', () => {
  it('reads cos://<bucket>/<prefix> as a folder of that bucket, the region left to the caller', () => {
    expect(parseObjectLocation('cos://photos-1250000000/team-a/')).toEqual({ ok: true, bucket: 'photos-1250000000', prefix: 'team-a/' });
    expect(parseObjectLocation('  cos://photos-1250000000/team-a  ')).toEqual({ ok: true, bucket: 'photos-1250000000', prefix: 'team-a/' });
    expect(parseObjectLocation('cos://photos-1250000000')).toEqual({ ok: true, bucket: 'photos-1250000000', prefix: '' });
    expect(parseObjectLocation('COS://Photos-1250000000/')).toEqual({ ok: true, bucket: 'photos-1250000000', prefix: '' });
  });

  it('takes a cos:// key as typed: no percent-decoding, pluses and double slashes kept', () => {
    expect(parseObjectLocation('cos://photos-1250000000/100%20 a+b//x/')).toEqual({
      ok: true,
      bucket: 'photos-1250000000',
      prefix: '100%20 a+b//x/',
    });
  });

  it('reads a bucket URL: region from the host, the key percent-decoded, an object opening its folder', () => {
    expect(parseObjectLocation('https://photos-1250000000.cos.ap-guangzhou.myqcloud.com/2024/a%20b%2B%E7%85%A7.jpg')).toEqual({
      ok: true,
      bucket: 'photos-1250000000',
      region: 'ap-guangzhou',
      prefix: '2024/',
      key: '2024/a b+照.jpg',
    });
    expect(parseObjectLocation('https://photos-1250000000.cos.ap-guangzhou.myqcloud.com/team-a/')).toEqual({
      ok: true,
      bucket: 'photos-1250000000',
      region: 'ap-guangzhou',
      prefix: 'team-a/',
    });
    expect(parseObjectLocation('http://logs-1250000000.cos.ap-beijing.myqcloud.com')).toMatchObject({ ok: true, prefix: '' });
  });

  it('keeps a literal + and a stray % in a URL, and leaves the query string out', () => {
    expect(parseObjectLocation('https://photos-1250000000.cos.ap-guangzhou.myqcloud.com/c++/100%.png?versionId=1')).toMatchObject({
      prefix: 'c++/',
      key: 'c++/100%.png',
    });
    expect(parseObjectLocation('https://photos-1250000000.cos.ap-guangzhou.myqcloud.com/a//b.txt')).toMatchObject({
      prefix: 'a//',
      key: 'a//b.txt',
    });
  });

  it('reads anything else as a folder path in the open bucket, from its root', () => {
    expect(parseObjectLocation('team-a/')).toEqual({ ok: true, prefix: 'team-a/' });
    expect(parseObjectLocation('/team-a/reports')).toEqual({ ok: true, prefix: 'team-a/reports/' });
    expect(parseObjectLocation('/')).toEqual({ ok: true, prefix: '' });
    expect(parseObjectLocation('照片/a b')).toEqual({ ok: true, prefix: '照片/a b/' });
  });

  it('says what is wrong with text that is not a location', () => {
    expect(parseObjectLocation('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseObjectLocation('cos://photos/x/')).toEqual({ ok: false, problem: 'bucket' });
    expect(parseObjectLocation('cos:///x/')).toEqual({ ok: false, problem: 'bucket' });
    expect(parseObjectLocation('https://photos.cos.ap-guangzhou.myqcloud.com/x')).toEqual({ ok: false, problem: 'bucket' });
    expect(parseObjectLocation('https://photos-1250000000.cos.nowhere.myqcloud.com/x')).toEqual({ ok: false, problem: 'region' });
    expect(parseObjectLocation('cos://photos-1250000000//x/')).toEqual({ ok: false, problem: 'leadingSlash' });
    expect(parseObjectLocation(`cos://photos-1250000000/${'照'.repeat(290)}`)).toEqual({ ok: false, problem: 'tooLong' });
  });
});

describe('folder steps', () => {
  it('finds the folder above, and none above the root', () => {
    expect(parentPrefix('a/b/')).toBe('a/');
    expect(parentPrefix('a/')).toBe('');
    expect(parentPrefix('a//')).toBe('a/');
    expect(parentPrefix('')).toBeUndefined();
  });

  it('splits a prefix into the folders of the path bar, an empty name for a run of slashes', () => {
    expect(prefixSteps('')).toEqual([]);
    expect(prefixSteps('a/b c/')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: 'b c', prefix: 'a/b c/' },
    ]);
    expect(prefixSteps('a//')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: '', prefix: 'a//' },
    ]);
  });

  it('writes a place back as a cos:// location that reads the same', () => {
    const text = formatObjectLocation('photos-1250000000', 'a b/100%/');
    expect(text).toBe('cos://photos-1250000000/a b/100%/');
    expect(parseObjectLocation(text)).toEqual({ ok: true, bucket: 'photos-1250000000', prefix: 'a b/100%/' });
  });
});
