/**
 * `npm run demo` starts the app with COS_DESK_DEMO = `{"endpoint", "secretId", "secretKey"}`, the endpoint being
 * the local emulator's `host:port` or its `http://host:port` URL. This turns that into a sign-in.
 */
import { z } from 'zod';
import { signInInputSchema, type SignInInput } from '@shared/contract';
import { DEFAULT_REGION } from '@shared/regions';

const demoSchema = z.object({ endpoint: z.string().min(1), secretId: z.string(), secretKey: z.string() });

/** Undefined when the variable is absent; throws with the reason when it is present but unusable. */
export function parseDemoSignIn(value: string | undefined): SignInInput | undefined {
  if (!value) return undefined;
  const demo = demoSchema.parse(JSON.parse(value));
  const scheme = /^(https?):\/\//.exec(demo.endpoint)?.[1];
  return signInInputSchema.parse({
    secretId: demo.secretId,
    secretKey: demo.secretKey,
    region: DEFAULT_REGION,
    // A bare host:port is the local emulator, which speaks plain http.
    https: scheme === 'https',
    endpoint: demo.endpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
  });
}
