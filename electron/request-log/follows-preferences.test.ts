/** The request log follows the Settings dialog: its size and its file, as the user sets them through the contract. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedMainProcess } from '../../e2e/support/main-process';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the request log and the preferences', () => {
  it('takes its size and file switch from the kept preferences at start and after every change', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cos-desk-log-prefs-'));
    const logFolder = join(dir, 'logs');
    const first = scriptedMainProcess('127.0.0.1:9', dir, { requestLog: { logFolder } });
    expect(first.main.requestLog.settings).toEqual({ size: 5000, fileLogging: false });

    const answer = await first.call('setPreferences', { requestLogSize: 200, fileLogging: true });
    expect(answer.ok).toBe(true);
    expect(first.main.requestLog.settings).toEqual({ size: 200, fileLogging: true });
    expect(existsSync(logFolder)).toBe(true);

    // The next start reads them back.
    const second = scriptedMainProcess('127.0.0.1:9', dir, { requestLog: { logFolder } });
    expect(second.main.requestLog.settings).toEqual({ size: 200, fileLogging: true });
    await second.call('setPreferences', { fileLogging: false });
    expect(second.main.requestLog.settings).toEqual({ size: 200, fileLogging: false });
  });

  it('keeps the file on when the app was started with COS_DESK_LOG=debug, whatever the switch says', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cos-desk-log-prefs-'));
    const { main, call } = scriptedMainProcess('127.0.0.1:9', dir, { requestLog: { fileLogging: true, logFolder: join(dir, 'logs') } });
    await call('setPreferences', { fileLogging: false, requestLogSize: 300 });
    expect(main.requestLog.settings).toEqual({ size: 300, fileLogging: true });
  });
});
