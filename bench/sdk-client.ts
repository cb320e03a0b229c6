/**
 * The SDK on its own, for the main-process measurement: the same GET Service pages the app asks for, sent with
 * cos-nodejs-sdk-v5's raw request exactly as COS Desk sends them (signed by the SDK's own signer, the endpoint as
 * its `Ip`, the body handed back raw), reading nothing but the NextMarker, like the node:http floor. Nothing of
 * COS Desk is on this path: it is what any app built on the SDK pays per page, so COS Desk cannot go below it.
 */
import COS from 'cos-nodejs-sdk-v5';
import { BUCKET_PAGE_SIZE } from '@shared/contract';
import type { FloorAccount } from './floor-client';

type Signed = { Authorization: string };

export function createSdkLister(address: string, account: FloorAccount): () => Promise<{ pages: number; totalMs: number }> {
  const cos = new COS({
    getAuthorization: ((options: COS.GetAuthorizationOptions, callback: (signed: Signed) => void) =>
      callback({
        Authorization: COS.getAuthorization({
          SecretId: account.secretId,
          SecretKey: account.secretKey,
          Method: options.Method,
          Pathname: options.Pathname,
          Query: options.Query,
          Headers: options.Headers,
          SystemClockOffset: options.SystemClockOffset ?? 0,
        } as COS.StaticGetAuthorizationOptions),
      })) as COS.COSOptions['getAuthorization'],
    Protocol: 'http:',
    Timeout: 10_000,
    Ip: address,
    AutoSwitchHost: false,
  });

  return async () => {
    const started = performance.now();
    let pages = 0;
    let marker: string | undefined;
    do {
      const { Body } = (await cos.request({
        Method: 'GET',
        Url: 'http://service.cos.myqcloud.com/',
        Query: { ...(marker === undefined ? {} : { marker }), 'max-keys': BUCKET_PAGE_SIZE },
        RawBody: true,
      }));
      const body = Buffer.isBuffer(Body) ? Body.toString('utf8') : (Body ?? '');
      pages += 1;
      marker = /<IsTruncated>true<\/IsTruncated>/.test(body) ? /<NextMarker>([^<]*)<\/NextMarker>/.exec(body)?.[1] : undefined;
    } while (marker);
    return { pages, totalMs: performance.now() - started };
  };
}
