/**
 * The route consent of the real app: a native message box drawn by the main process, which the page can neither
 * draw, cover nor answer. It names the exact host and port and the profile that wants them; "No" is the default
 * and what closing the box means.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { RouteConsent, RouteConsentRequest, RouteKind } from './cos/route-consent';

const KIND_NAMES: Record<RouteKind, string> = {
  endpoint: 'endpoint',
  serviceDomain: 'service domain',
  bucketDomain: 'bucket domain',
  proxy: 'proxy',
};

const NO = 0;
const YES = 1;

/** The alias comes from the page: no bidi overrides or other invisible format characters may rearrange the text. */
function plain(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 60);
}

export function routeConsentMessage(request: RouteConsentRequest): { message: string; detail: string } {
  const address = `${request.host}:${request.port}`;
  return {
    message: `Allow profile “${plain(request.profileAlias)}” to connect to ${address}?`,
    detail:
      `${address} is this profile's ${KIND_NAMES[request.kind]}. It is not a Tencent Cloud COS address. ` +
      'If you allow it, COS Desk sends this profile’s requests there, signed with its keys. ' +
      'Answer Yes only if you typed this address yourself. If you answer No, nothing is sent.',
  };
}

export function createDialogRouteConsent(dialog: Pick<Dialog, 'showMessageBox'>, parent: () => BrowserWindow | undefined): RouteConsent {
  return {
    async ask(request) {
      const options = {
        type: 'warning' as const,
        title: 'Connect to an address outside Tencent Cloud?',
        ...routeConsentMessage(request),
        buttons: ['No', 'Yes'],
        defaultId: NO,
        cancelId: NO,
        noLink: true,
      };
      const window = parent();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return response === YES;
    },
  };
}
