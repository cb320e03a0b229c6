import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** The same policy the app's protocol handler sends, so the browser enforces what Electron would. */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Where the harness's preload fetches an answer it was handed a token for (see harness.ts). */
export const ANSWER_PATH = '/__answer/';

/**
 * Serves the built renderer over loopback, the way the app:// protocol serves it inside Electron. `takeAnswer`, when
 * given, hands out the text of an IPC answer once by its token, under ANSWER_PATH.
 */
export async function serveRenderer(
  rootDir: string,
  takeAnswer?: (token: string) => string | undefined,
): Promise<{ origin: string; close(): Promise<void> }> {
  const root = resolve(rootDir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    if (takeAnswer && pathname.startsWith(ANSWER_PATH)) {
      const answer = takeAnswer(pathname.slice(ANSWER_PATH.length));
      if (answer === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(answer);
      return;
    }
    const file = resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    const inside = file === root || file.startsWith(root + sep);
    const stat = inside ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('renderer server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
