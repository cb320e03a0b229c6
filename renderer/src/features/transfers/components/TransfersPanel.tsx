/**
 * The Transfers panel: every upload and download the main process keeps, with its progress, speed, time left and
 * state, and what can be done with it. A transfer whose target exists waits here for the user's choice.
 */
import { useId, useState } from 'react';
import type { Transfer, TransferList } from '@shared/contract';
import { errorSummary } from '@renderer/components/error-text';
import { messages as m } from '@renderer/i18n';
import { useTransferActions, useTransfers } from '../api/use-transfers';

const t = m.transfers;

function stateText(transfer: Transfer): string {
  if (transfer.state === 'done' && transfer.sizeOnly) return t.doneSizeOnly;
  if (transfer.state === 'skipped' && transfer.identical) return t.skippedIdentical;
  if (transfer.state === 'failed' && transfer.error) return `${t.states.failed}: ${errorSummary(transfer.error) ?? transfer.error.code}`;
  return t.states[transfer.state];
}

function percent(transfer: Transfer): number {
  if (transfer.size === 0) return transfer.state === 'done' ? 100 : 0;
  return Math.min(100, Math.floor((transfer.transferred / transfer.size) * 100));
}

function Row({ transfer, actions }: { transfer: Transfer; actions: ReturnType<typeof useTransferActions> }) {
  const [applyToAll, setApplyToAll] = useState(false);
  const ids = { ids: [transfer.id] };
  const button = (label: string, onClick: () => void) => (
    <button type="button" className="button button--small" aria-label={t.rowAction(label, transfer.name)} onClick={onClick}>
      {label}
    </button>
  );
  const value = percent(transfer);
  return (
    <tr data-state={transfer.state}>
      <td className="transfers__name" title={transfer.key}>
        {transfer.name}
      </td>
      <td>{t.directions[transfer.direction]}</td>
      <td>{t.size(transfer.size)}</td>
      <td>
        <div role="progressbar" aria-label={t.progress(transfer.name)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} className="progress">
          <div className="progress__bar" style={{ width: `${value}%` }} />
        </div>
      </td>
      <td>{transfer.state === 'running' && transfer.speed !== undefined ? t.speed(transfer.speed) : ''}</td>
      <td>{transfer.state === 'running' && transfer.secondsLeft !== undefined ? t.timeLeft(transfer.secondsLeft) : ''}</td>
      <td className="transfers__state">
        {stateText(transfer)}
        {transfer.state === 'asking' ? <span className="transfers__exists"> {transfer.existing === 'file' ? t.existsFile : t.existsObject}</span> : null}
      </td>
      <td className="transfers__actions">
        {transfer.state === 'asking' ? (
          <>
            {(['skip', 'overwrite', 'keepBoth', 'skipIfIdentical'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                className="button button--small"
                aria-label={t.rowAction(t.conflicts[choice], transfer.name)}
                onClick={() => actions.resolve.mutate({ id: transfer.id, choice, applyToAll })}
              >
                {t.conflicts[choice]}
              </button>
            ))}
            <label className="checkbox">
              <input type="checkbox" checked={applyToAll} onChange={(event) => setApplyToAll(event.target.checked)} /> {t.applyToAll}
            </label>
          </>
        ) : null}
        {transfer.state === 'running' || transfer.state === 'queued' ? button(t.pause, () => actions.pause.mutate(ids)) : null}
        {transfer.state === 'paused' ? button(t.resume, () => actions.resume.mutate(ids)) : null}
        {transfer.state === 'failed' ? button(t.retry, () => actions.retry.mutate(ids)) : null}
        {['running', 'queued', 'paused', 'asking', 'failed'].includes(transfer.state) ? button(t.cancel, () => actions.cancel.mutate(ids)) : null}
      </td>
    </tr>
  );
}

export function TransfersPanel() {
  const transfers = useTransfers();
  const actions = useTransferActions();
  const headingId = useId();
  const concurrencyId = useId();
  const list: TransferList | undefined = transfers.data;
  if (!list || list.total === 0) return null;
  const { counts } = list;
  const finished = counts.done + counts.skipped + counts.cancelled;
  return (
    <section className="transfers" aria-labelledby={headingId}>
      <div className="toolbar">
        <h2 id={headingId} className="toolbar__title">
          {t.panel}
        </h2>
        <p className="toolbar__count">{t.summary(counts.running, counts.queued, list.total)}</p>
        {list.restored ? <p className="toolbar__meta">{t.restored}</p> : null}
        <div className="toolbar__actions">
          <label htmlFor={concurrencyId} className="toolbar__meta">
            {t.concurrency}
          </label>
          <input
            id={concurrencyId}
            className="input transfers__concurrency"
            type="number"
            min={1}
            max={32}
            value={list.concurrency}
            onChange={(event) => {
              const concurrency = Number(event.target.value);
              if (Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32) actions.concurrency.mutate({ concurrency });
            }}
          />
          <button type="button" className="button" disabled={counts.running + counts.queued + counts.asking === 0} onClick={() => actions.pause.mutate({})}>
            {t.pauseAll}
          </button>
          <button type="button" className="button" disabled={counts.paused === 0} onClick={() => actions.resume.mutate({})}>
            {t.resumeAll}
          </button>
          <button type="button" className="button" disabled={finished === 0} onClick={() => actions.clearFinished.mutate(undefined)}>
            {t.clearFinished}
          </button>
        </div>
      </div>
      <div className="transfers__scroll">
        <table className="table transfers__table">
          <thead>
            <tr>
              {Object.values(t.columns).map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.transfers.map((transfer) => (
              <Row key={transfer.id} transfer={transfer} actions={actions} />
            ))}
          </tbody>
        </table>
        {list.total > list.transfers.length ? <p className="toolbar__meta">{t.more(list.total - list.transfers.length)}</p> : null}
      </div>
    </section>
  );
}

/** The header's badge: what is running, when anything is. */
export function TransfersBadge() {
  const transfers = useTransfers();
  const counts = transfers.data?.counts;
  if (!counts || counts.running + counts.queued === 0) return null;
  return (
    <span className="badge" role="status" aria-label={t.badgeLabel}>
      {t.badge(counts.running, counts.queued)}
    </span>
  );
}
