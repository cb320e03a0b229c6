/** The static scan must fail on a real misconfiguration, and accept one justified inline. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, 'security-scan.ts');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(windowSource: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-scan-fixture-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'electron'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.5.0' } }));
  writeFileSync(
    join(dir, 'renderer', 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'"></head><body></body></html>`,
  );
  writeFileSync(join(dir, 'electron', 'window.ts'), windowSource);
  return dir;
}

async function scan(dir: string) {
  const report = join(dir, 'report.json');
  const outcome = await run('node', ['--import', 'tsx', SCRIPT, report, dir]).then(
    () => 0,
    (error: { code?: number }) => error.code ?? 1,
  );
  return { exitCode: outcome, report: JSON.parse(readFileSync(report, 'utf8')) as { passed: number; failed: number; findings: string[] } };
}

const HARDENED = `import { BrowserWindow, session } from 'electron';
export const w = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
w.webContents.on('will-navigate', (event) => event.preventDefault());
w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
`;

describe('security-scan', () => {
  it('fails on a window with Node integration and no isolation, naming the checks', async () => {
    const { exitCode, report } = await scan(
      project(`import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`),
    );
    expect(exitCode).toBe(1);
    expect(report.passed).toBe(0);
    const findings = report.findings.join('\n');
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(findings).toContain(check);
    }
  }, 60_000);

  it('passes a hardened window, and a finding justified inline with eng-disable', async () => {
    const justified = `${HARDENED}import { shell } from 'electron';
export function open(url: string) {
  // Only allow-listed https URLs get here.
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
`;
    const { exitCode, report } = await scan(project(justified));
    expect(report).toMatchObject({ passed: 1, failed: 0 });
    expect(exitCode).toBe(0);
  }, 60_000);
});
