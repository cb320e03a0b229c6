import { describe, expect, it } from 'vitest';
import { BRIDGE_TOKEN_HEADER, bridgeScript, createBridgeToken, isBridgeCallAllowed } from './demo-bridge';

const origin = 'http://127.0.0.1:5123';
const token = createBridgeToken();
const ours = { host: '127.0.0.1:5123', origin, [BRIDGE_TOKEN_HEADER]: token };

describe('the browser demo bridge', () => {
  it('answers the page it served: our Host, our Origin and this run’s token', () => {
    expect(isBridgeCallAllowed(ours, { origin, token })).toBe(true);
  });

  it('refuses a local process that only sets an Origin header', () => {
    expect(isBridgeCallAllowed({ host: '127.0.0.1:5123', origin }, { origin, token })).toBe(false);
    expect(isBridgeCallAllowed({ ...ours, [BRIDGE_TOKEN_HEADER]: createBridgeToken() }, { origin, token })).toBe(false);
  });

  it('refuses a rebound host name and another origin, even with the token', () => {
    expect(isBridgeCallAllowed({ ...ours, host: 'evil.example:5123' }, { origin, token })).toBe(false);
    expect(isBridgeCallAllowed({ ...ours, origin: 'http://evil.example:5123' }, { origin, token })).toBe(false);
  });

  it('makes a new token per run and puts it in the served bridge', () => {
    expect(createBridgeToken()).not.toBe(token);
    expect(bridgeScript('/* preload */', token)).toContain(JSON.stringify(token));
  });
});
