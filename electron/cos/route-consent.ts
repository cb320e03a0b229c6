/**
 * A page that got control of the renderer can make a new profile, and a new profile needs no saved secret: without
 * this gate it could have the main process send signed requests (and read the answers) to any host it names.
 * So before the first request to a host that is not Tencent Cloud COS's own, the user is asked, in a dialog the
 * main process draws itself, whether this profile may connect there. "No" sends nothing.
 *
 * "Host" means where a connection goes, not the Host header: that is what reaches a listener and what a request
 * (keys' signature, token, SecretId) could be exfiltrated to. With an endpoint, every request's socket goes to it
 * (the SDK's `Ip`), so the service and bucket domains are only header names and are not asked about; without one,
 * the service and bucket domains are the connection targets. A proxy is a target too: it sees every request.
 */
import { APP_ERROR_CODES, AppErrorException } from '@shared/errors';
import type { CosCredentials, CosGateway } from './gateway';

export type RouteKind = 'endpoint' | 'serviceDomain' | 'bucketDomain' | 'proxy';

export interface RouteConsentRequest {
  /** The profile that wants the connection (for a new profile: its alias, or its masked SecretId). */
  profileAlias: string;
  host: string;
  port: number;
  kind: RouteKind;
}

/** The user's answer, asked by the main process (main.ts: a native message box; tests: a programmable fake). */
export interface RouteConsent {
  ask(request: RouteConsentRequest): Promise<boolean>;
}

export interface RouteTarget {
  host: string;
  port: number;
  kind: RouteKind;
}

/** Who wants a connection. `routeTrusted`: the route is the profile's saved one, whose seal held (approved when saved). */
export interface RouteOwner {
  profileId: string;
  alias: string;
  routeTrusted: boolean;
}

/** Tencent Cloud COS's own domains: the documented service, region and bucket hosts all end with one of them. */
const COS_DOMAINS = ['myqcloud.com', 'tencentcos.cn'];

/** A host (or host template, `{Bucket}.cos.{Region}.myqcloud.com`) under COS's own domains. */
export function isCosOwnHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return COS_DOMAINS.some((domain) => name.endsWith(`.${domain}`));
}

/** `host` or `host:port` as a connection target. */
export function hostPort(value: string, defaultPort: number): { host: string; port: number } {
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { host: value.toLowerCase(), port: defaultPort };
  return { host: value.slice(0, colon).toLowerCase(), port: Number(value.slice(colon + 1)) };
}

type Route = Pick<CosCredentials, 'https' | 'endpoint' | 'serviceDomain' | 'bucketDomain' | 'proxy'>;

/** Every place a request of this route connects to that is not COS's own, in the order they would be asked about. */
export function connectionTargets(route: Route): RouteTarget[] {
  const defaultPort = route.https ? 443 : 80;
  const targets: RouteTarget[] = [];
  if (route.proxy) {
    const url = new URL(route.proxy);
    targets.push({ host: url.hostname.toLowerCase(), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), kind: 'proxy' });
  }
  if (route.endpoint) targets.push({ ...hostPort(route.endpoint, defaultPort), kind: 'endpoint' });
  else {
    if (route.serviceDomain) targets.push({ ...hostPort(route.serviceDomain, defaultPort), kind: 'serviceDomain' });
    if (route.bucketDomain) targets.push({ ...hostPort(route.bucketDomain, defaultPort), kind: 'bucketDomain' });
  }
  return targets.filter((target) => !isCosOwnHost(target.host));
}

export function routeRefused(target: RouteTarget): AppErrorException {
  return new AppErrorException({
    kind: 'session',
    code: APP_ERROR_CODES.routeRefused,
    params: { host: target.host, port: target.port },
  });
}

/** Asks once per profile and route, one dialog at a time, and remembers the answer for this run. */
export class RouteConsentGate {
  private readonly answers = new Map<string, boolean>();
  private asking: Promise<unknown> = Promise.resolve();

  constructor(private readonly consent: RouteConsent) {}

  /** Records an earlier yes: a saved route whose seal held was allowed when it was saved. */
  approve(profileId: string, targets: readonly RouteTarget[]): void {
    for (const target of targets) this.answers.set(answerKey(profileId, target), true);
  }

  /** Resolves once every target is allowed for this profile; throws RouteRefused at the first that is not. */
  async ensure(owner: RouteOwner, targets: readonly RouteTarget[]): Promise<void> {
    if (owner.routeTrusted) this.approve(owner.profileId, targets);
    for (const target of targets) {
      if (!(await this.answer(owner, target))) throw routeRefused(target);
    }
  }

  private answer(owner: RouteOwner, target: RouteTarget): Promise<boolean> {
    const key = answerKey(owner.profileId, target);
    // Calls that arrive while a dialog is open wait for its answer rather than stacking more dialogs.
    const next = this.asking.then(async () => {
      const known = this.answers.get(key);
      if (known !== undefined) return known;
      const request = { profileAlias: owner.alias, host: target.host, port: target.port, kind: target.kind };
      // A dialog that failed to show is not a yes.
      const yes = await this.consent.ask(request).then((answer) => answer === true, () => false);
      this.answers.set(key, yes);
      return yes;
    });
    this.asking = next.catch(() => undefined);
    return next;
  }
}

/** Allows the given host:port targets without asking (the demo's own emulator), and asks `others` for the rest. */
export function allowing(allowed: readonly { host: string; port: number }[], others: RouteConsent): RouteConsent {
  return {
    ask: async (request) =>
      allowed.some((target) => target.host === request.host && target.port === request.port) || others.ask(request),
  };
}

/** No to everything. */
export const DENY_ALL: RouteConsent = { ask: async () => false };

function answerKey(profileId: string, target: RouteTarget): string {
  return `${profileId}\n${target.kind}\n${target.host}:${target.port}`;
}

/** The gateway, each of whose calls first waits for `ensure`: no request leaves before the route is allowed. */
export function guardGateway<G extends CosGateway>(gateway: G, ensure: () => Promise<void>): G {
  // Every method, including ones added to the gateway later, without listing them here.
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await ensure();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
