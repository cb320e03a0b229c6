/**
 * `npm run bench [-- --small] [--out FILE]`: measures the list path end to end and prints one table per question,
 * each figure beside what it is compared with in the same run, and writes everything to bench/results.json.
 * `--small` runs every part on a few hundred buckets, once, to check that the benchmark itself works.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, closeSharedBrowser } from '../e2e/harness';
import { measureBundle, type BundleRow } from './bundle';
import { measureEmptying, measureObjectListing, type EmptyingRow, type ObjectListingRow } from './objects';
import { measureObjectsPage, type ObjectsPageRow } from './objects-page';
import { measureMainProcess, type MainProcessRow } from './main-process';
import { measurePageTiming, type PageTimingRow } from './page-timing';
import { measureRequestLog, type RequestLogRow } from './request-log';
import { measureScrolling, type ScrollingRow } from './scrolling';
import { renderTable } from './table';
import { measureTransfers, SDK_THREADS, type SmallDownloadLayer, type SmallFilesPlan, type TransferBench } from './transfers';

const TARGETS = {
  mainProcessRatio: 1.15,
  firstRowAfterPageMs: 100,
  domRows: 60,
  longTaskMs: 50,
  beforePaintGzipKb: 200,
  smallFilesRatio: 1.0,
  smallFilesSpeedup: 5,
  largeFileRatio: 1.25,
  rssGrowthMB: 150,
  objectListRatio: { 0: 1.25, 50: 1.05 } as Record<number, number>,
  memoryMb: 250,
  emptyingRatio: 1.1,
  requestLogRatio: 1.03,
};

interface Plan {
  mainProcess: { buckets: number; latencyMs: number; rounds: number; warmUp: number }[];
  pageTiming: { buckets: number; latencyMs: number; runs: number }[];
  scrollingBuckets: number;
  transfers: SmallFilesPlan & { largeMB: number; largeRounds: number };
  objectListing: { objects: number; latencyMs: number; rounds: number; warmUp: number }[];
  emptying: { objects: number; rounds: number };
  objectsPage: number;
  requestLog: { buckets: number; rounds: number; warmUp: number }[];
}

const FULL: Plan = {
  mainProcess: [
    { buckets: 2000, latencyMs: 0, rounds: 150, warmUp: 10 },
    { buckets: 10000, latencyMs: 0, rounds: 40, warmUp: 10 },
    { buckets: 2000, latencyMs: 50, rounds: 5, warmUp: 2 },
    { buckets: 10000, latencyMs: 50, rounds: 5, warmUp: 2 },
  ],
  pageTiming: [0, 50].flatMap((latencyMs) => [200, 2000, 10000].map((buckets) => ({ buckets, latencyMs, runs: 3 }))),
  scrollingBuckets: 10000,
  transfers: { files: 2000, serialFiles: 200, largeMB: 512, largeRounds: 3, concurrency: 16, rounds: 3, warmUp: 1 },
  objectListing: [
    { objects: 100_000, latencyMs: 0, rounds: 5, warmUp: 1 },
    { objects: 100_000, latencyMs: 50, rounds: 2, warmUp: 0 },
  ],
  emptying: { objects: 20_000, rounds: 3 },
  objectsPage: 100_000,
  requestLog: [
    { buckets: 2000, rounds: 150, warmUp: 10 },
    { buckets: 10000, rounds: 40, warmUp: 10 },
  ],
};

const SMALL: Plan = {
  mainProcess: [{ buckets: 200, latencyMs: 0, rounds: 3, warmUp: 1 }],
  pageTiming: [{ buckets: 200, latencyMs: 0, runs: 1 }],
  scrollingBuckets: 500,
  transfers: { files: 100, serialFiles: 20, largeMB: 24, largeRounds: 1, concurrency: 16, rounds: 1, warmUp: 0 },
  objectListing: [{ objects: 3000, latencyMs: 0, rounds: 1, warmUp: 0 }],
  emptying: { objects: 2000, rounds: 1 },
  objectsPage: 3000,
  requestLog: [{ buckets: 200, rounds: 3, warmUp: 1 }],
};

const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
/** A built file's name without the content hash the bundler adds: `radix-CxsVEY_j.js` is `radix`. */
const withoutHash = (file: string) => file.replace(/-[\w-]{8}\.js$/, '');
const ms = (n: number) => n.toFixed(1);

