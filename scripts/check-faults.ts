/**
 * `npm run check:faults [-- --ops N --seed S]`: the fault soak (scripts/soak/run-soak.ts). Prints what was tried,
 * what was injected and how the app's answers compared with COS's final state; exits 1 if any answer was untrue,
 * a bucket was lost or made twice, an object was deleted that was not asked for or reported deleted and still there,
 * or the main process threw. Bounded: it stops at 100 s whatever is left.
 */
import { parseArgs } from 'node:util';
import { runObjectSoak, type ObjectSoakReport } from './soak/object-soak';
import { runSoak, type SoakReport } from './soak/run-soak';
import { runTransferSoak, type TransferSoakReport } from './soak/transfer-soak';

const BUDGET_MS = 100_000;
/** The SDK's own note when it corrects its clock: expected under clockSkew faults, and noise in this report. */
const SDK_CLOCK_NOTE = 'error: Local time is too skewed.';

function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} ${value} is not a whole number.`);
  return n;
}

/** "status 280, resetBefore 105": the kinds that fired, with their counts. */
function faultKinds(byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}

export function formatReport(r: SoakReport): string {
  const kinds = faultKinds(r.faultsByKind);
  return [
    `seed ${r.seed}, ${(r.elapsedMs / 1000).toFixed(1)} s`,
    `operations attempted: ${r.attempted}`,
    `faults injected: ${r.faultsInjected}${kinds ? ` (${kinds})` : ''}`,
    `outcomes that matched the emulator's final state: ${r.matched} of ${r.judged} judged` +
      ` (${r.unsettled} more answered "could not tell", as the app said)`,
    `buckets lost: ${r.bucketsLost}`,
    `buckets created twice: ${r.createdTwice}`,
    `deletes sent twice: ${r.deletesSentTwice}`,
    `main-process exceptions: ${r.mainProcessExceptions}`,
    `final list matches the emulator: ${r.finalListMatches ? 'yes' : 'no'}`,
    ...r.mismatches.map((m) => `MISMATCH ${m}`),
  ].join('\n');
}

export function formatObjectReport(r: ObjectSoakReport): string {
  const kinds = faultKinds(r.faultsByKind);
  return [
    `object deletes and emptying attempted: ${r.attempted}`,
    `object faults injected: ${r.faultsInjected}${kinds ? ` (${kinds})` : ''}`,
    `objects reported deleted: ${r.reportedDeleted} (${r.stopped} runs stopped with an error, as the app said)`,
    `objects deleted that were not asked for: ${r.deletedNotAsked}`,
    `objects reported deleted that still exist: ${r.reportedDeletedButThere}`,
    `object main-process exceptions: ${r.mainProcessExceptions}`,
  ].join('\n');
}

export function formatTransferReport(r: TransferSoakReport): string {
  const kinds = faultKinds(r.faultsByKind);
  return [
    `transfer operations attempted: ${r.attempted} (${r.transfers} transfers: ${r.done} done, ${r.failed} failed as the app said, ${r.cancelled} cancelled)`,
    `transfer faults injected: ${r.faultsInjected}${kinds ? ` (${kinds})` : ''}`,
    `files corrupted: ${r.filesCorrupted}`,
    `objects with wrong content: ${r.objectsWrong}`,
    `transfers reported done that are not: ${r.reportedDoneButNot}`,
    `orphaned multipart uploads after cancels: ${r.orphanedUploads}`,
    `transfer main-process exceptions: ${r.mainProcessExceptions}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ops: { type: 'string' }, seed: { type: 'string' } } });
  const operations = positiveInt(values.ops, 1000, '--ops');
  const seed = positiveInt(values.seed, 20_251_129, '--seed');
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] !== SDK_CLOCK_NOTE) error(...args);
  };
  const report = await runSoak({ operations, seed, budgetMs: BUDGET_MS * 0.55 });
  // A quarter as many object operations: each one is several requests (listings, batches, aborts).
  const objects = await runObjectSoak({ operations: Math.ceil(operations / 4), seed, budgetMs: BUDGET_MS * 0.2 });
  // An eighth as many transfer operations: each moves up to three files of up to 3 MiB, part by part.
  const transfers = await runTransferSoak({ operations: Math.ceil(operations / 8), seed, budgetMs: BUDGET_MS * 0.25 });
  console.error = error;
  process.stdout.write(`${formatReport(report)}\n${formatObjectReport(objects)}\n${formatTransferReport(transfers)}\n`);
  const clean =
    report.mismatches.length === 0 &&
    report.bucketsLost === 0 &&
    report.createdTwice === 0 &&
    report.deletesSentTwice === 0 &&
    report.mainProcessExceptions === 0 &&
    report.finalListMatches &&
    objects.deletedNotAsked === 0 &&
    objects.reportedDeletedButThere === 0 &&
    objects.mainProcessExceptions === 0 &&
    transfers.filesCorrupted === 0 &&
    transfers.objectsWrong === 0 &&
    transfers.reportedDoneButNot === 0 &&
    transfers.orphanedUploads === 0 &&
    transfers.mainProcessExceptions === 0;
  process.exit(clean ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`check:faults: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
