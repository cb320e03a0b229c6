import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { Readable } from 'node:stream';
import { decodeOrKeep } from './decode';
import { CosError, errorDocument } from './errors';
import type { CosRequest, CosResponse } from './exchange';
import { type FaultInjector, type FaultPlan, operationOf } from './faults';
import { hostName } from './hosts';
import { newRequestId, newTraceId } from './ids';
import { route } from './router';
import type { EmulatorState } from './state';
import type { EmulatorRequestLogEntry } from './types';

/**
 * Calls other than uploads carry an XML document: 1,000 keys of DELETE Multiple Objects or 10,000 parts of a
 * Complete stay well under this. Uploads are streamed to disk instead.
 */
const MAX_BODY_BYTES = 8 << 20;

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
    throw new CosError('InvalidArgument', 'XML request bodies over 8 MiB are refused.');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request target split into its %-encoded path and its query string. */
function splitUrl(url = '/'): { rawPath: string; search: string } {
  const q = url.indexOf('?');
  return q < 0 ? { rawPath: url, search: '' } : { rawPath: url.slice(0, q), search: url.slice(q + 1) };
}

/** PUT Object and Upload Part bodies are object bytes: handed on as a stream, never held in memory. */
function streamsBody(req: IncomingMessage, rawPath: string): boolean {
  return req.method === 'PUT' && rawPath !== '/' && req.headers['x-cos-copy-source'] === undefined;
}

/** What a client sees of a connection that dropped: the same error the socket would give. */
function connectionReset(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/** An upload body as the faults let it through: cut after some bytes, or with its first byte flipped. */
async function* faultyUpload(req: IncomingMessage, outcome: FaultPlan['outcome']): AsyncGenerator<Buffer> {
  let seen = 0;
  let flipped = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (outcome?.kind === 'cutRequest' && seen + chunk.length > (outcome.bytes ?? 0)) {
      const rest = (outcome.bytes ?? 0) - seen;
      if (rest > 0) yield chunk.subarray(0, rest);
      req.socket.destroy();
      throw connectionReset();
    }
    seen += chunk.length;
    if (outcome?.kind === 'corruptBody' && !flipped && chunk.length > 0) {
      flipped = true;
      const copy = Buffer.from(chunk);
      copy[0] ^= 0xff;
      yield copy;
    } else {
      yield chunk;
    }
  }
}

/** A download body as the faults let it out: cut after some bytes, or with its first byte flipped. */
function faultyDownload(outcome: NonNullable<FaultPlan['outcome']>, socket: { destroy(): void }) {
  let sent = 0;
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      if (outcome.kind === 'cutResponse' && sent + chunk.length > (outcome.bytes ?? 0)) {
        const rest = (outcome.bytes ?? 0) - sent;
        if (rest > 0) yield chunk.subarray(0, rest);
        // Let what was written reach the client before the connection goes.
        setImmediate(() => socket.destroy());
        return;
      }
      if (outcome.kind === 'corruptBody' && sent === 0 && chunk.length > 0) {
        const copy = Buffer.from(chunk);
        copy[0] ^= 0xff;
        sent += chunk.length;
        yield copy;
        continue;
      }
      sent += chunk.length;
      yield chunk;
    }
  };
}

async function readRequest(req: IncomingMessage, outcome?: FaultPlan['outcome']): Promise<CosRequest> {
  const { rawPath, search } = splitUrl(req.url);
  const upload = streamsBody(req, rawPath);
  const faulty = outcome?.kind === 'cutRequest' || outcome?.kind === 'corruptBody';
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
    body: upload ? '' : await readBody(req),
    ...(upload ? { upload: faulty ? faultyUpload(req, outcome) : (req as AsyncIterable<Buffer>) } : {}),
  };
}

function asCosError(error: unknown): CosError {
  if (error instanceof CosError) return error;
  console.error('[cos-emulator] internal error:', error);
  return new CosError('InternalError', 'The emulator failed to handle this request; see its standard error.');
}

/** The server's clock for this request: a clockSkew fault moves it, as a wrong client clock would look from here. */
const DEFAULT_SKEW_MS = -3_600_000;

function errorResponse(error: CosError, host: string, path: string, requestId: string): CosResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'content-type': 'application/xml' },
    body: errorDocument(error, { resource: hostName(host) + path, requestId, traceId: newTraceId() }),
  };
}

