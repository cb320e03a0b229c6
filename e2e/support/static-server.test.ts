import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_PATH, RENDERER_CSP, serveRenderer } from './static-server';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function serve(takeAnswer?: (token: string) => string | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'cos-desk-static-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>COS Desk</title>');
  const server = await serveRenderer(root, takeAnswer);
  closers.push(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });
  return server.origin;
}

describe('the harness’s renderer server', () => {
  it('serves the built page with the app’s content security policy, and a 404 for a file it does not have', async () => {
    const origin = await serve();
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await page.text()).toContain('<title>COS Desk</title>');
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
  });

  it('hands out an answer once by its token, as JSON that no cache keeps', async () => {
    const answers = new Map([['a1', '{"ok":true,"data":[1,2]}']]);
    const origin = await serve((token) => {
      const answer = answers.get(token);
      answers.delete(token);
      return answer;
    });
    const first = await fetch(`${origin}${ANSWER_PATH}a1`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ ok: true, data: [1, 2] });
    expect((await fetch(`${origin}${ANSWER_PATH}a1`)).status).toBe(404);
    expect((await fetch(`${origin}${ANSWER_PATH}unknown`)).status).toBe(404);
  });

  it('has no answers to give when the harness keeps none', async () => {
    const origin = await serve();
    expect((await fetch(`${origin}${ANSWER_PATH}a1`)).status).toBe(404);
  });
});
