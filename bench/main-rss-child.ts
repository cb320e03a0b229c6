/**
 * The main process alone, in a process of its own, for its memory: signs in to the emulator at argv[2] (run by the
 * parent bench), lists every page of the folder argv[3] of the bench bucket as the object view does, and prints its
 * resident set before and after as JSON. The emulator and its keys live in the parent, so they are not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_BUCKET, signedInMainProcess } from './bench-main';

const [address, prefix] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cos-desk-bench-rss-'));
try {
  const main = await signedInMainProcess(address, dir);
  const before = process.memoryUsage().rss;
  let marker: string | undefined;
  let objects = 0;
  do {
    const page = await main.call('listObjects', { ...BENCH_BUCKET, prefix, ...(marker ? { marker } : {}) });
    objects += page.objects.length;
    marker = page.nextMarker;
  } while (marker);
  console.log(JSON.stringify({ objects, rssBefore: before, rssAfter: process.memoryUsage().rss }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
