import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppErrorException, type AppError } from '@shared/errors';
import { ErrorDetails } from './ErrorDetails';

const showError = (error: AppError, title?: string) =>
  render(<ErrorDetails error={new AppErrorException(error)} title={title} />);

describe('ErrorDetails', () => {
  it('shows the code, HTTP status, COS’s own message (as COS’s) and request id of a COS error, with its hint', () => {
    showError({
      kind: 'cos',
      code: 'RequestTimeTooSkewed',
      status: 403,
      cosMessage: 'The difference between the request time and the server time is too large.',
      requestId: 'NjVmYjA1ZV8yNDg4',
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('COS refused the request.');
    expect(alert.textContent).toContain('RequestTimeTooSkewed');
    expect(alert.textContent).toContain('403');
    expect(alert.textContent).toContain('Message from COSThe difference between the request time');
    expect(alert.textContent).toContain('Fix the system clock');
    expect(screen.getByText('NjVmYjA1ZV8yNDg4')).toBeTruthy();
  });

  it('tells an expired signature (a clock problem) apart from a missing permission', () => {
    showError({ kind: 'cos', code: 'AccessDenied', status: 403, cosMessage: 'Request has expired', action: 'cos:GetService' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Fix the system clock');
    expect(alert.textContent).not.toContain('lacks permission');
  });

  it('says how many times the main process tried', () => {
    showError({ kind: 'cos', code: 'SlowDown', status: 503, cosMessage: 'Please reduce your request rate.', attempts: 4 });
    expect(screen.getByRole('alert').textContent).toContain('tried 4 times');
  });

  it.each([
    ['BucketStillThere', 'Nothing was deleted.'],
    ['OutcomeUnknown', 'Refresh the list'],
    ['MalformedResponse', 'cut short'],
    ['BucketAlreadyOwnedByYou', 'You already own a bucket with this name.'],
    ['InvalidBucketName', 'use lowercase letters, digits and hyphens'],
    ['BucketNameTooLong', 'must be at most 60 characters'],
    ['InvalidRegionName', 'COS does not know this region'],
    ['MultiAZFeatureNotSupport', 'Multi-AZ is not offered in this region'],
    ['NoSuchBucket', 'No bucket with this name exists in this region'],
    ['ExpiredToken', 'The temporary key has expired'],
  ])('explains %s', (code, hint) => {
    showError({ kind: 'cos', code, status: 400, cosMessage: code });
    expect(screen.getByRole('alert').textContent).toContain(hint);
  });

  it('tells COS’s own InternalError apart from a failure inside COS Desk', () => {
    showError({ kind: 'cos', code: 'InternalError', status: 500, cosMessage: 'We encountered an internal error.' });
    const alert = screen.getByRole('alert').textContent;
    expect(alert).toContain('COS had an internal error. Wait a moment, then try again.');
    expect(alert).not.toContain('inside COS Desk');
  });

  it('names the CAM action of an AccessDenied', () => {
    showError({ kind: 'cos', code: 'AccessDenied', status: 403, cosMessage: 'Access Denied.', action: 'cos:DeleteBucket' });
    expect(screen.getByRole('alert').textContent).toContain('Your key lacks permission cos:DeleteBucket');
  });

  it('says in words that COS could not be reached, or did not answer in time', () => {
    const { unmount } = showError({ kind: 'network', code: 'NetworkError', params: { reason: 'ECONNREFUSED' } });
    expect(screen.getByRole('alert').textContent).toContain('Could not reach COS: the connection was refused (ECONNREFUSED).');
    expect(screen.getByRole('alert').textContent).toContain('Could not reach COS: check your network or proxy.');
    unmount();

    showError({ kind: 'timeout', code: 'Timeout', params: { waitedMs: 30_000 } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('COS did not answer in time.');
    expect(alert.textContent).toContain('No answer from COS within 30 s.');
  });

  it('lists the issues of a validation error', () => {
    showError({
      kind: 'validation',
      code: 'ValidationError',
      params: { call: 'createBucket' },
      issues: [
        { path: 'name', rule: 'bucket.name.charset' },
        { path: 'grantRead', rule: 'too_big', limit: 50 },
      ],
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Some values were not accepted.');
    expect(alert.textContent).toContain('The createBucket request was not accepted.');
    const [rule, limit] = screen.getAllByRole('listitem');
    expect(rule.textContent).toContain('name Use lowercase letters, digits and hyphens only.');
    expect(limit.textContent).toContain('grantRead At most 50.');
  });

  it('puts the main process’s codes into words with their values', () => {
    showError({ kind: 'session', code: 'KeysNeeded', params: { profile: 'Work' } });
    expect(screen.getByRole('alert').textContent).toContain('The keys of profile “Work” are not saved on this computer: type them again.');
  });

  it('explains an unexpected error without a code from COS', () => {
    render(<ErrorDetails error={new Error('boom')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong inside COS Desk.');
    expect(alert.textContent).toContain('InternalError');
    expect(alert.textContent).toContain('boom');
  });

  it('copies the request id', async () => {
    const user = userEvent.setup();
    showError({ kind: 'cos', code: 'NoSuchBucket', status: 404, requestId: 'req-123' });
    await user.click(screen.getByRole('button', { name: 'Copy request ID' }));
    expect(await navigator.clipboard.readText()).toBe('req-123');
    expect(screen.getByText('Copied')).toBeTruthy();
  });

  it('selects the request id for Ctrl+C when the clipboard is refused', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    showError({ kind: 'cos', code: 'NoSuchBucket', status: 404, requestId: 'req-456' });

    await user.click(screen.getByRole('button', { name: 'Copy request ID' }));
    expect(await screen.findByText(/Could not copy: the ID is selected/)).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe('req-456');
    vi.restoreAllMocks();
  });
});

describe('Which permission?', () => {
  it('names the CAM action and resource of an AccessDenied, with a policy granting just that', () => {
    showError({
      kind: 'cos',
      code: 'AccessDenied',
      status: 403,
      action: 'cos:PutObject',
      resource: 'qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/*',
      requestId: 'r1',
    });
    const help = screen.getByRole('region', { name: 'Which permission?' });
    expect(help.textContent).toContain('name/cos:PutObject');
    expect(JSON.parse(screen.getByLabelText('A policy that grants just this').textContent!)).toEqual({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['name/cos:PutObject'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/*'] }],
    });
    expect(screen.getByRole('button', { name: 'Copy policy' })).toBeTruthy();
    expect(help.textContent).not.toContain('temporary key');
  });

  it('names * for GET Service, and says a temporary key’s token may be what refuses', () => {
    showError({ kind: 'cos', code: 'AccessDenied', status: 403, action: 'cos:GetService', resource: '*', temporaryKey: true });
    const help = screen.getByRole('region', { name: 'Which permission?' });
    expect(help.textContent).toContain('name/cos:GetService');
    expect(help.textContent).toContain('the policy its token was issued with may be what refuses');
  });

  it('is not shown for a clock refusal', () => {
    showError({ kind: 'cos', code: 'AccessDenied', status: 403, cosMessage: 'Request has expired', action: 'cos:GetService' });
    expect(screen.queryByRole('region', { name: 'Which permission?' })).toBeNull();
  });
});
