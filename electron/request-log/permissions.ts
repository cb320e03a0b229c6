/**
 * Which CAM actions each profile's requests met this session, read from the request log as requests finish:
 * an answer COS gave after its permission check (2xx, or a 404 about the bucket or key) means allowed; a 403
 * AccessDenied, or a 403 to HEAD (no body to say more), means denied. Signature, clock, network and server
 * failures say nothing about permissions and are left out. Kept in memory only, per profile id.
 */
import { CAM_ACTIONS, camResource } from '@shared/cam';
import type { Permission } from '@shared/request-log-contract';
import type { FinishedRequest } from './request-log';

interface Seen {
  allowed: Set<string>;
  denied: Set<string>;
}

export type Verdict = 'allowed' | 'denied' | undefined;

/** What one finished request says about its action, if anything. */
export function verdictOf({ entry }: FinishedRequest): Verdict {
  const { status, errorCode } = entry;
  if (status === undefined) return undefined;
  if (status >= 200 && status < 300) return 'allowed';
  if (status === 404) return 'allowed';
  // Other 403 codes (SignatureDoesNotMatch, RequestTimeTooSkewed, InvalidAccessKeyId…) are about the key or clock.
  if (status === 403) return errorCode === 'AccessDenied' || (errorCode === undefined && entry.method === 'HEAD') ? 'denied' : undefined;
  return undefined;
}

export class PermissionRecord {
  private readonly profiles = new Map<string, Map<string, Seen>>();

  record(request: FinishedRequest): void {
    const { action, profileId } = request.entry;
    const verdict = verdictOf(request);
    if (!action || !verdict) return;
    const actions = this.profiles.get(profileId) ?? new Map<string, Seen>();
    this.profiles.set(profileId, actions);
    const seen = actions.get(action) ?? { allowed: new Set<string>(), denied: new Set<string>() };
    actions.set(action, seen);
    const resource = camResource(action, request.target);
    // The latest answer about a resource is the one that holds (a policy may have changed meanwhile).
    if (verdict === 'allowed') {
      seen.allowed.add(resource);
      seen.denied.delete(resource);
    } else {
      seen.denied.add(resource);
      seen.allowed.delete(resource);
    }
  }

  /** Every action the app may need, in the table's order, each with what this profile met. */
  of(profileId: string): Permission[] {
    const actions = this.profiles.get(profileId);
    return CAM_ACTIONS.filter((action) => action !== 'cos:GetObject' || actions?.has(action)).map((action) => {
      const seen = actions?.get(action);
      if (!seen) return { action, state: 'notTried', resources: [], deniedResources: [] };
      const resources = [...new Set([...seen.allowed, ...seen.denied])].sort();
      const deniedResources = [...seen.denied].sort();
      return { action, state: deniedResources.length > 0 ? 'denied' : 'allowed', resources, deniedResources };
    });
  }

  forget(profileId: string): void {
    this.profiles.delete(profileId);
  }
}
