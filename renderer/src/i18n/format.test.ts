import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { createFormats } from './format';
import { currentLanguage, messages, regionName, setLanguage } from './index';
import { zhCN } from './zh-CN';

const enFormat = createFormats('en');
const zhFormat = createFormats('zh-CN');
// 2025-03-01 08:05:09 local time: dates are shown in the computer's own time zone.
const instant = new Date(2025, 2, 1, 8, 5, 9).getTime();

afterEach(() => setLanguage('en'));

describe('formats through Intl', () => {
  it('groups counts', () => {
    expect(enFormat.count(12_345)).toBe('12,345');
    expect(zhFormat.count(12_345)).toBe('12,345');
    expect(en.list.count(10_000)).toBe('10,000 buckets');
    expect(zhCN.list.count(10_000)).toBe('共 10,000 个存储桶');
    expect(en.list.count(1)).toBe('1 bucket');
  });

  it('writes sizes 1,024-based with a tenth below ten', () => {
    for (const f of [enFormat, zhFormat]) {
      expect(f.size(0)).toBe('0 B');
      expect(f.size(1023)).toBe('1,023 B');
      expect(f.size(1536)).toBe('1.5 KB');
      expect(f.size(12 * 1024 * 1024)).toBe('12 MB');
      expect(f.size(5 * 1024 ** 5 * 1024)).toBe('5,120 PB');
    }
    expect(en.objects.details.sizeValue(1536)).toBe('1.5 KB (1,536 bytes)');
    expect(zhCN.objects.details.sizeValue(1536)).toBe('1.5 KB（1,536 字节）');
  });

  it('shows dates in local time, in each language’s own way', () => {
    expect(enFormat.dateTime(instant)).toMatch(/Mar 1, 2025.*8:05:09/);
    expect(zhFormat.dateTime(instant)).toMatch(/2025年3月1日.*08:05:09/);
    expect(zhFormat.dateTimeShort(instant)).toMatch(/2025年3月1日.*08:05$/);
  });

  it('says how far away an expiry is', () => {
    const hour = 3_600_000;
    expect(enFormat.relative(instant + 3 * hour, instant)).toBe('in 3 hours');
    expect(zhFormat.relative(instant + 3 * hour, instant)).toBe('3小时后');
    expect(enFormat.relative(instant + 2 * 86_400_000, instant)).toBe('in 2 days');
    expect(zhFormat.relative(instant - 120_000, instant)).toBe('2分钟前');
  });

  it('writes seconds to a tenth below ten, whole above', () => {
    expect(enFormat.seconds(600)).toBe('0.6');
    expect(zhFormat.seconds(20_000)).toBe('20');
    expect(zhCN.errors.summaries.Timeout({ waitedMs: 20_000 })).toBe('COS 在 20 秒内没有响应。');
  });

  it('joins lists as each language does', () => {
    expect(enFormat.list(['Beijing', 'Shanghai', 'Guangzhou'])).toBe('Beijing, Shanghai, and Guangzhou');
    expect(zhFormat.list(['北京', '上海', '广州'])).toBe('北京、上海和广州');
  });
});

describe('setLanguage', () => {
  it('switches the dictionary, the region names and the page’s lang at once', () => {
    expect(currentLanguage()).toBe('en');
    expect(regionName('ap-guangzhou')).toBe('Guangzhou');
    setLanguage('zh-CN');
    expect(messages.list.createBucket).toBe('创建存储桶');
    expect(regionName('ap-guangzhou')).toBe('广州');
    expect(regionName('ap-unknown')).toBeUndefined();
    expect(regionName('constructor')).toBeUndefined();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
