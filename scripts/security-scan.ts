/**
 * The static security scan of the shipped code with Doyensec's electronegativity, offline: the check that
 * downloads Electron's release notes is left out. Any finding of medium severity or above fails, unless the
 * flagged line carries an `eng-disable <CHECK>` comment saying why it is safe.
 *
 * Usage: node --import tsx scripts/security-scan.ts [report.json] [project folder, default: this project]
 * Writes {passed, failed, findings} to the report for scripts/test-summary.ts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const SCANNER_DIR = join(import.meta.dirname, '..', 'node_modules', '@doyensec', 'electronegativity');
const ROOT = resolve(process.argv[3] ?? join(import.meta.dirname, '..'));
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAIL_AT = 'MEDIUM';

/** What ships: the main process, the preload, the shared contract and the renderer; no tests, no test helpers. */
const SOURCES = ['electron', 'shared', 'renderer/src'];
const SINGLE_FILES = ['package.json', 'renderer/index.html'];

function isShipped(path: string): boolean {
  const parts = path.split(sep);
  return (
    /\.(ts|tsx)$/.test(path) &&
    !/\.test\.tsx?$/.test(path) &&
    !parts.includes('testing') &&
    !parts.includes('test')
  );
}

function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-scan-'));
  for (const file of SINGLE_FILES) cpSync(join(ROOT, file), join(dir, file));
  for (const source of SOURCES.filter((s) => existsSync(join(ROOT, s)))) {
    for (const entry of readdirSync(join(ROOT, source), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = relative(ROOT, join(entry.parentPath, entry.name));
      if (isShipped(path)) cpSync(join(ROOT, path), join(dir, path));
    }
  }
  return dir;
}

/**
 * The scanner's TypeScript parser needs the TypeScript compiler API, which the project's TypeScript 7 (native)
 * lacks; the scanner ships its own TypeScript 4, so its parser is pointed there.
 */
function useScannerTypeScript(): void {
  const scannerTypeScript = createRequire(join(SCANNER_DIR, 'package.json')).resolve('typescript');
  const moduleInternals = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolveFilename = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'typescript' ? scannerTypeScript : resolveFilename.call(this, request, ...rest);
  };
}

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}

interface ScanResult {
  issues: Issue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

const reportFile = process.argv[2];
const staged = stage();
let passed = 0;
let failed = 0;
const findings: string[] = [];
try {
  useScannerTypeScript();
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as (options: object) => Promise<ScanResult>;
  const finder = require(join(SCANNER_DIR, 'dist', 'finder', 'attributes.js')) as { severity: Record<string, { value: number }> };
  const threshold = finder.severity[FAIL_AT].value;
  const result = await run({
    input: staged,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    severitySet: 'INFORMATIONAL',
    confidenceSet: 'TENTATIVE',
    isRelative: true,
    isVerbose: true,
    parserPlugins: [],
  });
  for (const issue of result.issues) {
    const line = `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} — ${issue.description}`;
    if (issue.severity.value >= threshold) {
      failed += 1;
      findings.push(line);
      console.log(`FAIL ${line}`);
    } else {
      console.log(`note ${line}`);
    }
  }
  // A file the scanner could not read was not checked at all.
  for (const error of result.errors.filter((e) => !e.tolerable)) {
    failed += 1;
    findings.push(`unreadable ${relative(staged, error.file)}: ${error.message}`);
    console.log(`FAIL could not scan ${relative(staged, error.file)}: ${error.message}`);
  }
  if (failed === 0) passed = 1;
  console.log(`electronegativity: ${result.issues.length} findings, ${failed} at ${FAIL_AT} or above`);
} catch (error) {
  failed += 1;
  findings.push(`the scan did not run: ${String(error)}`);
  console.error('electronegativity did not run:', error);
} finally {
  rmSync(staged, { recursive: true, force: true });
}

if (reportFile) {
  writeFileSync(reportFile, JSON.stringify({ passed, failed, findings }, null, 2));
}
process.exit(failed > 0 ? 1 : 0);
