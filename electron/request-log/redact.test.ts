import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../secrets/redactor';
import { redactRequest } from './redact';

const SECRET_PARAMS = [
  'q-sign-algorithm',
  'q-ak',
  'q-sign-time',
  'q-key-time',
  'q-header-list',
  'q-url-param-list',
  'q-signature',
  'Q-Signature',
  'x-cos-security-token',
  'X-Cos-Security-Token',
  'x-ci-security-token',
  'token',
  'sign',
  'Authorization',
  'authorization',
];

/** A value distinctive enough that finding it anywhere in the output means it leaked. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9+/=_-]{12,40}$/).map((s) => `SECRET${s}`);
const plainName = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/).filter((n) => !/token|secret|sign|credential|password|authorization|^q-/.test(n));
const plainValue = fc.string({ maxLength: 20 }).filter((v) => !v.includes('SECRET'));

describe('what the request log keeps of a request', () => {
  it('never keeps a signature, token or Authorization value, whatever the URL, query and headers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('service.cos.myqcloud.com', 'photos-1250000000.cos.ap-guangzhou.myqcloud.com', '127.0.0.1:9000'),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        fc.array(fc.tuple(plainName, plainValue), { maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom(...SECRET_PARAMS), secretValue), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        secretValue,
        (host, segments, plain, secrets, inQs, headerSecret) => {
          const url = new URL(`http://${host}/`);
          url.pathname = `/${segments.map(encodeURIComponent).join('/')}`;
          const query = [...plain, ...(inQs ? [] : secrets)];
          for (const [name, value] of query) url.searchParams.append(name, value);
          const qs = inQs ? Object.fromEntries(secrets) : undefined;
          const headers = {
            Host: host,
            Authorization: `q-sign-algorithm=sha1&q-ak=AKID&q-signature=${headerSecret}`,
            'x-cos-security-token': headerSecret,
          };
          const kept = JSON.stringify(redactRequest({ url: url.toString(), qs, headers }));
          for (const [, value] of secrets) expect(kept).not.toContain(value);
          expect(kept).not.toContain(headerSecret);
          expect(kept).not.toMatch(/q-signature|q-ak|security-token|authorization/i);
          // What is not secret stays, for the user to read.
          for (const [name] of plain) expect(kept).toContain(encodeURIComponent(name));
        },
      ),
    );
  });

  it('names the host the request was for, not the address it went to', () => {
    const kept = redactRequest({
      url: 'http://127.0.0.1:9000/a%20b/c.jpg?versionId=1&q-signature=abc',
      headers: { Host: 'photos-1250000000.cos.ap-guangzhou.myqcloud.com' },
      qs: { prefix: 'team-a/', 'max-keys': 1000, marker: undefined },
    });
    expect(kept).toEqual({ host: 'photos-1250000000.cos.ap-guangzhou.myqcloud.com', path: '/a b/c.jpg', query: 'versionId=1&prefix=team-a%2F&max-keys=1000' });
  });

  it('takes out a known secret even where it is an object key or a query value', () => {
    const redactor = new Redactor();
    redactor.add('MySecretKey123');
    const kept = redactRequest({ url: 'http://h/MySecretKey123/x?prefix=MySecretKey123' }, (t) => redactor.redact(t));
    expect(JSON.stringify(kept)).not.toContain('MySecretKey123');
  });
});
