/** A programmable stand-in for the user's answer to the route consent dialog, recording every question. */
import type { RouteConsent, RouteConsentRequest } from '../cos/route-consent';

export interface FakeRouteConsent extends RouteConsent {
  readonly asked: RouteConsentRequest[];
}

export function fakeRouteConsent(answer: (request: RouteConsentRequest) => boolean = () => true): FakeRouteConsent {
  const asked: RouteConsentRequest[] = [];
  return {
    asked,
    ask: async (request) => {
      asked.push(request);
      return answer(request);
    },
  };
}

/** The user said Yes to the emulator's loopback address (what every emulator test's sign-in needs). */
export function approving(address: string): FakeRouteConsent {
  return fakeRouteConsent((request) => `${request.host}:${request.port}` === address);
}
