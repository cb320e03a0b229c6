import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isTrustedSenderUrl } from './security';

describe('isTrustedSenderUrl', () => {
  it.each(['app://cos-desk/index.html', 'app://cos-desk/', 'app://cos-desk/index.html#/buckets'])('trusts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it.each([
    'app://cos-desk.evil.com/index.html',
    'app://evil/index.html',
    'app://cos-desk@evil/index.html',
    'app://cos-desk:8080/index.html',
    'https://cos-desk/index.html',
    'file:///index.html',
    'http://127.0.0.1:5173/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  const DOC = 'https://cloud.tencent.com/document/product/436/7730';

  it('allows nothing by default: the page has no external link', () => {
    for (const url of [DOC, 'https://console.cloud.tencent.com/cam/capi', 'https://github.com/tencentyun/cos-nodejs-sdk-v5']) {
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });

  it('refuses a listed URL that carries credentials or a port', () => {
    for (const url of ['https://user:pass@github.com/', 'https://github.com:8443/']) expect(isAllowedExternalUrl(url, [url])).toBe(false);
  });

  it('allows an exact listed URL only, not another path, query or fragment of its host', () => {
    expect(isAllowedExternalUrl(DOC, [DOC])).toBe(true);
    for (const url of [`${DOC}/x`, `${DOC}?a=1`, `${DOC}#x`, 'https://cloud.tencent.com/', 'https://github.com/attacker/repo']) {
      expect(isAllowedExternalUrl(url, [DOC])).toBe(false);
    }
  });

  it.each([
    'http://cloud.tencent.com/',
    'https://cloud.tencent.com.evil.com/',
    'https://evilcloud.tencent.com/',
    'https://evil.com/cloud.tencent.com',
    'https://cloud.tencent.com@evil.com/',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'https://gist.github.com/',
    'https://github.com.evil.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://github.com/share',
    'app://cos-desk/index.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, ['https://cloud.tencent.com/', 'https://github.com/'])).toBe(false);
  });
});
