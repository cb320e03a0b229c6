import { describe, expect, it } from 'vitest';
import { parseDemoSignIn } from './demo-profile';

const keys = { secretId: 'AKIDDEMO0001', secretKey: 'DemoSecretKey0001' };

describe('parseDemoSignIn', () => {
  it('is undefined without the variable', () => {
    expect(parseDemoSignIn(undefined)).toBeUndefined();
    expect(parseDemoSignIn('')).toBeUndefined();
  });

  it('takes the emulator address as a plain-http endpoint', () => {
    expect(parseDemoSignIn(JSON.stringify({ ...keys, endpoint: '127.0.0.1:4567' }))).toEqual({
      ...keys,
      region: 'ap-guangzhou',
      https: false,
      endpoint: '127.0.0.1:4567',
    });
  });

  it('takes an endpoint URL and keeps its scheme', () => {
    expect(parseDemoSignIn(JSON.stringify({ ...keys, endpoint: 'http://127.0.0.1:4567/' }))).toMatchObject({ https: false, endpoint: '127.0.0.1:4567' });
    expect(parseDemoSignIn(JSON.stringify({ ...keys, endpoint: 'https://cos.example.com' }))).toMatchObject({ https: true, endpoint: 'cos.example.com' });
  });

  it('throws on a variable it cannot use', () => {
    expect(() => parseDemoSignIn('{')).toThrow();
    expect(() => parseDemoSignIn(JSON.stringify({ endpoint: '127.0.0.1:1' }))).toThrow();
    expect(() => parseDemoSignIn(JSON.stringify({ ...keys, endpoint: 'ftp://x/y' }))).toThrow();
  });
});
