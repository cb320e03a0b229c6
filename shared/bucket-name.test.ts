import { describe, expect, it } from 'vitest';
import {
  appIdsFromBucketNames,
  bucketHost,
  checkAppId,
  checkBucketName,
  isFullBucketName,
  isValidBucketName,
  maxBucketNameLength,
  normalizeBucketName,
  splitFullBucketName,
} from './bucket-name';

const failed = (name: string, appId = '1250000000', region = 'ap-guangzhou') =>
  checkBucketName(name, appId, region).filter((r) => !r.ok).map((r) => r.rule);

describe('bucket names', () => {
  it('accepts lowercase letters, digits and inner hyphens', () => {
    expect(failed('photos-2024')).toEqual([]);
    expect(isValidBucketName('a', '1250000000', 'ap-guangzhou')).toBe(true);
  });

  it('refuses an empty name, other characters and hyphens at either end', () => {
    expect(failed('')).toContain('required');
    expect(failed('Photos')).toEqual(['charset']);
    expect(failed('pho_tos')).toEqual(['charset']);
    expect(failed('photos.v2')).toEqual(['charset']);
    expect(failed('-photos')).toEqual(['hyphenEnds']);
    expect(failed('photos-')).toEqual(['hyphenEnds']);
  });

  it('limits the whole host to 60 characters, at and past the limit', () => {
    const appId = '1250000000';
    const region = 'ap-guangzhou';
    const max = maxBucketNameLength(appId, region);
    // ".cos.ap-guangzhou.myqcloud.com" is 30 characters, "-1250000000" 11: 60 - 41 = 19.
    expect(max).toBe(19);
    expect(bucketHost('a'.repeat(max), appId, region)).toHaveLength(60);
    expect(failed('a'.repeat(max), appId, region)).toEqual([]);
    expect(failed('a'.repeat(max + 1), appId, region)).toEqual(['hostLength']);
  });

  it('gives shorter names to regions with longer ids', () => {
    expect(maxBucketNameLength('1250000000', 'ap-shanghai-fsi')).toBe(16);
    expect(maxBucketNameLength('1250000000', 'na-siliconvalley')).toBe(15);
  });

  it('lowercases and trims what the user typed', () => {
    expect(normalizeBucketName(' MyPhotos ')).toBe('myphotos');
  });
});

describe('APPIDs', () => {
  it('wants digits only, not starting with zero', () => {
    expect(checkAppId('1250000000').every((r) => r.ok)).toBe(true);
    expect(checkAppId('').filter((r) => !r.ok).map((r) => r.rule)).toEqual(['appIdRequired', 'appIdDigits']);
    expect(checkAppId('12a').find((r) => r.rule === 'appIdDigits')?.ok).toBe(false);
    expect(checkAppId('0125').find((r) => r.rule === 'appIdDigits')?.ok).toBe(false);
  });

  it('are read off existing bucket names, most frequent first', () => {
    expect(appIdsFromBucketNames(['a-1250000000', 'b-1300000000', 'c-1300000000', 'no appid'])).toEqual([
      '1300000000',
      '1250000000',
    ]);
  });
});

describe('full bucket names', () => {
  it('split at the last hyphen before the digits', () => {
    expect(splitFullBucketName('my-photos-1250000000')).toEqual({ name: 'my-photos', appId: '1250000000' });
    expect(splitFullBucketName('photos')).toBeUndefined();
  });

  it('must carry an APPID and a name that does not start with a hyphen', () => {
    expect(isFullBucketName('photos-1250000000')).toBe(true);
    expect(isFullBucketName('photos')).toBe(false);
    expect(isFullBucketName('-x-1250000000')).toBe(false);
    expect(isFullBucketName('Photos-1250000000')).toBe(false);
  });
});
