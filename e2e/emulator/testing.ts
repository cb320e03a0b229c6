/** Helpers for the emulator's own tests: clients that reach it the way the app does, plus a raw HTTP client. */
import { request as httpRequest } from 'node:http';
import COS from 'cos-nodejs-sdk-v5';
import { afterEach, beforeEach } from 'vitest';
import { startEmulator } from './emulator';
import type { Emulator, EmulatorAccount } from './types';

/** The account most of the emulator's tests act as. */
export const OWNER: EmulatorAccount = {
  secretId: 'AKIDOWNER000000000000000000000000000',
  secretKey: 'owner-secret-key',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Owner',
};

/** Another account, with buckets of its own that OWNER may not touch. */
export const STRANGER: EmulatorAccount = {
  secretId: 'AKIDSTRANGER',
  secretKey: 'stranger-key',
  ownerUin: '100000000002',
  appId: '1250000001',
};

/** An SDK client configured as the app configures it: production hosts, sent to the emulator's address. */
export function sdkFor(emulator: Emulator, account: EmulatorAccount = emulator.accounts[0]): COS {
  return new COS({
    SecretId: account.secretId,
    SecretKey: account.secretKey,
    SecurityToken: account.sessionToken,
    Protocol: 'http:',
    Ip: emulator.address,
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request whose every byte the test controls, for what the SDK will not send. */
export function rawRequest(
  emulator: Emulator,
  options: {
    method?: string;
    host: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Aborting it closes the connection, as a client that gives up does. */
    signal?: AbortSignal;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: options.host, ...options.headers },
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An Authorization value computed by the SDK's own static signer, so tests do not grade the verifier with itself. */
export function sdkAuthorization(
  account: EmulatorAccount,
  options: {
    method?: string;
    host: string;
    /** The decoded path as signed: `/` for bucket calls, `/<key>` for objects. */
    pathname?: string;
    query?: Record<string, string>;
    keyTime?: string;
    headers?: Record<string, string>;
  },
): string {
  return COS.getAuthorization({
    SecretId: account.secretId,
    SecretKey: account.secretKey,
    Method: (options.method ?? 'get') as COS.Method,
    Pathname: options.pathname ?? '/',
    Query: options.query,
    Headers: { host: options.host, ...options.headers },
    KeyTime: options.keyTime,
  });
}

/** The `<Code>` of a COS error document. */
export function errorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * One bucket-setting sub-resource's test bed: an emulator per test holding photos-1250000000 and two accounts, the
 * owner and a reader allowed only `readerAction`; the SDK as either, and a raw signed request to `/?<subresource>`.
 */
export function bucketSettingBed(subresource: string, readerAction: string) {
  const bucket = 'photos-1250000000';
  const region = 'ap-guangzhou';
  const host = `${bucket}.cos.${region}.myqcloud.com`;
  const reader: EmulatorAccount = { ...OWNER, secretId: 'AKIDREADER', secretKey: 'reader-key', allow: [readerAction] };
  const bed = { Bucket: bucket, Region: region, host, reader, emulator: undefined as unknown as Emulator };
  beforeEach(async () => {
    bed.emulator = await startEmulator({ seed: { accounts: [OWNER, reader], buckets: [{ name: bucket, region }] } });
  });
  afterEach(() => bed.emulator.close());
  return {
    bed,
    cos: (account: EmulatorAccount = OWNER) => sdkFor(bed.emulator, account),
    raw: (method: string, body = '') => {
      const authorization = sdkAuthorization(OWNER, { method: method.toLowerCase(), host, query: { [subresource]: '' } });
      return rawRequest(bed.emulator, { method, host, path: `/?${subresource}`, headers: { authorization }, body });
    },
  };
}
