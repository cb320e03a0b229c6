/** Sums the JSON reports of every suite into the one closing line CI reads: "N passed, N failed". */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Counts { passed: number; failed: number; skipped: number }

interface PassFail { passed: number; failed: number }
interface VitestReport { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
interface PlaywrightReport { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
/** ESLint's JSON formatter: one entry per file linted. */
type LintReport = Array<{ errorCount: number; fatalErrorCount: number }>;

function read<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

const dir = process.argv[2] ?? '.reports';
const suites: Array<[string, Counts | undefined]> = [];

const typecheck = read<PassFail>(join(dir, 'typecheck.json'));
suites.push(['type check', typecheck && { passed: typecheck.passed, failed: typecheck.failed, skipped: 0 }]);

// A file with an error is a failed check, a clean file a passed one.
const lint = read<LintReport>(join(dir, 'eslint.json'));
const lintFailed = lint?.filter((file) => file.errorCount + file.fatalErrorCount > 0).length ?? 0;
suites.push(['lint', lint && { passed: lint.length - lintFailed, failed: lintFailed, skipped: 0 }]);

const scan = read<PassFail>(join(dir, 'electronegativity.json'));
suites.push(['electronegativity', scan && { passed: scan.passed, failed: scan.failed, skipped: 0 }]);

const vitest = read<VitestReport>(join(dir, 'vitest.json'));
suites.push([
  'vitest',
  vitest && { passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + vitest.numTodoTests },
]);

const playwright = read<PlaywrightReport>(join(dir, 'playwright.json'));
suites.push([
  'playwright',
  playwright && {
    passed: playwright.stats.expected,
    failed: playwright.stats.unexpected + playwright.stats.flaky,
    skipped: playwright.stats.skipped,
  },
]);

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts] of suites) {
  if (!counts) {
    // A suite that wrote no report did not run to the end: count it as a failure, never as a pass.
    console.log(`${name}: no report`);
    total.failed += 1;
    continue;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
