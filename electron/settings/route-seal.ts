/**
 * A profile's route (where its keys are sent) lives in the plain settings file, which anyone who can write that file
 * could point at their own server. The route is therefore sealed into the profile's encrypted secret entry: an HMAC
 * of the route keyed with the SecretKey. A route that no longer matches its seal changed outside the app, and the
 * profile asks for its SecretKey again instead of sending it there.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { connectionTargets } from '../cos/route-consent';

/** The fields that decide where a profile's requests, keys' signatures and token go. */
export interface RouteFields {
  secretId: string;
  https: boolean;
  endpoint?: string;
  serviceDomain?: string;
  bucketDomain?: string;
  proxyUrl?: string;
  proxyUsername?: string;
}

function canonical(route: RouteFields): string {
  const { secretId, https, endpoint, serviceDomain, bucketDomain, proxyUrl, proxyUsername } = route;
  return JSON.stringify([secretId, https, endpoint ?? null, serviceDomain ?? null, bucketDomain ?? null, proxyUrl ?? null, proxyUsername ?? null]);
}

export function sealRoute(secretKey: string, route: RouteFields): string {
  return createHmac('sha256', secretKey).update(canonical(route)).digest('base64');
}

/**
 * Whether saved keys may go where the settings file says. An entry saved before routes were sealed has no seal:
 * it is accepted only for a route that reaches nothing but COS's own hosts over HTTPS, where the file could not
 * have redirected it.
 */
export function routeSealHolds(secretKey: string, route: RouteFields, seal: string | undefined): boolean {
  if (seal === undefined) return route.https && connectionTargets({ ...route, proxy: route.proxyUrl }).length === 0;
  const expected = Buffer.from(sealRoute(secretKey, route));
  const given = Buffer.from(seal);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Whether an edit keeps the route of the saved profile, so its saved keys may be reused without typing them.
 * Dropping a proxy is a change too, unless HTTPS is on: over plain HTTP the token and signatures would then cross
 * the network directly instead of through the proxy the user chose.
 */
export function routeUnchanged(saved: Omit<RouteFields, 'secretId'>, next: Omit<RouteFields, 'secretId'>): boolean {
  return (
    saved.endpoint === next.endpoint &&
    saved.serviceDomain === next.serviceDomain &&
    saved.bucketDomain === next.bucketDomain &&
    (saved.proxyUrl === next.proxyUrl || (next.proxyUrl === undefined && next.https)) &&
    (next.https || !saved.https)
  );
}
