/**
 * A temporary key can stop working before the expiry the user typed (it was revoked, or the typed time was
 * wrong). This wraps a gateway so that COS's ExpiredToken answer is reported, and the app can ask for a new key.
 */
import { isAppErrorException } from '@shared/errors';
import type { CosGateway } from '../cos/gateway';

const EXPIRED_TOKEN_CODE = 'ExpiredToken';

export function watchExpiredToken<G extends CosGateway>(gateway: G, onExpired: () => void): G {
  // Every method, including ones added to the gateway later, without listing them here.
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (isAppErrorException(error) && error.error.code === EXPIRED_TOKEN_CODE) onExpired();
          throw error;
        });
      };
    },
  });
}
