import { describe, expect, it } from 'vitest';
import { REGIONS, isWellFormedRegion, regionName, regionSupportsMaz } from './regions';

describe('regions', () => {
  it('label catalog regions and leave unknown ones unlabelled', () => {
    expect(regionName('ap-guangzhou')).toBe('Guangzhou');
    expect(regionName('ap-newcity')).toBeUndefined();
  });

  it('accept well-formed ids outside the catalog and refuse malformed ones', () => {
    for (const r of REGIONS) expect(isWellFormedRegion(r.id)).toBe(true);
    expect(isWellFormedRegion('ap-newcity')).toBe(true);
    expect(isWellFormedRegion('ap-newcity-2')).toBe(true);
    for (const bad of ['', 'guangzhou', 'AP-GUANGZHOU', 'ap-guangzhou/..', 'ap-guangzhou-x', 'ap--x']) {
      expect(isWellFormedRegion(bad)).toBe(false);
    }
  });

  it('offer multi-AZ exactly where COS documents it', () => {
    expect(REGIONS.filter((r) => r.maz).map((r) => r.id).sort()).toEqual(
      ['ap-beijing', 'ap-guangzhou', 'ap-hongkong', 'ap-shanghai', 'ap-shanghai-fsi', 'ap-singapore'].sort(),
    );
    expect(regionSupportsMaz('ap-chengdu')).toBe(false);
    expect(regionSupportsMaz('ap-newcity')).toBe(false);
  });
});
