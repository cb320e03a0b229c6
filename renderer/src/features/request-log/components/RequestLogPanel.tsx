import { useEffect, useId, useRef, useState } from 'react';
import type { RequestLogEntry } from '@shared/contract';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { RequestId } from '@renderer/components/RequestId';
import { messages as m } from '@renderer/i18n';
import { useRequestLog } from '../api/use-request-log';
import { exportEntries } from '../export-entries';

const t = m.requestLog;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });

function statusText(entry: RequestLogEntry): string {
  if (entry.status !== undefined) return String(entry.status);
  if (entry.networkError) return t.noAnswer(entry.networkError);
  return entry.pending ? t.pending : '—';
}

function isError(entry: RequestLogEntry): boolean {
  return !entry.pending && (entry.status === undefined || entry.status >= 400);
}

function requestText(entry: RequestLogEntry): string {
  return `${entry.method} ${entry.host}${entry.path}${entry.query ? `?${entry.query}` : ''}`;
}

interface RequestLogPanelProps {
  /** A request id to show: the panel opens filtered to it, its entry marked. */
  focus?: string;
  onClose: () => void;
}

/** The request log as a drawer at the bottom of the window: newest first, filtered, exportable. */
export function RequestLogPanel({ focus, onClose }: RequestLogPanelProps) {
  const [text, setText] = useState(focus ?? '');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const log = useRequestLog(errorsOnly, text);
  const titleId = useId();
  const filterRef = useRef<HTMLInputElement>(null);
  const focusedRow = useRef<HTMLTableRowElement>(null);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const latest = log.data?.pages[0];

  // Opened for one request: the filter shows its id; opened from the header, the filter takes the focus.
  useEffect(() => {
    setText(focus ?? '');
    if (!focus) filterRef.current?.focus();
  }, [focus]);
  const focusFound = focus !== undefined && entries.some((e) => e.requestId === focus);
  useEffect(() => {
    if (focusFound) focusedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focusFound]);

  return (
    <section className="request-log" aria-labelledby={titleId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="request-log__bar">
        <h2 id={titleId} className="request-log__title">
          {t.title}
        </h2>
        <label className="request-log__filter">
          <span className="visually-hidden">{t.filter}</span>
          <input
            ref={filterRef}
            type="search"
            className="input"
            aria-label={t.filter}
            placeholder={t.filterPlaceholder}
            value={text}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)} />
          {t.errorsOnly}
        </label>
        <button type="button" className="button" disabled={entries.length === 0} onClick={() => exportEntries(entries)}>
          {t.export}
        </button>
        <span className="request-log__count" role="status">
          {latest ? `${t.shown(entries.length)} · ${t.held(latest.held, latest.capacity)}` : ''}
        </span>
        <button type="button" className="button request-log__close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="visually-hidden">{t.description}</p>
      {log.isPending ? (
        <p className="state-message" role="status">
          {t.loading}
        </p>
      ) : log.isError ? (
        <ErrorDetails error={log.error} title={t.loadError} />
      ) : entries.length === 0 ? (
        <p className="state-message">{text.trim() || errorsOnly ? t.noMatch : t.empty}</p>
      ) : (
        <div className="request-log__scroll">
          <table className="request-log__table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th scope="col">{t.columns.time}</th>
                <th scope="col">{t.columns.profile}</th>
                <th scope="col">{t.columns.request}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.code}</th>
                <th scope="col">{t.columns.requestId}</th>
                <th scope="col">{t.columns.duration}</th>
                <th scope="col">{t.columns.tries}</th>
                <th scope="col">{t.columns.sent}</th>
                <th scope="col">{t.columns.received}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const focused = focus !== undefined && entry.requestId === focus;
                const classes = ['request-log__row', isError(entry) ? 'request-log__row--error' : '', focused ? 'request-log__row--focused' : ''];
                return (
                  <tr
                    key={entry.id}
                    ref={focused ? focusedRow : undefined}
                    className={classes.filter(Boolean).join(' ')}
                    aria-current={focused ? 'true' : undefined}
                  >
                    <td>
                      <time dateTime={entry.time}>{timeFormat.format(new Date(entry.time))}</time>
                    </td>
                    <td>{entry.profile}</td>
                    <td className="request-log__request">
                      <code>{requestText(entry)}</code>
                    </td>
                    <td>{statusText(entry)}</td>
                    <td>{entry.errorCode ? <code>{entry.errorCode}</code> : null}</td>
                    <td>{entry.requestId ? <RequestId id={entry.requestId} /> : null}</td>
                    <td>{entry.durationMs === undefined ? '' : t.durationMs(entry.durationMs)}</td>
                    <td>{entry.tries}</td>
                    <td>{t.bytes(entry.bytesSent)}</td>
                    <td>{t.bytes(entry.bytesReceived)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {log.hasNextPage ? (
            <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t.loadOlder}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
