import { describe, expect, it } from 'vitest';
import { AppErrorException } from '@shared/errors';
import { withoutServerText } from './unverified-server';

const fromServer = (code: string, message: string) =>
  new AppErrorException({ kind: 'cos', code, cosMessage: message, status: 403, requestId: 'chosen-by-server', action: 'cos:GetService' });

describe('withoutServerText', () => {
  it('keeps a documented COS code and the status, and drops the server’s message and request id', () => {
    const error = withoutServerText(fromServer('SignatureDoesNotMatch', 'x'.repeat(500))) as AppErrorException;
    expect(error.error).toMatchObject({ kind: 'cos', code: 'SignatureDoesNotMatch', status: 403, action: 'cos:GetService' });
    expect(error.error.requestId).toBeUndefined();
    expect(JSON.stringify(error.error)).not.toContain('xxxx');
  });

  it('replaces a code of the server’s choosing', () => {
    const error = withoutServerText(fromServer('Port22IsOpen-secret-data', 'hello')) as AppErrorException;
    expect(error.error.code).toBe('UnverifiedServerError');
    expect(JSON.stringify(error.error)).not.toMatch(/Port22|hello/);
  });

  it('leaves the app’s own errors (network, validation) as they are', () => {
    const network = new AppErrorException({ kind: 'network', code: 'NetworkError', params: { reason: 'ECONNREFUSED' } });
    expect(withoutServerText(network)).toBe(network);
  });
});
