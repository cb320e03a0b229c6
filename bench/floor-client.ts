/**
 * The floor for the main-process measurement: GET Service pages signed by hand and sent with plain node:http over
 * a keep-alive agent, reading nothing but the NextMarker needed to ask for the next page.
 */
import { Agent, request } from 'node:http';
import { formatString, signature, stringToSign } from '../e2e/emulator/signature';
import { BUCKET_PAGE_SIZE } from '@shared/contract';

export interface FloorAccount {
  secretId: string;
  secretKey: string;
}

function authorization(account: FloorAccount, host: string, params: Record<string, string>): string {
  const now = Math.floor(Date.now() / 1000);
  const keyTime = `${now - 60};${now + 900}`;
  const format = formatString({ method: 'GET', path: '/', params, headers: { host } });
  const signed = signature(account.secretKey, keyTime, stringToSign(keyTime, format));
  const paramList = Object.keys(params).map((k) => k.toLowerCase()).sort().join(';');
  return `q-sign-algorithm=sha1&q-ak=${account.secretId}&q-sign-time=${keyTime}&q-key-time=${keyTime}&q-header-list=host&q-url-param-list=${paramList}&q-signature=${signed}`;
}

/** One signed GET Service page as its raw bytes. */
export function getPageBytes(agent: Agent, address: string, host: string, account: FloorAccount, marker?: string): Promise<Buffer> {
  const params: Record<string, string> = { 'max-keys': String(BUCKET_PAGE_SIZE), ...(marker ? { marker } : {}) };
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const [hostname, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, hostname, port: Number(port), path: `/?${query}`, headers: { host, authorization: authorization(account, host, params) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode === 200) resolve(body);
          else reject(new Error(`GET Service answered ${res.statusCode}: ${body.toString('utf8', 0, 200)}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Fetches every page; returns how many pages it took and when the first one arrived (ms after the start). */
export async function floorListAll(
  address: string,
  account: FloorAccount,
  options: { region?: string; agent?: Agent } = {},
): Promise<{ pages: number; firstPageMs: number; totalMs: number }> {
  const agent = options.agent ?? new Agent({ keepAlive: true });
  const host = options.region ? `cos.${options.region}.myqcloud.com` : 'service.cos.myqcloud.com';
  const started = performance.now();
  let firstPageMs = 0;
  let pages = 0;
  let marker: string | undefined;
  do {
    const body = (await getPageBytes(agent, address, host, account, marker)).toString('utf8');
    pages += 1;
    if (pages === 1) firstPageMs = performance.now() - started;
    marker = /<IsTruncated>true<\/IsTruncated>/.test(body) ? /<NextMarker>([^<]*)<\/NextMarker>/.exec(body)?.[1] : undefined;
  } while (marker);
  if (!options.agent) agent.destroy();
  return { pages, firstPageMs, totalMs: performance.now() - started };
}
