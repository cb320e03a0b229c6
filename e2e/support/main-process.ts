/**
 * The main process as the app builds it, for scripts that drive it without a window (the fault soak, the bench):
 * settings in `dir`, a test cipher, routes allowed to the emulator only, every sender trusted. `call` is one IPC
 * call as the renderer makes it, answered with its envelope.
 */
import Conf from 'conf';
import { createMainProcess, type MainProcessOptions } from '@main/app-services';
import { DENY_ALL, allowing, hostPort } from '@main/cos/route-consent';
import { channelOf, type InputOf, type Method, type OutputOf } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { createTestCipher } from './test-cipher';

export const SCRIPT_SENDER = { url: 'app://cos-desk/index.html', isMainFrame: true };

export function scriptedMainProcess(emulatorAddress: string, dir: string, options: Partial<MainProcessOptions> = {}) {
  const main = createMainProcess({
    settings: new Conf({ cwd: dir, configName: 'settings', projectName: 'cos-desk' }),
    secretSettings: new Conf({ cwd: dir, configName: 'secrets', projectName: 'cos-desk' }),
    cipher: createTestCipher(),
    routeConsent: allowing([hostPort(emulatorAddress, 80)], DENY_ALL),
    isTrustedSender: () => true,
    ...options,
  });
  const call = async <M extends Method>(method: M, input?: InputOf<M>) =>
    (await main.registry.invoke(channelOf(method), SCRIPT_SENDER, input)) as Envelope<OutputOf<M>>;
  return { main, call };
}
