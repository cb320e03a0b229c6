import { describe, expect, it } from 'vitest';
import { cosUrlEncode, formatString, parseAuthorization, signature, stringToSign } from './signature';

// The two worked examples of doc 7778.
const SECRET_KEY = 'BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz';
const HOST = 'examplebucket-1250000000.cos.ap-beijing.myqcloud.com';

function sign(keyTime: string, parts: Parameters<typeof formatString>[0]): string {
  return signature(SECRET_KEY, keyTime, stringToSign(keyTime, formatString(parts)));
}

describe('COS signature', () => {
  it('reproduces documented vector 1 (PUT with signed headers, non-ASCII path)', () => {
    const keyTime = '1557989151;1557996351';
    expect(
      sign(keyTime, {
        method: 'PUT',
        path: '/exampleobject(腾讯云)',
        params: {},
        headers: {
          Date: 'Thu, 16 May 2019 06:45:51 GMT',
          Host: HOST,
          'Content-Type': 'text/plain',
          'Content-Length': '13',
          'Content-MD5': 'mQ/fVh815F3k6TAUm8m0eg==',
          'x-cos-acl': 'private',
          'x-cos-grant-read': 'uin="100000000011"',
        },
      }),
    ).toBe('3b8851a11a569213c17ba8fa7dcf2abec6935172');
  });

  it('reproduces documented vector 2 (GET with signed query params)', () => {
    const keyTime = '1557989753;1557996953';
    expect(
      sign(keyTime, {
        method: 'GET',
        path: '/exampleobject(腾讯云)',
        params: { 'response-content-type': 'application/octet-stream', 'response-cache-control': 'max-age=600' },
        headers: { Date: 'Thu, 16 May 2019 06:55:53 GMT', Host: HOST },
      }),
    ).toBe('01681b8c9d798a678e43b685a9f1bba0f6c0e012');
  });

  it('lowercases and sorts names, and encodes the characters encodeURIComponent leaves', () => {
    expect(
      formatString({ method: 'GET', path: '/', params: { Zeta: "a!'()*b", alpha: 'x y' }, headers: {} }),
    ).toBe("get\n/\nalpha=x%20y&zeta=a%21%27%28%29%2Ab\n\n");
    expect(cosUrlEncode('max-age=600')).toBe('max-age%3D600');
  });

  it('names the first missing field of a malformed Authorization', () => {
    expect(parseAuthorization('q-sign-algorithm=sha1&q-ak=AKID')).toEqual({ missing: 'q-sign-time' });
    expect(
      parseAuthorization(
        'q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1;2&q-key-time=1;2&q-header-list=host;x-cos-acl&q-url-param-list=&q-signature=ab',
      ),
    ).toMatchObject({ secretId: 'AKID', headerList: ['host', 'x-cos-acl'], paramList: [], signature: 'ab' });
  });
});
