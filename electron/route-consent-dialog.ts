/**
 * The route consent of the real app: a native message box drawn by the main process, which the page can neither
 * draw, cover nor answer. It names the exact host and port and the profile that wants them; "No" is the default
 * and what closing the box means. It speaks the language the page speaks (the user's choice, else the system's).
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { Language } from '@shared/preferences';
import type { RouteConsent, RouteConsentRequest, RouteKind } from './cos/route-consent';

interface ConsentText {
  title: string;
  kinds: Record<RouteKind, string>;
  message: (alias: string, address: string) => string;
  detail: (address: string, kind: string) => string;
  no: string;
  yes: string;
}

/** The only sentences the main process shows itself; the page's are in renderer/src/i18n. */
const TEXT: Record<Language, ConsentText> = {
  en: {
    title: 'Connect to an address outside Tencent Cloud?',
    kinds: { endpoint: 'endpoint', serviceDomain: 'service domain', bucketDomain: 'bucket domain', proxy: 'proxy' },
    message: (alias, address) => `Allow profile “${alias}” to connect to ${address}?`,
    detail: (address, kind) =>
      `${address} is this profile's ${kind}. It is not a Tencent Cloud COS address. ` +
      'If you allow it, COS Desk sends this profile’s requests there, signed with its keys. ' +
      'Answer Yes only if you typed this address yourself. If you answer No, nothing is sent.',
    no: 'No',
    yes: 'Yes',
  },
  'zh-CN': {
    title: '连接到腾讯云以外的地址？',
    kinds: { endpoint: 'Endpoint', serviceDomain: '服务域名', bucketDomain: '存储桶域名', proxy: '代理' },
    message: (alias, address) => `允许配置“${alias}”连接到 ${address}？`,
    detail: (address, kind) =>
      `${address} 是此配置的${kind}，不是腾讯云 COS 的地址。` +
      '如果允许，COS Desk 会把此配置的请求发往该地址，并用其密钥签名。' +
      '只有当这个地址是您自己填写的，才选择“是”。选择“否”则不会发送任何内容。',
    no: '否',
    yes: '是',
  },
};

const NO = 0;
const YES = 1;

/** The alias comes from the page: no bidi overrides or other invisible format characters may rearrange the text. */
function plain(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 60);
}

export function routeConsentMessage(request: RouteConsentRequest, language: Language = 'en'): { message: string; detail: string } {
  const text = TEXT[language];
  const address = `${request.host}:${request.port}`;
  return {
    message: text.message(plain(request.profileAlias), address),
    detail: text.detail(address, text.kinds[request.kind]),
  };
}

export function createDialogRouteConsent(
  dialog: Pick<Dialog, 'showMessageBox'>,
  parent: () => BrowserWindow | undefined,
  language: () => Language = () => 'en',
): RouteConsent {
  return {
    async ask(request) {
      const lang = language();
      const text = TEXT[lang];
      const options = {
        type: 'warning' as const,
        title: text.title,
        ...routeConsentMessage(request, lang),
        buttons: [text.no, text.yes],
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