function planFor(req: IncomingMessage, faults: FaultInjector, state: EmulatorState): FaultPlan {
  const { rawPath, search } = splitUrl(req.url);
  const target = operationOf(req.method ?? 'GET', req.headers.host ?? '', rawPath, search, state.domains, req.headers);
  return target ? faults.plan(target.operation, target.bucket) : { latencyMs: 0 };
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  log: EmulatorRequestLogEntry[],
  faults: FaultInjector,
): Promise<void> {
  const requestId = newRequestId();
  const host = req.headers.host ?? '';
  const path = splitUrl(req.url).rawPath;
  const { gates, latencyMs, outcome } = planFor(req, faults, state);
  const entry = (status: number, extra: Partial<EmulatorRequestLogEntry> = {}) =>
    log.push({ method: req.method ?? '', host, path, status, ...(gates ? { held: 'released' } : {}), ...extra });

  if (gates) {
    // Held until the test releases it. A client that gives up meanwhile has closed the connection: nothing to answer.
    const ends = await Promise.all(gates.map((gate) => gate.hold((onClose) => res.once('close', onClose)).outcome));
    if (ends.includes('closed')) {
      entry(0, { held: 'closed' });
      return;
    }
  }
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  const fault = outcome ? { fault: outcome.kind } : {};
  if (outcome?.kind === 'hang') {
    // Never answered; the client's timeout, or the emulator's close(), ends the connection.
    entry(0, fault);
    return;
  }
  if (outcome?.kind === 'resetBefore') {
    entry(0, fault);
    req.socket.destroy();
    return;
  }

  let response: CosResponse;
  let code: string | undefined;
  if (outcome?.kind === 'status') {
    const error =
      outcome.status === 500
        ? new CosError('InternalError', 'We encountered an internal error. Please try again.')
        : new CosError('SlowDown', 'Please reduce your request rate.');
    code = error.code;
    response = errorResponse(error, host, path, requestId);
  } else {
    const skewMs = outcome?.kind === 'clockSkew' ? (outcome.skewMs ?? DEFAULT_SKEW_MS) : 0;
    const now = Date.now() + skewMs;
    if (skewMs !== 0) {
      if (outcome?.sendDate === false) res.sendDate = false;
      else res.setHeader('date', new Date(now).toUTCString());
    }
    try {
      response = await route(await readRequest(req, outcome), state, now);
    } catch (thrown) {
      // The client closed the connection while sending (a cancelled upload, say): nobody is left to answer.
      if ((req.destroyed || req.socket.destroyed) && !res.headersSent && (thrown as { code?: unknown })?.code === 'ECONNRESET') {
        entry(0, fault);
        return;
      }
      const error = asCosError(thrown);
      code = error.code;
      response = errorResponse(error, host, path, requestId);
    }
  }

  if (outcome?.kind === 'resetAfter') {
    // The request took effect; only its answer is lost.
    entry(0, { ...fault, ...(code ? { code } : {}) });
    req.socket.destroy();
    return;
  }
  entry(response.status, { ...(code ? { code } : {}), ...fault });
  const head = {
    server: 'tencent-cos',
    'x-cos-request-id': requestId,
    ...response.headers,
  };
  if (response.stream && req.method !== 'HEAD') {
    // Object bytes, streamed from disk; a read that fails midway can only cut the connection.
    res.writeHead(response.status, head);
    const body = response.stream().on('error', () => req.socket.destroy());
    if (outcome?.kind === 'cutResponse' || outcome?.kind === 'corruptBody') {
      Readable.from(faultyDownload(outcome, req.socket)(body)).pipe(res);
    } else {
      body.pipe(res);
    }
    return;
  }
  // HEAD answers carry no body, errors included: callers see only the status (and HEAD Object its Content-Length).
  let body = req.method === 'HEAD' ? '' : (response.body ?? '');
  if (outcome?.kind === 'truncatedXml') body = body.slice(0, Math.floor(body.length / 2));
  if (outcome?.kind === 'cutResponse' && req.method !== 'HEAD') {
    // The headers promise the whole body; the connection goes after the first `bytes` of it.
    res.writeHead(response.status, { ...head, 'content-length': Buffer.byteLength(body) });
    res.write(Buffer.from(body).subarray(0, outcome.bytes ?? 0), () => req.socket.destroy());
    return;
  }
  res.writeHead(response.status, {
    ...head,
    'content-length': req.method === 'HEAD' && response.headers?.['content-length'] ? response.headers['content-length'] : Buffer.byteLength(body),
  });
  res.end(body);
}

export function createCosServer(state: EmulatorState, log: EmulatorRequestLogEntry[], faults: FaultInjector): Server {
  return createServer((req, res) => {
    void respond(req, res, state, log, faults);
  });
}
