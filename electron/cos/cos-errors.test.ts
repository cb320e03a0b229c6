import { describe, expect, it } from 'vitest';
import { scrub, toAppError, type ErrorContext } from './cos-errors';

const SECRET_KEY = 'SecretKeyXyz0123456789abcdefABCD';
const TOKEN = 'TokenTokenToken-0123456789';
const context: ErrorContext = { action: 'cos:DeleteBucket', secrets: [SECRET_KEY, TOKEN], waitedMs: 15_000 };

/** What the SDK rejects with for an XML error body: an Error with the parsed body under `error`. */
function xmlError(code: string, message: string, statusCode: number): Error {
  return Object.assign(new Error(message), {
    code,
    statusCode,
    headers: { 'x-cos-request-id': 'header-request-id' },
    error: { Code: code, Message: message, Resource: 'b-1250000000.cos.ap-guangzhou.myqcloud.com/', RequestId: 'body-request-id', TraceId: 't' },
    RequestId: 'body-request-id',
  });
}

describe('toAppError', () => {
  it('maps an XML error body to a cos error with its code, status, COS’s own message, request id and action', () => {
    const error = toAppError(xmlError('BucketNotEmpty', 'The bucket you tried to delete is not empty.', 409), context);
    expect(error).toEqual({
      kind: 'cos',
      code: 'BucketNotEmpty',
      cosMessage: 'The bucket you tried to delete is not empty.',
      status: 409,
      requestId: 'body-request-id',
      action: 'cos:DeleteBucket',
    });
  });

  it('takes the request id from the header when the body has none', () => {
    const raw = xmlError('AccessDenied', 'Access Denied.', 403);
    delete (raw as unknown as { error: Record<string, unknown> }).error.RequestId;
    expect(toAppError(raw, context).requestId).toBe('header-request-id');
  });

  it('maps the plain object of a body-less HEAD answer to a cos error named after its status', () => {
    const raw = { statusCode: 403, code: '403', message: 'Forbidden', headers: { 'x-cos-request-id': 'head-id' }, RequestId: 'head-id' };
    expect(toAppError(raw, { ...context, action: 'cos:HeadBucket' })).toMatchObject({
      kind: 'cos',
      code: 'AccessDenied',
      status: 403,
      requestId: 'head-id',
      action: 'cos:HeadBucket',
    });
    expect(toAppError({ statusCode: 502, code: '502', message: 'Bad Gateway' }, context)).toMatchObject({
      kind: 'cos',
      code: 'Http502',
      status: 502,
    });
    // The HTTP reason phrase is not COS's message: nothing is shown as if COS had said it.
    expect(toAppError({ statusCode: 502, code: '502', message: 'Bad Gateway' }, context)).not.toHaveProperty('cosMessage');
  });

  it('maps the SDK client-side check to a validation error of its own code', () => {
    const raw = { code: 'Error', name: 'Error', message: 'Bucket should format as "test-1250000000".' };
    expect(toAppError(raw, context)).toEqual({ kind: 'validation', code: 'SdkRefusedInput', action: 'cos:DeleteBucket' });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND'])('maps the network error %s to a network error naming the system’s reason', (code) => {
    const raw = { code, name: code, message: `connect ${code} 127.0.0.1:9`, url: 'http://127.0.0.1:9/', method: 'GET' };
    expect(toAppError(raw, context)).toEqual({
      kind: 'network',
      code: 'NetworkError',
      params: { reason: code },
      action: 'cos:DeleteBucket',
    });
  });

  it('names an unfamiliar network error by its code, and a code of another shape not at all', () => {
    expect(toAppError({ code: 'EPROTO', message: 'write EPROTO' }, context).params).toEqual({ reason: 'EPROTO' });
    expect(toAppError({ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, context).params).toEqual({ reason: 'other' });
  });

  it.each(['ETIMEDOUT', 'ESOCKETTIMEDOUT'])('maps %s to a timeout that names how long the user waited', (code) => {
    expect(toAppError({ code, message: code }, { ...context, waitedMs: 2500 })).toEqual({
      kind: 'timeout',
      code: 'Timeout',
      params: { waitedMs: 2500 },
      action: 'cos:DeleteBucket',
    });
  });

  it('counts the tries when there were several, for any kind of failure', () => {
    expect(toAppError({ code: 'ETIMEDOUT' }, { ...context, waitedMs: 20_400, attempts: 2 })).toMatchObject({
      params: { waitedMs: 20_400 },
      attempts: 2,
    });
    expect(toAppError(xmlError('SlowDown', 'Please reduce your request rate.', 503), { ...context, attempts: 4 })).toMatchObject({
      code: 'SlowDown',
      status: 503,
      attempts: 4,
    });
    expect(toAppError({ code: 'ECONNRESET' }, { ...context, attempts: 1 })).not.toHaveProperty('attempts');
  });

  it('never copies the SecretKey or the token out of any shape', () => {
    const leaks = `key=${SECRET_KEY} token=${TOKEN}`;
    const shapes: unknown[] = [
      xmlError('SignatureDoesNotMatch', leaks, 403),
      Object.assign(xmlError(leaks, 'x', 400), {}),
      { statusCode: 500, code: '500', message: leaks, headers: { 'x-cos-request-id': leaks } },
      { code: 'Error', message: leaks },
      { code: 'EWHATEVER', message: leaks },
      { message: leaks },
      leaks,
    ];
    for (const shape of shapes) {
      const text = JSON.stringify(toAppError(shape, context));
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(TOKEN);
    }
    // What is copied (COS's message, code and request id) is copied scrubbed.
    expect(toAppError(shapes[0], context).cosMessage).toBe('key=[redacted] token=[redacted]');
    expect(toAppError(shapes[1], context).code).toBe('key=[redacted] token=[redacted]');
  });

  it('turns anything else into an internal error', () => {
    expect(toAppError(undefined, context)).toEqual({ kind: 'internal', code: 'InternalError', action: 'cos:DeleteBucket' });
  });
});

describe('scrub', () => {
  it('removes every occurrence and caps the length', () => {
    expect(scrub('a SECRET b SECRET', ['SECRET', undefined, ''])).toBe('a [redacted] b [redacted]');
    expect(scrub('x'.repeat(2000), []).length).toBe(501);
  });
});
