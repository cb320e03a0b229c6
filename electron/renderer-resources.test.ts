/**
 * The renderer loads nothing from the network: every script, style, image and font comes from the app's own
 * files, so the CSP's 'self' is the whole story. A URL in user-visible text is fine; one a browser would fetch
 * is not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '..', 'renderer');

function shippedFiles(): string[] {
  return readdirSync(RENDERER, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|css|tsx?|svg)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !relative(RENDERER, path).split(/[\\/]/).some((part) => part === 'test' || part === 'node_modules'));
}

/** Places where a browser would fetch the URL: attributes, CSS url()/@import, fetch, sockets, workers. */
const FETCHED_REMOTELY = [
  /\b(?:src|href|action|poster|data|srcset)\s*=\s*["'{`]?\s*(?:https?:|ws:|wss:|\/\/)/i,
  /url\(\s*["']?\s*(?:https?:|\/\/)/i,
  /@import\s+(?:url\()?\s*["']?\s*(?:https?:|\/\/)/i,
  /\b(?:fetch|new\s+(?:WebSocket|EventSource|Worker))\s*\(\s*["'`](?:https?:|wss?:|\/\/)/i,
];

describe('the renderer', () => {
  it('has files to check', () => {
    expect(shippedFiles().some((f) => f.endsWith('index.html'))).toBe(true);
    expect(shippedFiles().filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(5);
  });

  it('names no remote resource to load', () => {
    const found = shippedFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, where: `${relative(RENDERER, file)}:${index + 1}` }))
        .filter(({ line }) => FETCHED_REMOTELY.some((pattern) => pattern.test(line))),
    );
    expect(found.map((f) => `${f.where}: ${f.line.trim()}`)).toEqual([]);
  });

  it('would be caught loading one', () => {
    const samples = ['<script src="https://cdn.example/x.js">', "background: url('http://evil/x.png')", "@import 'https://fonts.example/f.css';", "fetch('https://api.example/')"];
    for (const sample of samples) expect(FETCHED_REMOTELY.some((p) => p.test(sample)), sample).toBe(true);
  });
});
