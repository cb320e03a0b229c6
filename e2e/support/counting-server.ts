/** A local HTTP server that stands for a host of the attacker's choosing: it counts every request that reaches it. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingServer {
  /** host:port, as an endpoint field takes it. */
  address: string;
  port: number;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    res.writeHead(403, { 'content-type': 'application/xml', 'x-cos-request-id': 'attacker-data' });
    res.end('<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>attacker-data</Message></Error>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
