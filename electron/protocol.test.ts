import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock, electronModule } from './testing/electron-mock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./testing/electron-mock');
  electron.mock = create();
  return electronModule(electron.mock);
});

const { CONTENT_SECURITY_POLICY, registerAppScheme, resolveAppAsset, serveRenderer } = await import('./protocol');

const root = mkdtempSync(join(tmpdir(), 'cos-desk-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>COS Desk</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppAsset', () => {
  it.each([
    ['app://cos-desk/index.html', 'index.html'],
    ['app://cos-desk/', 'index.html'],
    ['app://cos-desk/assets/app.js?v=1#x', 'assets/app.js'],
    ['app://cos-desk/assets/../index.html', 'index.html'],
    ['app://cos-desk/assets/%61pp.js', 'assets/app.js'],
  ])('maps %s inside the renderer folder', (url, file) => {
    expect(resolveAppAsset(root, url)).toBe(join(root, file));
  });

  // The URL parser already folds `..` and `%2e%2e` segments into the root; what it leaves encoded is refused.
  it.each([
    ['app://cos-desk/../cos-desk-outside.txt', 'cos-desk-outside.txt'],
    ['app://cos-desk/%2e%2e/cos-desk-outside.txt', 'cos-desk-outside.txt'],
    ['app://cos-desk/%2E%2E/%2E%2E/etc/passwd', 'etc/passwd'],
    ['app://cos-desk//etc/passwd', 'etc/passwd'],
    ['app://cos-desk/%2Fetc%2Fpasswd', 'etc/passwd'],
    ['app://cos-desk/assets/..%2findex.html', 'index.html'],
    ['app://cos-desk/..%2f..%2fetc%2fpasswd', null],
    ['app://cos-desk/assets/..%2F..%2F..%2Fetc/passwd', null],
    ['app://cos-desk/..%5c..%5cwindows%5cwin.ini', null],
    ['app://cos-desk/index.html%00.js', null],
    ['app://cos-desk/%E0%A4%A', null],
    ['app://evil/index.html', null],
    ['app://cos-desk.evil/index.html', null],
    ['app://cos-desk:99/index.html', null],
    ['app://x@cos-desk/index.html', null],
    ['file:///etc/passwd', null],
    ['https://cos-desk/index.html', null],
    ['not a url', null],
  ])('never leaves the folder: %s', (url, inside) => {
    expect(resolveAppAsset(root, url)).toBe(inside === null ? null : join(root, inside));
  });
});

describe('the app scheme', () => {
  it('is registered as standard and secure before ready', () => {
    registerAppScheme();
    expect(electron.mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves renderer files with the CSP and 404s everything else', async () => {
    serveRenderer(root);
    const [scheme, handler] = electron.mock.protocol.handle.mock.calls[0] as unknown as [string, (r: { url: string }) => Promise<Response>];
    expect(scheme).toBe('app');

    const page = await handler({ url: 'app://cos-desk/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('COS Desk');

    expect((await handler({ url: 'app://cos-desk/assets/app.js' })).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler({ url: 'app://cos-desk/..%2f..%2fetc%2fpasswd' })).status).toBe(404);
    expect((await handler({ url: 'app://cos-desk/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://cos-desk/assets/' })).status).toBe(404);
  });

  it("has a CSP that allows only the app's own scripts, styles and connections", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});
