/**
 * The bench's account and bucket, and the main process signed in to the emulator as that account. Kept apart from
 * the emulator and the browser harness, so that the main process measured alone (main-rss-child.ts) carries none
 * of their code.
 */
import type { EmulatorAccount } from '../e2e/emulator';
import { scriptedMainProcess } from '../e2e/support/main-process';
import type { InputOf, Method, OutputOf } from '@shared/contract';

export const BENCH_ACCOUNT: EmulatorAccount = {
  secretId: 'AKIDBENCH0000000000000000000000000001',
  secretKey: 'BenchSecretKeyOnlyForTheEmulator01',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Bench',
};

export const BENCH_BUCKET = { bucket: `objects-${BENCH_ACCOUNT.appId}`, region: 'ap-guangzhou' };

/** The main process as the app builds it, settings in `dir`, signed in to the emulator at `address`. */
export async function signedInMainProcess(address: string, dir: string) {
  const { call } = scriptedMainProcess(address, dir);
  const signedIn = await call('signIn', {
    secretId: BENCH_ACCOUNT.secretId,
    secretKey: BENCH_ACCOUNT.secretKey,
    region: BENCH_BUCKET.region,
    https: false,
    endpoint: address,
  });
  if (!signedIn.ok) throw new Error(`bench sign-in failed: ${signedIn.error.code} ${JSON.stringify(signedIn.error.params ?? {})}`);
  return {
    /** One IPC call as the renderer makes it; a failure throws. */
    call: async <M extends Method>(method: M, input?: InputOf<M>): Promise<OutputOf<M>> => {
      const answer = await call(method, input);
      if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${JSON.stringify(answer.error)}`);
      return answer.data;
    },
  };
}
