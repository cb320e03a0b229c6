import { createClient, type BridgeApi } from '@shared/api';
import type { CosDeskApi } from '@shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload: one function per contract entry, answering with envelopes. */
    cosDesk: BridgeApi;
  }
}

export type { CosDeskApi };

/** False when the page is opened outside the app (no preload), so the UI can say so instead of failing. */
export function hasBridge(): boolean {
  return typeof window.cosDesk === 'object' && window.cosDesk !== null;
}

export function createWindowClient(): CosDeskApi {
  return createClient(window.cosDesk);
}
