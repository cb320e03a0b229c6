/**
 * `npm run demo`: the local COS emulator with sample buckets, and COS Desk signed in to it.
 * Opens the Electron app where an Electron binary exists; elsewhere serves the same renderer and handlers
 * to a browser on loopback, and says so.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createMainProcess } from '@main/app-services';
import { DENY_ALL, allowing, hostPort } from '@main/cos/route-consent';
import { bridgeScript, createBridgeToken, isBridgeCallAllowed } from './demo-bridge';
import { channelOf } from '@shared/contract';
import { startEmulator, type EmulatorSeed } from '../e2e/emulator';
import { PROJECT_ROOT } from '../e2e/harness';
import { findElectronBinary } from '../e2e/support/electron-binary';
import { createTestCipher } from '../e2e/support/test-cipher';
import { RENDERER_CSP } from '../e2e/support/static-server';

const seed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'e2e/emulator/demo-seed.json'), 'utf8')) as EmulatorSeed;
const emulator = await startEmulator({ seed });
const account = emulator.accounts[0];
console.log(`COS emulator listening on ${emulator.endpoint} (SecretId ${account.secretId})`);

execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
const userData = mkdtempSync(join(tmpdir(), 'cos-desk-demo-'));
const cleanup = async () => {
  await emulator.close();
  rmSync(userData, { recursive: true, force: true });
};

const binary = findElectronBinary(PROJECT_ROOT);
if ('path' in binary) {
  const app = spawn(binary.path, [PROJECT_ROOT, `--user-data-dir=${userData}`], {
    stdio: 'inherit',
    env: {
      ...process.env,
      COS_DESK_DEMO: JSON.stringify({ endpoint: emulator.address, secretId: account.secretId, secretKey: account.secretKey }),
    },
  });
  app.on('exit', async (code) => {
    await cleanup();
    process.exit(code ?? 0);
  });
} else {
  console.log(`Electron cannot start here (${binary.missing}); serving the app to a browser instead.`);
  await serveBrowserDemo();
}

/** The built renderer and preload over loopback, the preload's IPC carried by same-origin POSTs. */
async function serveBrowserDemo(): Promise<void> {
  const main = createMainProcess({
    settings: new Conf({ cwd: userData, configName: 'settings', projectName: 'cos-desk' }),
    secretSettings: new Conf({ cwd: userData, configName: 'secrets', projectName: 'cos-desk' }),
    // Demo keys are kept in memory only, as on a machine without an OS keychain.
    cipher: createTestCipher({ available: false }),
    // Only the demo's own emulator: whatever the page asks, no request goes anywhere else.
    routeConsent: allowing([hostPort(emulator.address, 80)], DENY_ALL),
    isTrustedSender: (sender) => sender.isMainFrame && new URL(sender.url).origin === origin,
  });
  const preload = readFileSync(join(PROJECT_ROOT, 'out/preload/preload.cjs'), 'utf8');
  const token = createBridgeToken();
  const bridge = bridgeScript(preload, token);
  const rendererDir = join(PROJECT_ROOT, 'out/renderer');
  let origin = '';
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    if (req.method === 'POST' && path === '/__ipc') {
      if (!isBridgeCallAllowed(req.headers, { origin, token })) return void res.writeHead(403).end();
      let call: { channel: string; input: unknown; callId?: unknown };
      try {
        call = JSON.parse(await body(req)) as { channel: string; input: unknown; callId?: unknown };
      } catch {
        return void res.writeHead(400).end();
      }
      const { channel, input, callId } = call;
      const sender = { url: `${origin}/`, isMainFrame: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await main.registry.invoke(channel, sender, input, callId)));
      return;
    }
    if (path === '/__bridge.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bridge);
      return;
    }
    const file = path === '/' || path === '/index.html' ? 'index.html' : path.slice(1);
    if (file.includes('..')) return void res.writeHead(404).end();
    try {
      let content: string | Buffer = readFileSync(join(rendererDir, file));
      if (file === 'index.html') content = content.toString().replace('<head>', '<head><script src="/__bridge.js"></script>');
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-security-policy': RENDERER_CSP }).end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const signedIn = await main.registry.invoke(channelOf('signIn'), { url: `${origin}/`, isMainFrame: true }, {
    secretId: account.secretId,
    secretKey: account.secretKey,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
  });
  if (!signedIn.ok) throw new Error(`demo sign-in failed: ${signedIn.error.code}`);
  console.log(`COS Desk demo: open ${origin}/ in a browser. Ctrl+C stops it.`);
  process.on('SIGINT', async () => {
    server.close();
    await cleanup();
    process.exit(0);
  });
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}
