/**
 * The request log on disk, one JSON line per request: `requests.log`, and when it passes `maxBytes` it becomes
 * `requests.1.log` (the older ones move up to `requests.<files-1>.log`, the oldest dropped), so the folder never
 * holds more than `files × maxBytes` or so. Lines are written synchronously: a request logged just before a
 * crash is on disk.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'requests';
export const DEFAULT_LOG_FILE_BYTES = 1_000_000;
export const DEFAULT_LOG_FILES = 3;

export interface LogFileOptions {
  folder: string;
  maxBytes?: number;
  /** The current file and its older copies, together. */
  files?: number;
}

export interface LogFile {
  write(line: string): void;
  readonly folder: string;
}

export function logFilePath(folder: string, index = 0): string {
  return join(folder, index === 0 ? `${LOG_FILE_NAME}.log` : `${LOG_FILE_NAME}.${index}.log`);
}

export function openLogFile({ folder, maxBytes = DEFAULT_LOG_FILE_BYTES, files = DEFAULT_LOG_FILES }: LogFileOptions): LogFile {
  mkdirSync(folder, { recursive: true });
  const current = logFilePath(folder);
  let size = existsSync(current) ? statSync(current).size : 0;

  function rotate(): void {
    rmSync(logFilePath(folder, files - 1), { force: true });
    for (let index = files - 2; index >= 0; index -= 1) {
      const from = logFilePath(folder, index);
      if (existsSync(from)) renameSync(from, logFilePath(folder, index + 1));
    }
    size = 0;
  }

  return {
    folder,
    write(line) {
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxBytes) {
        if (files > 1) rotate();
        else {
          rmSync(current, { force: true });
          size = 0;
        }
      }
      appendFileSync(current, `${line}\n`, { mode: 0o600 });
      size += bytes;
    },
  };
}
