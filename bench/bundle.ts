/**
 * 4. Renderer JavaScript: what loads before the first paint (scripts requested before the first contentful
 * paint, signed in, so the first screen is the bucket list) and the whole renderer, raw and gzip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../e2e/harness';
import { launchWithBuckets } from './page-timing';
import { kb } from './stats';

export interface BundleRow {
  beforePaintFiles: string[];
  beforePaintKb: number;
  beforePaintGzipKb: number;
  lazyFiles: string[];
  wholeJsKb: number;
  wholeJsGzipKb: number;
  cssKb: number;
  cssGzipKb: number;
}

const ASSETS = join(PROJECT_ROOT, 'out', 'renderer', 'assets');

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(ASSETS, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export async function measureBundle(): Promise<BundleRow> {
  const app = await launchWithBuckets(200);
  try {
    const { page } = app;
    // A fresh start, then the first contentful paint and the scripts asked for before it.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const before = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.name.endsWith('.js') && r.startTime < paint)
        .map((r) => new URL(r.name).pathname);
    });
    const all = readdirSync(ASSETS);
    const js = all.filter((f) => f.endsWith('.js'));
    const css = all.filter((f) => f.endsWith('.css'));
    const beforePaintFiles = [...new Set(before.map((p) => basename(p)))].sort();
    const first = sizes(beforePaintFiles);
    const whole = sizes(js);
    const styles = sizes(css);
    return {
      beforePaintFiles,
      beforePaintKb: kb(first.raw),
      beforePaintGzipKb: kb(first.gzip),
      lazyFiles: js.filter((f) => !beforePaintFiles.includes(f)).sort(),
      wholeJsKb: kb(whole.raw),
      wholeJsGzipKb: kb(whole.gzip),
      cssKb: kb(styles.raw),
      cssGzipKb: kb(styles.gzip),
    };
  } finally {
    await app.close();
  }
}
