import { describe, expect, it } from 'vitest';
import { granteeHeader, isValidGranteeId, parseGrantees } from './grants';

describe('grantees', () => {
  it('accepts root UINs and sub-account ids, bare or wrapped in id="…"', () => {
    const parsed = parseGrantees('100000000001, id="100000000002"\nqcs::cam::uin/100000000001:uin/100000000011');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.ids).toEqual(['100000000001', '100000000002', 'qcs::cam::uin/100000000001:uin/100000000011']);
  });

  it('lists what it cannot read so the form can say what to fix', () => {
    expect(parseGrantees('alice, 123, 100000000001').invalid).toEqual(['alice', '123']);
    expect(isValidGranteeId('qcs::cam::uin/1000:uin/100000000011')).toBe(false);
  });

  it('drops duplicates and blank entries', () => {
    expect(parseGrantees(' ,100000000001,,100000000001 ').ids).toEqual(['100000000001']);
  });

  it('sends several ids in the id="…" form, comma separated', () => {
    expect(granteeHeader(['100000000001', 'qcs::cam::uin/100000000001:uin/100000000011'])).toBe(
      'id="100000000001",id="qcs::cam::uin/100000000001:uin/100000000011"',
    );
  });
});