const LAYER_NAMES: Record<SmallDownloadLayer['layer'], string> = {
  sdk: 'SDK script (getObject into a file stream)',
  gatewayNoLog: '+ COS Desk’s gateway, request log off',
  gateway: '+ the request log (as the app runs)',
  engine: '+ the transfer engine (COS Desk, table 8)',
  sdkThreads: `apart: the SDK script split over ${SDK_THREADS} worker threads, nothing of COS Desk`,
};

function transferTables(t: TransferBench): string[] {
  const s = (n: number) => n.toFixed(2);
  return [
    renderTable({
      title: `8. Many small files: ${t.small[0]?.files.toLocaleString('en')} files of 8 KB, COS Desk against the SDK with the same concurrency, and against one file at a time`,
      columns: ['direction', 'latency', 'concurrency', 'COS Desk s', 'SDK pool s', 'ratio', `≤ ${TARGETS.smallFilesRatio}×`, 'one at a time s', 'speed-up', `≥ ${TARGETS.smallFilesSpeedup}× at 20 ms`, 'files/s COS Desk', 'files/s SDK pool', 'files/s one at a time'],
      rows: t.small.map((r) => [
        r.direction,
        `${r.latencyMs} ms`,
        r.concurrency,
        s(r.appSeconds),
        s(r.sdkSeconds),
        `${r.ratio.toFixed(2)}×`,
        yes(r.ratio <= TARGETS.smallFilesRatio),
        s(r.serialSeconds),
        `${r.speedup.toFixed(1)}×`,
        r.latencyMs >= 20 ? yes(r.speedup >= TARGETS.smallFilesSpeedup) : '',
        r.appFilesPerSecond,
        r.sdkFilesPerSecond,
        r.serialFilesPerSecond,
      ]),
      notes: [
        'COS Desk: the transfer engine (conflict choice Ask: one listing of the target folder per upload batch, the download folder’s names read once; CRC64 of every file; the queue file; a download of 64 KiB or less held until checked and written once where nothing stands, a larger one written to .part and renamed once checked; every request recorded in the request log, as the app always does) through the SDK; SDK pool: putObject / getObject with a file stream, the same number at once.',
        `The two sides take turns, ${t.smallTurns.rounds} rounds each after ${t.smallTurns.warmUp} uncounted round(s) each; the median is shown.`,
        `“one at a time” ran ${t.small[0]?.serialFiles} files and is scaled to the whole set. The emulator runs in a child process; latency is added to every request.`,
      ],
    }),
    renderTable({
      title: `8b. Where a small download's time goes: the same ${t.small[0]?.files.toLocaleString('en')} downloads at 0 ms, ${t.small[0]?.concurrency} at once, one layer more at each row`,
      columns: ['layer', 's', '× SDK script', 'main thread CPU s', 'main thread µs a file', 'process CPU s', 'emulator CPU s'],
      rows: t.smallDownloadLayers.map((r) => [
        LAYER_NAMES[r.layer],
        s(r.seconds),
        `${r.ratio.toFixed(2)}×`,
        r.mainCpuSeconds === null ? 'n/a' : s(r.mainCpuSeconds),
        r.mainMicrosPerFile ?? 'n/a',
        s(r.processCpuSeconds),
        r.emulatorCpuSeconds === null ? 'n/a' : s(r.emulatorCpuSeconds),
      ]),
      notes: [
        'Each row adds one layer to the row above: the SDK script of table 8; COS Desk’s gateway (pooled SDK client, retry policy, cancel hook) getting each object into a file stream as the script does, first without the request log, then with it, as the app always runs; then the transfer engine (queue, safe local name, CRC64 check, the queue file).',
        'At 0 ms each layer keeps its main thread busy most of the time, so that thread’s CPU is most of its time. Main-thread CPU is read from /proc (Linux); the process column adds the collector’s and the file system’s threads.',
        'The last row is no layer: the SDK script of the first row split over worker threads of the bench process, an even share of the keys and of the concurrency each, with no queue, log or check, measured after the layers in turns with the script alone (its ratio is to those turns). It shows what spreading the work over more cores could gain at best: if it is no faster than the first row, the machine’s cores are already busy with the script and the emulator (the last two columns), and COS Desk’s extra work (the CRC64 check, the request log, the queue) cannot be hidden on another core.',
        `The layers take turns, ${t.smallTurns.rounds} rounds each after ${t.smallTurns.warmUp} uncounted round(s) each; the median is shown.`,
      ],
    }),
    renderTable({
      title: '9. One large file: COS Desk against the SDK alone with the same part size and concurrency, and raw node:http',
      columns: ['direction', 'MB', 'part MiB', 'parts at once', 'COS Desk s', 'SDK alone s', 'ratio', `≤ ${TARGETS.largeFileRatio}×`, 'node:http s', 'COS Desk MB/s'],
      rows: t.large.map((r) => [r.direction, r.megabytes, r.partMiB, r.partConcurrency, s(r.appSeconds), s(r.sdkSeconds), `${r.ratio.toFixed(2)}×`, yes(r.ratio <= TARGETS.largeFileRatio), s(r.floorSeconds), r.appMBps]),
      notes: [
        'SDK alone: multipartInit, multipartUpload of file ranges, multipartComplete, and one getObject into a file; no checks. COS Desk checks every part’s and the whole object’s CRC64, and a download’s.',
        'A download is one GET streamed into a .part file on both sides; COS Desk hashes an answer of 4 MiB or more on a thread of its own.',
        `The two sides take turns, ${t.largeRounds} rounds each; the median is shown.`,
      ],
    }),
    renderTable({
      title: '10. CRC64 and memory',
      columns: ['measure', 'value', 'target', 'met'],
      rows: [
        [`CRC64 as COS Desk folds it (${t.crc.fold === 'webassembly' ? 'WebAssembly, slicing-by-16' : 'JavaScript: WebAssembly did not load'}) on ${t.crc.megabytes} MB, MB/s`, t.crc.crc64MBps, '', ''],
        [`CRC64 in JavaScript (slicing-by-8, 32-bit halves; where WebAssembly cannot load), MB/s`, t.crc.crc64JsMBps, '', ''],
        [`zlib.crc32 (native) on the same buffer, MB/s`, t.crc.crc32MBps, '', ''],
        ['main-process RSS growth during the large transfers, MB', t.rssGrowthMB, `≤ ${TARGETS.rssGrowthMB}`, yes(t.rssGrowthMB <= TARGETS.rssGrowthMB)],
      ],
    }),
    renderTable({
      title: '11. Resume: the app closed at about 60 %, started again over the same queue file, resumed',
      columns: ['direction', 'MB', 'stopped at', 'bytes sent twice', 'limit', 'met'],
      rows: t.resume.map((r) => [r.direction, r.megabytes, `${r.stoppedAtPercent} %`, r.resentBytes.toLocaleString('en'), r.limitBytes.toLocaleString('en'), yes(r.resentBytes <= r.limitBytes)]),
      notes: [
        'Closed as quitting the app does: a download stops at once, parts of an upload already under way may land for up to 5 s. Upload: one transfer, parts of 8 MiB, 4 at a time.',
        '“bytes sent twice”: bytes the first run sent that the second sent again (parts cut off by the close; for a download, bytes that arrived but did not reach the .part file).',
      ],
    }),
  ];
}

