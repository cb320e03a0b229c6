import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { decodeOrKeep } from './decode';
import { CosError, errorDocument } from './errors';
import type { CosRequest, CosResponse } from './exchange';
import { hostName } from './hosts';
import { newRequestId, newTraceId } from './ids';
import { route } from './router';
import type { EmulatorState } from './state';
import type { EmulatorRequestLogEntry } from './types';

/** Bucket operations carry at most a small XML document; anything larger is an object upload we do not model. */
const MAX_BODY_BYTES = 1 << 20;

function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeOrKeep(eq < 0 ? pair : pair.slice(0, eq));
    if (!query.has(name)) query.set(name, eq < 0 ? '' : decodeOrKeep(pair.slice(eq + 1)));
  }
  return query;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) {
    throw new CosError('InvalidArgument', 'Request bodies over 1 MiB are refused: the emulator models no object uploads.');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request target split into its %-encoded path and its query string. */
function splitUrl(url = '/'): { rawPath: string; search: string } {
  const q = url.indexOf('?');
  return q < 0 ? { rawPath: url, search: '' } : { rawPath: url.slice(0, q), search: url.slice(q + 1) };
}

async function readRequest(req: IncomingMessage): Promise<CosRequest> {
  const { rawPath, search } = splitUrl(req.url);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: req.method ?? 'GET',
    host: req.headers.host ?? '',
    rawPath,
    path: decodeOrKeep(rawPath),
    query: parseQuery(search),
    headers,
    body: await readBody(req),
  };
}

function asCosError(error: unknown): CosError {
  if (error instanceof CosError) return error;
  console.error('[cos-emulator] internal error:', error);
  return new CosError('InternalError', 'The emulator failed to handle this request; see its standard error.');
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  log: EmulatorRequestLogEntry[],
): Promise<void> {
  const requestId = newRequestId();
  const host = req.headers.host ?? '';
  const path = splitUrl(req.url).rawPath;
  let response: CosResponse;
  let code: string | undefined;
  try {
    response = route(await readRequest(req), state);
  } catch (thrown) {
    const error = asCosError(thrown);
    code = error.code;
    response = {
      status: error.status,
      headers: { 'content-type': 'application/xml' },
      body: errorDocument(error, { resource: hostName(host) + path, requestId, traceId: newTraceId() }),
    };
  }
  log.push({ method: req.method ?? '', host, path, status: response.status, ...(code ? { code } : {}) });
  // HEAD answers carry no body, errors included: callers see only the status.
  const body = req.method === 'HEAD' ? '' : (response.body ?? '');
  res.writeHead(response.status, {
    server: 'tencent-cos',
    'x-cos-request-id': requestId,
    ...response.headers,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function createCosServer(state: EmulatorState, log: EmulatorRequestLogEntry[]): Server {
  return createServer((req, res) => {
    void respond(req, res, state, log);
  });
}
