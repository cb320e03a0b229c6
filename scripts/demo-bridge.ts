/**
 * The browser demo's IPC bridge over loopback HTTP. Anything on this machine can connect to a loopback port, and a
 * web page can make a browser send requests there (DNS rebinding gives it our address under its own name), so a
 * call is answered only when it carries all of: our own Host (not a rebound name), our own Origin, and the token
 * made for this run, which only the bridge script served to our page contains (a cross-origin POST with that
 * header needs a preflight this server never grants).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const BRIDGE_TOKEN_HEADER = 'x-cos-desk-bridge';

export function createBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface BridgeExpectation {
  /** `http://127.0.0.1:<port>`, the demo server's own origin. */
  origin: string;
  token: string;
}

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether a POST to the bridge comes from the page this run served. */
export function isBridgeCallAllowed(headers: IncomingHttpHeaders, expected: BridgeExpectation): boolean {
  const token = headers[BRIDGE_TOKEN_HEADER];
  return (
    headers.host === new URL(expected.origin).host &&
    headers.origin === expected.origin &&
    same(typeof token === 'string' ? token : undefined, expected.token)
  );
}

/** The preload, with `electron` replaced by a bridge whose calls carry this run's token. */
export function bridgeScript(preload: string, token: string): string {
  return `(() => {
  const electron = {
    contextBridge: { exposeInMainWorld(key, api) { Object.defineProperty(window, key, { value: api }); } },
    ipcRenderer: { invoke: (channel, input, callId) => fetch('/__ipc', { method: 'POST',
      headers: { 'content-type': 'application/json', '${BRIDGE_TOKEN_HEADER}': ${JSON.stringify(token)} },
      body: JSON.stringify({ channel, input, callId }) }).then((r) => r.json()) },
  };
  const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
  const module = { exports: {} };
  const exports = module.exports;
  {
  ${preload}
  }
})();`;
}
