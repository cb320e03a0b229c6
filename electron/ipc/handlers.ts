/**
 * The handler of each IPC call, found by its name among the services: a service answers a call by having a method
 * of that very name. Assigning the result to `Handlers` proves at compile time that every call has one.
 */
import { METHODS } from '@shared/methods';
import type { CallContext, ServiceMethod } from './registry';

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** A provider that is itself a function is asked at each call (the signed-in account's gateway, say). */
type Provided<P> = P extends () => infer R ? R : P;

type AnyMethod = (input: unknown, call: CallContext) => unknown;

function methodOf(provider: object, name: string): AnyMethod | undefined {
  const value = (provider as Record<string, unknown>)[name];
  return typeof value === 'function' ? (value as AnyMethod).bind(provider) : undefined;
}

/**
 * Binds each call to the first provider that has a method of its name; calls none of the objects has go to the
 * provider given as a function, looked up when the call comes (there is at most one such provider).
 */
export function handlersFrom<const P extends readonly object[]>(...providers: P): Intersection<Provided<P[number]>> {
  const fixed = providers.filter((p) => typeof p !== 'function');
  const current = providers.find((p): p is () => object => typeof p === 'function');
  const handlers: Record<string, AnyMethod> = {};
  for (const name of METHODS) {
    if (name === 'cancelCall') continue;
    const own = fixed.map((p) => methodOf(p, name)).find((m) => m !== undefined);
    if (own) handlers[name] = own;
    else if (current) handlers[name] = (input, call) => methodOf(current(), name)!(input, call);
    else throw new Error(`No service answers ${name satisfies ServiceMethod}.`);
  }
  return handlers as Intersection<Provided<P[number]>>;
}
