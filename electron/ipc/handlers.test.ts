import { describe, expect, it } from 'vitest';
import { METHODS } from '@shared/methods';
import { handlersFrom } from './handlers';

/** An object with a method for each name given, answering with its name and the object's label. */
function provider(label: string, names: readonly string[]): Record<string, (input: unknown) => Promise<string>> {
  return Object.fromEntries(names.map((name) => [name, async () => `${label}:${name}`]));
}

const serviceNames = METHODS.filter((m) => m !== 'cancelCall');

describe('handlersFrom', () => {
  it('finds each call’s handler by the call’s name, the first provider that has it winning', async () => {
    const session = provider('session', ['getSession', 'signIn']);
    const buckets = provider('buckets', ['signIn', 'createBucket']);
    const rest = provider('gateway', serviceNames);
    const handlers = handlersFrom(session, buckets, rest) as unknown as Record<string, (input: unknown) => Promise<string>>;
    expect(await handlers.getSession(undefined)).toBe('session:getSession');
    expect(await handlers.signIn(undefined)).toBe('session:signIn');
    expect(await handlers.createBucket(undefined)).toBe('buckets:createBucket');
    expect(await handlers.headBucket(undefined)).toBe('gateway:headBucket');
    expect(Object.keys(handlers).sort()).toEqual([...serviceNames].sort());
  });

  it('asks a provider given as a function at each call, so the signed-in account of the moment answers', async () => {
    let account = provider('first', serviceNames);
    const handlers = handlersFrom(() => account) as unknown as Record<string, (input: unknown) => Promise<string>>;
    expect(await handlers.headBucket(undefined)).toBe('first:headBucket');
    account = provider('second', serviceNames);
    expect(await handlers.headBucket(undefined)).toBe('second:headBucket');
  });

  it('refuses to start when a call has no handler at all', () => {
    expect(() => handlersFrom(provider('session', ['getSession']))).toThrow(/No service answers signIn/);
  });
});
