import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startEmulator } from './index';
import { errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

const SERVICE = 'service.cos.myqcloud.com';
const PHOTOS = 'photos-1250000000';
const LOGS = 'logs-1250000000';
const hostOf = (bucket: string) => `${bucket}.cos.ap-guangzhou.myqcloud.com`;

let emulator: Emulator;
afterEach(() => emulator?.close());

async function start(): Promise<Emulator> {
  emulator = await startEmulator({
    seed: { buckets: [PHOTOS, LOGS].map((name) => ({ name, region: 'ap-guangzhou' })) },
  });
  return emulator;
}

/** A signed request through node:http, so the test can also close its connection, as a client that gives up. */
function signed(method: 'GET' | 'HEAD', host: string, signal?: AbortSignal) {
  const authorization = sdkAuthorization(DEMO_ACCOUNT, { method: method.toLowerCase(), host });
  return rawRequest(emulator, { method, host, headers: { authorization }, signal });
}

/** A promise's state now, without waiting for it. */
function tracked<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('a gate on the wire', () => {
  it('holds the matching request until released, while every other request is answered', async () => {
    await start();
    const cos = sdkFor(emulator);
    const gate = emulator.faults.gate({ operation: 'GetService', nth: 2 });
    await expect(cos.getService({})).resolves.toMatchObject({ statusCode: 200 });

    const second = tracked(cos.getService({}));
    await gate.arrived();
    expect(gate.heldCount()).toBe(1);
    // Held means held: other operations, and the next GET Service (past the gate's one), are answered meanwhile.
    await expect(cos.headBucket({ Bucket: PHOTOS, Region: 'ap-guangzhou' })).resolves.toMatchObject({ statusCode: 200 });
    await expect(cos.getService({})).resolves.toMatchObject({ statusCode: 200 });
    expect(second.settled).toBe(false);

    gate.release();
    await expect(second.promise).resolves.toMatchObject({ statusCode: 200, Buckets: expect.any(Array) });
    expect(gate.heldCount()).toBe(0);
    expect(emulator.requests().map((r) => r.held)).toEqual([undefined, undefined, undefined, 'released']);
  });

  it('resolves arrived() only once a matching request is held, counting as the fault rules do', async () => {
    await start();
    const gate = emulator.faults.gate({ operation: 'HeadBucket', bucket: LOGS, nth: 2, times: 2 });
    const firstHeld = tracked(gate.arrived());
    // Another bucket's HEAD, and the first HEAD of this one (before nth), are not held.
    expect((await signed('HEAD', hostOf(PHOTOS))).status).toBe(200);
    expect((await signed('HEAD', hostOf(LOGS))).status).toBe(200);
    expect(firstHeld.settled).toBe(false);
    expect(gate.arrivedCount()).toBe(0);

    const a = signed('HEAD', hostOf(LOGS));
    await firstHeld.promise;
    const b = signed('HEAD', hostOf(LOGS));
    await gate.arrived(2);
    expect(gate.heldCount()).toBe(2);
    // Past `times`, the next one goes straight through.
    expect((await signed('HEAD', hostOf(LOGS))).status).toBe(200);

    // Released in the order they arrived.
    gate.release();
    const answered = tracked(b);
    expect((await a).status).toBe(200);
    expect(gate.heldCount()).toBe(1);
    expect(answered.settled).toBe(false);
    expect(gate.releaseAll()).toBe(1);
    expect((await b).status).toBe(200);
  });

  it('lets a released request meet the other rules: held first, then the fault', async () => {
    await start();
    const gate = emulator.faults.gate({ operation: 'GetService' });
    emulator.faults.add({ operation: 'GetService', kind: 'status', status: 503 });
    const answer = signed('GET', SERVICE);
    await gate.arrived();
    gate.release();
    const res = await answer;
    expect(res.status).toBe(503);
    expect(errorCode(res.body)).toBe('SlowDown');
    expect(emulator.requests()).toMatchObject([{ status: 503, code: 'SlowDown', fault: 'status', held: 'released' }]);
  });

  it('notices a client that closes the connection while held, and drops the request', async () => {
    await start();
    const gate = emulator.faults.gate({ operation: 'GetService', times: Infinity });
    const abort = new AbortController();
    const gaveUp = signed('GET', SERVICE, abort.signal);
    await gate.arrived();
    expect(gate.closedCount()).toBe(0);

    abort.abort();
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' });
    await gate.closed();
    expect(gate.closedCount()).toBe(1);
    expect(gate.heldCount()).toBe(0);
    expect(emulator.requests()).toMatchObject([{ method: 'GET', status: 0, held: 'closed' }]);
    // Nothing is left to release; the gate still holds the next one.
    expect(() => gate.release()).toThrow(/1 to release but 0 held; await gate.arrived\(\) first/);
    const next = signed('GET', SERVICE);
    await gate.arrived(2);
    gate.open();
    expect((await next).status).toBe(200);
  });

  it('ends held requests when the emulator closes, and fails waits that can no longer be met', async () => {
    await start();
    const gate = emulator.faults.gate({ operation: 'GetService', times: Infinity });
    const held = sdkFor(emulator).getService({});
    await gate.arrived();
    const another = expect(gate.arrived(2)).rejects.toThrow(/emulator closed/);

    await emulator.close();
    await expect(held).rejects.toBeTruthy();
    await another;
    await expect(gate.closed()).rejects.toThrow(/emulator is closed/);
    // The emulator ended it, not the client.
    expect(gate.closedCount()).toBe(0);
    expect(gate.heldCount()).toBe(0);
    expect(emulator.requests()).toMatchObject([{ status: 0, held: 'closed' }]);
  });
});

describe('opening and forgetting gates', () => {
  it('open() lets the held requests go and holds nothing more; clear() does the same for every gate', async () => {
    await start();
    const opened = emulator.faults.gate({ operation: '*', times: Infinity });
    const forgotten = emulator.faults.gate({ operation: 'HeadBucket', times: Infinity });
    const head = signed('HEAD', hostOf(PHOTOS));
    await Promise.all([opened.arrived(), forgotten.arrived()]);

    // Held by two gates, a request waits for both.
    opened.open();
    expect(opened.heldCount()).toBe(0);
    expect(forgotten.heldCount()).toBe(1);
    expect((await signed('GET', SERVICE)).status).toBe(200);
    expect(opened.arrivedCount()).toBe(1);

    emulator.faults.clear();
    expect((await head).status).toBe(200);
    expect((await signed('HEAD', hostOf(PHOTOS))).status).toBe(200);
    expect(forgotten.arrivedCount()).toBe(1);
  });

  it('refuses gates and waits it could not honour', async () => {
    await start();
    expect(() => emulator.faults.gate({ operation: 'NoSuchOperation' as 'GetService' })).toThrow(/Unknown fault operation/);
    expect(() => emulator.faults.gate({ operation: '*', nth: 0 })).toThrow(/nth/);
    expect(() => emulator.faults.gate({ operation: '*', times: 0 })).toThrow(/times/);
    expect(() => emulator.faults.gate({ operation: '*' }).arrived(0)).toThrow(/whole number/);
  });
});