function report(main: MainProcessRow[], pages: PageTimingRow[], scrolling: ScrollingRow, bundle: BundleRow, objects: ObjectsReport, log: RequestLogRow[]): string {
  return [
    renderTable({
      title: '1. Main-process overhead: listBucketsPage handler → service → SDK, against plain node:http',
      columns: ['buckets', 'latency', 'pages', 'COS Desk ms', 'node:http ms', 'ratio', `≤ ${TARGETS.mainProcessRatio}×`, 'SDK alone ms', 'SDK alone ratio', 'COS Desk / SDK alone', 'reading 1 page ms'],
      rows: main.map((r) => [
        r.buckets,
        `${r.latencyMs} ms`,
        r.pages,
        ms(r.appMs),
        ms(r.floorMs),
        `${r.ratio.toFixed(2)}×`,
        yes(r.ratio <= TARGETS.mainProcessRatio),
        ms(r.sdkMs),
        `${r.sdkRatio.toFixed(2)}×`,
        `${r.overSdkRatio.toFixed(2)}×`,
        r.readPageMs.toFixed(2),
      ]),
      notes: [
        'Every page of the list, one after another; median of runs taking turns in one process, after unmeasured warm-up turns.',
        '“SDK alone”: the same pages through cos-nodejs-sdk-v5’s raw request as COS Desk sends them, reading only NextMarker (bench/sdk-client.ts).',
        '“reading 1 page”: COS Desk turning the first page’s bytes into rows (decode and read), on its own; every page of a list costs about this.',
      ],
    }),
    renderTable({
      title: '2. First row and all rows on screen (harness: built renderer in Chromium, real handlers, emulator)',
      columns: ['buckets', 'latency', 'pages', 'emulator 1st page', 'emulator all', '1st page in renderer', '1st row', '1st row after 1st page', `≤ ${TARGETS.firstRowAfterPageMs} ms`, 'all rows', 'all / emulator'],
      rows: pages.map((r) => [
        r.buckets,
        `${r.latencyMs} ms`,
        r.pages,
        ms(r.emulatorFirstPageMs),
        ms(r.emulatorAllPagesMs),
        ms(r.firstPageArrivedMs),
        ms(r.firstRowMs),
        ms(r.firstRowAfterPageMs),
        yes(r.firstRowAfterPageMs <= TARGETS.firstRowAfterPageMs),
        ms(r.allRowsMs),
        `${r.allRowsRatio.toFixed(2)}×`,
      ]),
      notes: [
        'Times in ms from the app’s first listBucketsPage request, to the frame that shows the row(s); median of fresh starts.',
        '“emulator” is the same pages answered to a plain node:http client.',
      ],
    }),
    renderTable({
      title: `3. The table at ${scrolling.buckets.toLocaleString('en')} buckets`,
      columns: ['measure', 'value', 'target', 'met'],
      rows: [
        ['rows in the document', scrolling.domRows, `≤ ${TARGETS.domRows}`, yes(scrolling.domRows <= TARGETS.domRows)],
        [`long tasks while scrolling top to bottom (${scrolling.scrollSteps} views)`, scrolling.scrollLongTasks, '0', yes(scrolling.scrollLongTasks === 0)],
        ['longest task while scrolling, ms', ms(scrolling.scrollLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(scrolling.scrollLongestTaskMs < TARGETS.longTaskMs)],
        ['worst frame gap while scrolling, ms', ms(scrolling.scrollWorstFrameMs), '', ''],
        ['longest task while typing a name filter, ms', ms(scrolling.typingLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(scrolling.typingLongestTaskMs < TARGETS.longTaskMs)],
        ['worst frame gap while typing, ms', ms(scrolling.typingWorstFrameMs), '', ''],
        ['longest task while re-sorting, ms', ms(scrolling.sortLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(scrolling.sortLongestTaskMs < TARGETS.longTaskMs)],
        ['worst frame gap while re-sorting, ms', ms(scrolling.sortWorstFrameMs), '', ''],
      ],
      notes: ['A long task is one of 50 ms or more (the browser reports no shorter ones): 0.0 means none. Frame gaps include the 16.7 ms of a frame.'],
    }),
    renderTable({
      title: '4. Renderer JavaScript',
      columns: ['what', 'raw KB', 'gzip KB', 'target', 'met'],
      rows: [
        [`before the first paint (${bundle.beforePaintFiles.length} files)`, bundle.beforePaintKb, bundle.beforePaintGzipKb, `≤ ${TARGETS.beforePaintGzipKb} gzip`, yes(bundle.beforePaintGzipKb <= TARGETS.beforePaintGzipKb)],
        [`the whole renderer (${bundle.beforePaintFiles.length + bundle.lazyFiles.length} files)`, bundle.wholeJsKb, bundle.wholeJsGzipKb, '', ''],
        ['styles', bundle.cssKb, bundle.cssGzipKb, '', ''],
      ],
      notes: [`Loaded only when first needed: ${bundle.lazyFiles.map(withoutHash).join(', ') || 'nothing'}.`],
    }),
    ...objectTables(objects),
    renderTable({
      title: '12. The request log’s cost: the bucket list with the log on, against the log off',
      columns: ['buckets', 'pages', 'log off ms', 'log on ms', 'on / off', `≤ ${TARGETS.requestLogRatio}×`, 'log on + file ms', 'on + file / off', 'entries held'],
      rows: log.map((r) => [
        r.buckets,
        r.pages,
        ms(r.offMs),
        ms(r.onMs),
        `${r.ratio.toFixed(3)}×`,
        yes(r.ratio <= TARGETS.requestLogRatio),
        ms(r.fileMs),
        `${r.fileRatio.toFixed(3)}×`,
        r.entries,
      ]),
      notes: ['Every page of the list through the IPC handler, 0 ms latency (the harshest case); three main processes against one emulator, taking turns; median of runs.'],
    }),
  ].join('\n');
}

interface ObjectsReport {
  listing: ObjectListingRow[];
  emptying: EmptyingRow;
  page: ObjectsPageRow;
}

function objectTables({ listing, emptying, page }: ObjectsReport): string[] {
  const batches = Math.ceil(emptying.objects / 1000);
  return [
    renderTable({
      title: '5. Listing a folder in the main process: listObjects handler → gateway → SDK, against the SDK alone',
      columns: ['objects', 'latency', 'pages', 'COS Desk ms', 'SDK alone ms', 'ratio', 'target', 'met', 'main RSS MB', 'growth MB', `< ${TARGETS.memoryMb} MB`],
      rows: listing.map((r) => {
        const target = TARGETS.objectListRatio[r.latencyMs] ?? TARGETS.objectListRatio[0];
        return [r.objects, `${r.latencyMs} ms`, r.pages, ms(r.appMs), ms(r.sdkMs), `${r.ratio.toFixed(2)}×`, `≤ ${target}×`, yes(r.ratio <= target), r.rssMb, r.rssGrowthMb, yes(r.rssMb < TARGETS.memoryMb)];
      }),
      notes: [
        'Every page of one folder, 1,000 keys a page, one after another; median of turns taken in one process.',
        '“SDK alone”: a script calling cos.getBucket with the same prefix, delimiter, max-keys, encoding-type and marker.',
        '“main RSS”: the main process alone (handlers, gateway, SDK, with the TypeScript loader) in a process of its own after listing every page; the emulator is elsewhere.',
      ],
    }),
    renderTable({
      title: `6. Emptying a bucket of ${emptying.objects.toLocaleString('en')} objects: emptyBucketStep against a plain SDK script`,
      columns: ['objects', 'COS Desk ms', 'SDK script ms', 'ratio', `≤ ${TARGETS.emptyingRatio}×`, 'delete requests', `= ${batches}`, 'listing requests'],
      rows: [[emptying.objects, ms(emptying.appMs), ms(emptying.sdkMs), `${emptying.ratio.toFixed(2)}×`, yes(emptying.ratio <= TARGETS.emptyingRatio), emptying.deleteRequests, yes(emptying.deleteRequests === batches), emptying.listRequests]],
      notes: ['The script lists unfinished uploads, then pages the versions 1,000 at a time and deletes each page with one Quiet POST ?delete.'],
    }),
    renderTable({
      title: `7. The object view with ${page.objects.toLocaleString('en')} objects in one folder (harness: built renderer in Chromium)`,
      columns: ['measure', 'value', 'target', 'met'],
      rows: [
        ['pages', page.pages, '', ''],
        ['first rows on screen after the first page, ms', ms(page.firstRowAfterPageMs), `≤ ${TARGETS.firstRowAfterPageMs}`, yes(page.firstRowAfterPageMs <= TARGETS.firstRowAfterPageMs)],
        ['all rows, from the first request, ms', ms(page.allRowsMs), '', ''],
        ['rows in the document', page.domRows, `≤ ${TARGETS.domRows}`, yes(page.domRows <= TARGETS.domRows)],
        ['long tasks while the pages arrive', page.loadLongTasks, '0', yes(page.loadLongTasks === 0)],
        ['longest task while the pages arrive, ms', ms(page.loadLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(page.loadLongestTaskMs < TARGETS.longTaskMs)],
        ['long tasks while scrolling top to bottom', page.scrollLongTasks, '0', yes(page.scrollLongTasks === 0)],
        ['longest task while scrolling, ms', ms(page.scrollLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(page.scrollLongestTaskMs < TARGETS.longTaskMs)],
        ['worst frame gap while scrolling, ms', ms(page.scrollWorstFrameMs), '', ''],
        ['longest task while filtering, ms', ms(page.filterLongestTaskMs), `< ${TARGETS.longTaskMs}`, yes(page.filterLongestTaskMs < TARGETS.longTaskMs)],
        ['worst frame gap while filtering, ms', ms(page.filterWorstFrameMs), '', ''],
        ['renderer JS heap after the load, MB', page.rendererHeapMb, `< ${TARGETS.memoryMb}`, yes(page.rendererHeapMb < TARGETS.memoryMb)],
        ['bench process RSS after the load, MB (main process, emulator, Playwright)', page.mainRssMb, '', ''],
      ],
      notes: ['The bench process holds the main process’s handlers, the emulator with every key, and Playwright’s client; the main process alone is measured in table 5.'],
    }),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { small: { type: 'boolean' }, out: { type: 'string' }, transfers: { type: 'boolean' } } });
  const plan = values.small ? SMALL : FULL;
  const out = values.out ?? (values.small ? join(tmpdir(), 'cos-desk-bench-small.json') : join(PROJECT_ROOT, 'bench', 'results.json'));
  if (process.env.COS_DESK_SKIP_BUILD !== '1') {
    execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  const loadBefore = loadavg()[0];
  if (values.transfers) {
    // Only the transfer tables (8, 8b, 9-11): `npm run bench -- --transfers`.
    const transfers = await measureTransfers(plan.transfers);
    console.log(transferTables(transfers).join('\n'));
    console.log(`Load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}.`);
    writeFileSync(out.replace(/\.json$/, '-transfers.json'), `${JSON.stringify({ date: new Date().toISOString(), small: Boolean(values.small), targets: TARGETS, transfers }, null, 2)}\n`);
    return;
  }
  try {
    const mainRows: MainProcessRow[] = [];
    for (const step of plan.mainProcess) mainRows.push(await measureMainProcess(step.buckets, step.latencyMs, step.rounds, step.warmUp));
    const pageRows: PageTimingRow[] = [];
    for (const step of plan.pageTiming) pageRows.push(await measurePageTiming(step.buckets, step.latencyMs, step.runs));
    const scrolling = await measureScrolling(plan.scrollingBuckets);
    const bundle = await measureBundle();
    const transfers = await measureTransfers(plan.transfers);
    const objects: ObjectsReport = {
      listing: [],
      emptying: await measureEmptying(plan.emptying.objects, plan.emptying.rounds),
      page: await measureObjectsPage(plan.objectsPage),
    };
    for (const step of plan.objectListing) objects.listing.push(await measureObjectListing(step.objects, step.latencyMs, step.rounds, step.warmUp));

    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    };
    const logRows: RequestLogRow[] = [];
    for (const step of plan.requestLog) logRows.push(await measureRequestLog(step.buckets, step.rounds, step.warmUp));
    const table = [report(mainRows, pageRows, scrolling, bundle, objects, logRows), ...transferTables(transfers)].join('\n');
    console.log(table);
    console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${loadBefore.toFixed(1)} → ${machine.loadAverage.after.toFixed(1)}.`);
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), small: Boolean(values.small), targets: TARGETS, machine, mainProcess: mainRows, pageTiming: pageRows, scrolling, bundle, objects, requestLog: logRows, transfers }, null, 2)}\n`,
    );
    console.log(`Results written to ${out}`);
  } finally {
    await closeSharedBrowser();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
