/**
 * A small HTTP proxy on loopback for tests: it forwards plain `GET http://…` requests (how clients send http:
 * targets through a proxy) and tunnels `CONNECT host:port` (how they send https: ones), counts everything that
 * passes, and can require Basic credentials. It only ever connects to loopback addresses, so a test that
 * misroutes cannot reach the internet through it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';

export interface ProxyLogEntry {
  /** GET, PUT… for forwarded requests; CONNECT for tunnels. */
  method: string;
  /** host:port the proxy was asked to reach. */
  target: string;
  /** The Host header of a forwarded request: the name the client meant. */
  host?: string;
  /** 407 when credentials were missing or wrong; 502 when the target refused; 200 otherwise. */
  status: number;
}

export interface TestProxy {
  /** http://127.0.0.1:PORT, without credentials. */
  url: string;
  /** The URL with the credentials the proxy requires, when it requires some. */
  urlWithCredentials: string;
  port: number;
  requests(): ProxyLogEntry[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function splitTarget(target: string): { hostname: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
  if (!match) return undefined;
  return { hostname: match[1], port: Number(match[2]) };
}

function authorized(header: string | undefined, expected: string | undefined): boolean {
  return expected === undefined || header === `Basic ${expected}`;
}

export async function startProxy(options: { username?: string; password?: string } = {}): Promise<TestProxy> {
  const expected =
    options.username === undefined ? undefined : Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64');
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();

  function forward(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    const target = `${url.hostname}:${url.port || 80}`;
    const entry: ProxyLogEntry = { method: req.method ?? 'GET', target, host: req.headers.host, status: 200 };
    log.push(entry);
    if (!authorized(req.headers['proxy-authorization'], expected)) {
      entry.status = 407;
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    if (!LOOPBACK.has(url.hostname)) {
      entry.status = 502;
      res.writeHead(502).end('this test proxy reaches loopback only');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      { hostname: url.hostname, port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      entry.status = 502;
      // The upstream dropped the connection: do the same, so the client sees what it would have seen directly.
      res.socket?.destroy();
    });
    req.pipe(upstream);
  }

  const server: Server = createServer(forward);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const entry: ProxyLogEntry = { method: 'CONNECT', target, status: 200 };
    log.push(entry);
    const parts = splitTarget(target);
    if (!authorized(req.headers['proxy-authorization'], expected)) {
      entry.status = 407;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    if (!parts || !LOOPBACK.has(parts.hostname)) {
      entry.status = 502;
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(parts.port, parts.hostname.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      entry.status = 502;
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const credentials =
    options.username === undefined
      ? ''
      : `${encodeURIComponent(options.username)}:${encodeURIComponent(options.password ?? '')}@`;
  return {
    url,
    urlWithCredentials: `http://${credentials}127.0.0.1:${port}`,
    port,
    requests: () => log.map((entry) => ({ ...entry })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
