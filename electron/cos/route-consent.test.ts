import { describe, expect, it } from 'vitest';
import { fakeRouteConsent } from '../testing/fake-route-consent';
import { RouteConsentGate, allowing, connectionTargets, guardGateway, isCosOwnHost, DENY_ALL } from './route-consent';
import type { CosGateway } from './gateway';

describe('isCosOwnHost', () => {
  it.each(['service.cos.myqcloud.com', 'cos.ap-guangzhou.myqcloud.com', 'b-125.cos.ap-beijing.myqcloud.com', 'x.cos.ap-guangzhou.tencentcos.cn', '{Bucket}.cos.{Region}.myqcloud.com'])(
    'trusts %s',
    (host) => expect(isCosOwnHost(host)).toBe(true),
  );
  it.each(['myqcloud.com.evil.example', 'evilmyqcloud.com', 'myqcloud.com', '127.0.0.1', 'cos.example.com', '{Bucket}.myqcloud.com.evil.example'])(
    'does not trust %s',
    (host) => expect(isCosOwnHost(host)).toBe(false),
  );
});

describe('connectionTargets', () => {
  it('is empty for COS itself', () => {
    expect(connectionTargets({ https: true })).toEqual([]);
    expect(connectionTargets({ https: true, bucketDomain: '{Bucket}.cos.{Region}.tencentcos.cn' })).toEqual([]);
  });

  it('names where the socket connects: the endpoint, whose Host headers are only names', () => {
    expect(connectionTargets({ https: false, endpoint: '127.0.0.1:9000', serviceDomain: 'cos.example.com', bucketDomain: '{Bucket}.example.com' })).toEqual([
      { host: '127.0.0.1', port: 9000, kind: 'endpoint' },
    ]);
    expect(connectionTargets({ https: true, endpoint: 'Cos.Example.com' })).toEqual([{ host: 'cos.example.com', port: 443, kind: 'endpoint' }]);
  });

  it('without an endpoint, the service and bucket domains, with the scheme’s port', () => {
    expect(connectionTargets({ https: false, serviceDomain: 'cos.example.com', bucketDomain: '{Bucket}.example.com:8080' })).toEqual([
      { host: 'cos.example.com', port: 80, kind: 'serviceDomain' },
      { host: '{bucket}.example.com', port: 8080, kind: 'bucketDomain' },
    ]);
  });

  it('names a proxy first, without its credentials', () => {
    expect(connectionTargets({ https: true, proxy: 'http://user:secret@10.0.0.2:3128' })).toEqual([{ host: '10.0.0.2', port: 3128, kind: 'proxy' }]);
  });
});

const owner = { profileId: 'p1', alias: 'Work', routeTrusted: false };
const target = { host: '127.0.0.1', port: 9000, kind: 'endpoint' as const };

describe('RouteConsentGate', () => {
  it('asks with the exact host, port, kind and profile; a No refuses with RouteRefused', async () => {
    const consent = fakeRouteConsent(() => false);
    const gate = new RouteConsentGate(consent);
    await expect(gate.ensure(owner, [target])).rejects.toMatchObject({ error: { code: 'RouteRefused' } });
    expect(consent.asked).toEqual([{ profileAlias: 'Work', host: '127.0.0.1', port: 9000, kind: 'endpoint' }]);
  });

  it('asks once per profile and route, even for calls that arrive while the dialog is open', async () => {
    const consent = fakeRouteConsent(() => true);
    const gate = new RouteConsentGate(consent);
    await Promise.all([gate.ensure(owner, [target]), gate.ensure(owner, [target]), gate.ensure(owner, [target])]);
    await gate.ensure(owner, [target]);
    expect(consent.asked).toHaveLength(1);
    await gate.ensure({ ...owner, profileId: 'p2' }, [target]);
    await gate.ensure(owner, [{ ...target, port: 9001 }]);
    expect(consent.asked).toHaveLength(3);
  });

  it('remembers a No too, and treats a dialog that failed as No', async () => {
    const failing = { asked: 0, ask: async () => { failing.asked += 1; throw new Error('no window'); } };
    const gate = new RouteConsentGate(failing);
    await expect(gate.ensure(owner, [target])).rejects.toMatchObject({ error: { code: 'RouteRefused' } });
    await expect(gate.ensure(owner, [target])).rejects.toMatchObject({ error: { code: 'RouteRefused' } });
    expect(failing.asked).toBe(1);
  });

  it('does not ask for a saved route whose seal held', async () => {
    const consent = fakeRouteConsent(() => false);
    await new RouteConsentGate(consent).ensure({ ...owner, routeTrusted: true }, [target]);
    expect(consent.asked).toEqual([]);
  });
});

describe('guardGateway', () => {
  it('sends nothing before the route is allowed', async () => {
    const calls: string[] = [];
    const gateway = { owner: async () => (calls.push('owner'), { ownerId: '1', displayName: 'x' }) } as unknown as CosGateway;
    const guarded = guardGateway(gateway, () => Promise.reject(new Error('refused')));
    await expect(guarded.owner()).rejects.toThrow('refused');
    expect(calls).toEqual([]);
    await expect(guardGateway(gateway, async () => undefined).owner()).resolves.toMatchObject({ ownerId: '1' });
    expect(calls).toEqual(['owner']);
  });
});

describe('allowing', () => {
  it('allows the listed address and asks the fallback for any other', async () => {
    const consent = allowing([{ host: '127.0.0.1', port: 9000 }], DENY_ALL);
    expect(await consent.ask({ ...target, profileAlias: 'Demo' })).toBe(true);
    expect(await consent.ask({ ...target, port: 9001, profileAlias: 'Demo' })).toBe(false);
  });
});
