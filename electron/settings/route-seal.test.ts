import { describe, expect, it } from 'vitest';
import { routeSealHolds, routeUnchanged, sealRoute, type RouteFields } from './route-seal';

const route: RouteFields = { secretId: 'AKIDexample', https: false, endpoint: '127.0.0.1:9000', proxyUrl: 'http://10.0.0.2:3128', proxyUsername: 'desk' };
const KEY = 'SealingSecretKey';

describe('routeSealHolds', () => {
  it('holds for the route it was made for', () => {
    expect(routeSealHolds(KEY, route, sealRoute(KEY, route))).toBe(true);
  });

  it.each([
    ['endpoint', { endpoint: '10.9.9.9:80' }],
    ['service domain', { serviceDomain: 'evil.example' }],
    ['bucket domain', { bucketDomain: '{Bucket}.evil.example' }],
    ['proxy', { proxyUrl: 'http://10.9.9.9:3128' }],
    ['proxy removed', { proxyUrl: undefined }],
    ['proxy user', { proxyUsername: 'other' }],
    ['HTTPS', { https: true }],
    ['SecretId', { secretId: 'AKIDother' }],
  ])('breaks when the %s changes', (_name, change) => {
    expect(routeSealHolds(KEY, { ...route, ...change }, sealRoute(KEY, route))).toBe(false);
  });

  it('cannot be made without the SecretKey', () => {
    expect(routeSealHolds(KEY, route, sealRoute('AnotherKey', route))).toBe(false);
  });

  it('without a seal (saved before sealing), holds only for COS itself over HTTPS', () => {
    expect(routeSealHolds(KEY, { secretId: 'AKIDexample', https: true }, undefined)).toBe(true);
    expect(routeSealHolds(KEY, { secretId: 'AKIDexample', https: false }, undefined)).toBe(false);
    expect(routeSealHolds(KEY, { secretId: 'AKIDexample', https: true, endpoint: '10.0.0.1' }, undefined)).toBe(false);
  });
});

describe('routeUnchanged', () => {
  const saved = { https: false, endpoint: '127.0.0.1:9000', proxyUrl: 'http://10.0.0.2:3128' };
  it('counts removing a proxy over plain HTTP as a change', () => {
    expect(routeUnchanged(saved, { ...saved, proxyUrl: undefined })).toBe(false);
  });
  it('lets a proxy go with HTTPS on: requests stay encrypted to the same endpoint', () => {
    expect(routeUnchanged({ ...saved, https: true }, { ...saved, https: true, proxyUrl: undefined })).toBe(true);
  });
  it('counts HTTPS turned off as a change, and turned on as none', () => {
    expect(routeUnchanged({ ...saved, https: true }, saved)).toBe(false);
    expect(routeUnchanged(saved, { ...saved, https: true })).toBe(true);
  });
});
