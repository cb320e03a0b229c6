import { describe, expect, it } from 'vitest';
import { signInInputSchema } from './contract';
import { proxyWithCredentials } from './proxy';

const base = { secretId: 'AKID1', secretKey: 'k', region: 'ap-guangzhou', https: true };

describe('proxy settings', () => {
  it.each(['http://proxy.corp:3128', 'https://10.0.0.1:8443', 'http://proxy/'])('accepts %s', (proxyUrl) => {
    expect(signInInputSchema.safeParse({ ...base, proxyUrl }).success).toBe(true);
  });

  it.each(['proxy.corp:3128', 'socks5://proxy:1080', 'http://user:pw@proxy:3128', 'http://proxy:3128/path', 'http://proxy:3128?x=1'])(
    'refuses %s',
    (proxyUrl) => {
      expect(signInInputSchema.safeParse({ ...base, proxyUrl }).success).toBe(false);
    },
  );

  it('refuses a user name with a colon, which Basic credentials cannot carry', () => {
    expect(signInInputSchema.safeParse({ ...base, proxyUrl: 'http://p:1', proxyUsername: 'a:b' }).success).toBe(false);
  });

  it('puts encoded credentials into the URL the SDK gets, and leaves it alone without a user name', () => {
    expect(proxyWithCredentials('http://proxy:3128', 'DOMAIN\\desk user', 'p@ss:w/rd')).toBe(
      'http://DOMAIN%5Cdesk%20user:p%40ss%3Aw%2Frd@proxy:3128',
    );
    expect(proxyWithCredentials('http://proxy:3128/', undefined, 'ignored')).toBe('http://proxy:3128/');
    expect(new URL(proxyWithCredentials('http://proxy:3128', 'u', 'p@ss')).password).toBe('p%40ss');
  });
});
