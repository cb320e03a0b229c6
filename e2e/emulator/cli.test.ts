import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import COS from 'cos-nodejs-sdk-v5';
import { parseSeed } from './index';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run emulator', () => {
  it('prints one JSON line with the endpoint and demo keys, serves the demo world, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/emulator/cli.ts', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const ready = JSON.parse(line) as { endpoint: string; secretId: string; secretKey: string };
      expect(ready.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.secretId).toBe('AKIDCOSDESKDEMO0000000000000000000000');

      const cos = new COS({
        SecretId: ready.secretId,
        SecretKey: ready.secretKey,
        Protocol: 'http:',
        Ip: ready.endpoint.slice('http://'.length),
      });
      const { Buckets } = await cos.getService({});
      expect(Buckets.length).toBeGreaterThanOrEqual(10);
      // The demo's showcase failures.
      const photos = { Bucket: 'photos-1250000000', Region: 'ap-guangzhou' };
      const foreign = { Bucket: 'shared-assets-1250000001', Region: 'ap-guangzhou' };
      await expect(cos.deleteBucket(photos)).rejects.toMatchObject({ code: 'BucketNotEmpty' });
      await expect(cos.putBucket(foreign)).rejects.toMatchObject({ code: 'BucketAlreadyExists' });
      await expect(cos.headBucket(foreign)).rejects.toMatchObject({ statusCode: 403 });
      // Something to browse: folders and files at the top of photos.
      const top = await cos.getBucket({ ...photos, Delimiter: '/' });
      expect(top.CommonPrefixes.map((p) => p.Prefix)).toEqual(['2023/', '2024/', 'albums/', 'archive/']);
      expect(top.Contents.map((c) => c.Key)).toEqual(['README.txt']);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('injects the faults named by --fault and --latency from the first request on', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'e2e/emulator/cli.ts', '--port', '0', '--latency', '1', '--fault', 'PutBucket:status=500:*'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const ready = JSON.parse(line) as { endpoint: string; secretId: string; secretKey: string };
      const cos = new COS({
        SecretId: ready.secretId,
        SecretKey: ready.secretKey,
        Protocol: 'http:',
        Ip: ready.endpoint.slice('http://'.length),
      });
      await expect(cos.getService({})).resolves.toMatchObject({ statusCode: 200 });
      await expect(cos.putBucket({ Bucket: 'fresh-1250000000', Region: 'ap-guangzhou' })).rejects.toMatchObject({
        statusCode: 500,
        code: 'InternalError',
      });
    } finally {
      child.kill('SIGTERM');
    }
    await once(child, 'exit');
  });

  it('refuses a malformed --fault before listening, saying why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/emulator/cli.ts', '--fault', 'PutBucket:boom'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unknown fault kind "boom"/);
  });

  it('ships a demo seed that parses, with multi-AZ buckets and several regions', () => {
    const seed = parseSeed(JSON.parse(readFileSync(new URL('./demo-seed.json', import.meta.url), 'utf8')));
    const buckets = seed.buckets ?? [];
    expect(buckets.filter((b) => b.multiAz).length).toBeGreaterThanOrEqual(2);
    expect(new Set(buckets.map((b) => b.region)).size).toBeGreaterThanOrEqual(5);
    // photos holds folders and files to browse, which also make its deletion answer BucketNotEmpty.
    const photos = (seed.objects ?? []).filter((o) => o.bucket === 'photos-1250000000');
    expect(photos.some((o) => 'key' in o && o.key.includes('/'))).toBe(true);
    expect(photos.some((o) => 'count' in o)).toBe(true);
  });
});
