/** The benchmark itself works: a small run of every part ends well and writes its results. No timing is judged. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../harness';
import { expect, test } from '../support/fixtures';

test('npm run bench -- --small measures every part and writes the results', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-bench-'));
  try {
    const out = join(dir, 'results.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--small', '--out', out], {
      cwd: PROJECT_ROOT,
      // The suite has built the app already.
      env: { ...process.env, COS_DESK_SKIP_BUILD: '1' },
      timeout: 170_000,
    });
    for (const title of ['1. Main-process overhead', '2. First row and all rows', '3. The table at', '4. Renderer JavaScript', '5. Listing a folder', '6. Emptying a bucket', '7. The object view', '12. The request log’s cost', '8. Many small files', '8b. Where a small download']) {
      expect(stdout).toContain(title);
    }
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.mainProcess[0]).toMatchObject({ buckets: 200, pages: 1, ratio: expect.any(Number), overSdkRatio: expect.any(Number) });
    expect(results.mainProcess[0].readPageMs).toBeGreaterThan(0);
    expect(results.pageTiming[0]).toMatchObject({ buckets: 200, firstRowAfterPageMs: expect.any(Number), allRowsMs: expect.any(Number) });
    expect(results.scrolling.domRows).toBeGreaterThan(0);
    expect(results.bundle.beforePaintFiles.length).toBeGreaterThan(0);
    expect(results.requestLog[0]).toMatchObject({ buckets: 200, pages: 1, ratio: expect.any(Number), fileRatio: expect.any(Number) });
    expect(results.requestLog[0].entries).toBeGreaterThan(0);
    expect(results.bundle.lazyFiles.some((f: string) => f.startsWith('CreateBucketDialog'))).toBe(true);
    expect(results.objects.listing[0]).toMatchObject({ objects: 3000, pages: 3, ratio: expect.any(Number) });
    expect(results.objects.listing[0].rssMb).toBeGreaterThan(0);
    expect(results.objects.emptying).toMatchObject({ objects: 2000, deleteRequests: 2, ratio: expect.any(Number) });
    expect(results.objects.page).toMatchObject({ objects: 3000, pages: 3, firstRowAfterPageMs: expect.any(Number) });
    expect(results.objects.page.domRows).toBeGreaterThan(0);
    expect(results.objects.page.rendererHeapMb).toBeGreaterThan(0);
    const layers = results.transfers.smallDownloadLayers as { layer: string; seconds: number }[];
    expect(layers.map((l) => l.layer)).toEqual(['sdk', 'gatewayNoLog', 'gateway', 'engine', 'sdkThreads']);
    for (const layer of layers) expect(layer.seconds).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
