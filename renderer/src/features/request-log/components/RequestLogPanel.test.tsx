import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '@shared/contract';
import { AppErrorException } from '@shared/errors';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { renderWithCos } from '@renderer/test/render';
import { RequestLogContext } from '../request-log-context';
import { RequestLogPanel } from './RequestLogPanel';

function entry(id: number, fields: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    id,
    time: '2026-01-01T08:00:00.000Z',
    profile: 'Studio',
    profileId: 'p1',
    method: 'GET',
    host: 'service.cos.myqcloud.com',
    path: '/',
    query: 'max-keys=2000',
    status: 200,
    requestId: `req-${id}`,
    durationMs: 12,
    tries: 1,
    bytesSent: 0,
    bytesReceived: 2048,
    pending: false,
    ...fields,
  };
}

const LOG = [
  entry(0),
  entry(1, { method: 'HEAD', host: 'photos-1250000000.cos.ap-guangzhou.myqcloud.com', status: 403, requestId: 'req-denied', bytesReceived: 0 }),
  entry(2, { status: undefined, networkError: 'ETIMEDOUT', requestId: undefined, tries: 2 }),
  ...Array.from({ length: 250 }, (_, i) => entry(3 + i, { path: `/page-${3 + i}` })),
];

describe('RequestLogPanel', () => {
  it('shows the newest first, a page at a time, with older pages on demand', async () => {
    const { user } = renderWithCos(<RequestLogPanel onClose={() => {}} />, { requestLog: LOG });
    const table = await screen.findByRole('table', { name: 'Requests' });
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(200);
    expect(rows()[0].textContent).toContain('/page-252');
    await user.click(screen.getByRole('button', { name: 'Load older requests' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(LOG.length));
    expect(rows().at(-1)!.textContent).toContain('service.cos.myqcloud.com/?max-keys=2000');
    expect(screen.queryByRole('button', { name: 'Load older requests' })).toBeNull();
  });

  it('filters errors only and by text, and says when nothing matches', async () => {
    const { user } = renderWithCos(<RequestLogPanel onClose={() => {}} />, { requestLog: LOG });
    const region = await screen.findByRole('region', { name: 'Request log' });
    await user.click(within(region).getByRole('checkbox', { name: 'Errors only' }));
    await vi.waitFor(() => expect(within(region).getAllByRole('row')).toHaveLength(3));
    expect(region.textContent).toContain('no answer (ETIMEDOUT)');
    await user.type(within(region).getByRole('searchbox', { name: 'Filter requests' }), 'req-denied');
    await vi.waitFor(() => expect(within(region).getAllByRole('row')).toHaveLength(2));
    await user.type(within(region).getByRole('searchbox', { name: 'Filter requests' }), '-nothing');
    expect(await within(region).findByText('No request matches these filters.')).toBeTruthy();
  });

  it('opened for a request id, shows that entry marked', async () => {
    renderWithCos(<RequestLogPanel focus="req-denied" onClose={() => {}} />, { requestLog: LOG });
    expect(await screen.findByRole('searchbox', { name: 'Filter requests' })).toHaveProperty('value', 'req-denied');
    const table = await screen.findByRole('table', { name: 'Requests' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(row.textContent).toContain('403');
  });
});

describe('an error’s link to the request log', () => {
  it('opens the log at the error’s request id, where a log can be opened', async () => {
    const open = vi.fn();
    const error = new AppErrorException({ kind: 'cos', code: 'NoSuchBucket', status: 404, requestId: 'req-7' });
    const { user } = renderWithCos(
      <RequestLogContext value={open}>
        <ErrorDetails error={error} />
      </RequestLogContext>,
    );
    await user.click(screen.getByRole('button', { name: 'Show in request log' }));
    expect(open).toHaveBeenCalledWith('req-7');
  });

  it('is not offered where no log can be opened', () => {
    renderWithCos(<ErrorDetails error={new AppErrorException({ kind: 'cos', code: 'NoSuchBucket', status: 404, requestId: 'req-7' })} />);
    expect(screen.queryByRole('button', { name: 'Show in request log' })).toBeNull();
  });
});
