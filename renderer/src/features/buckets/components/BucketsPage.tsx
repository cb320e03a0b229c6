import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { appIdsFromBucketNames } from '../../../../../shared/bucket-name';
import type { Bucket, BucketRef, CreateBucketResult } from '../../../../../shared/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { messages as m } from '../../../i18n';
import { useBuckets } from '../api/use-buckets';
import { createBucketColumns } from './bucket-columns';
import { BucketFilters, type BucketFilterValues } from './BucketFilters';
import { BucketTable } from './BucketTable';
import { CheckBucketDialog } from './CheckBucketDialog';
import { CreateBucketDialog } from './CreateBucketDialog';
import { DeleteBucketDialog } from './DeleteBucketDialog';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'check'; initial?: BucketRef }
  | { kind: 'delete'; bucket: Bucket }
  | null;

const NO_BUCKETS: Bucket[] = [];
const NO_FILTERS: BucketFilterValues = { name: '', region: '' };

export function BucketsPage({ defaultRegion }: { defaultRegion: string }) {
  const buckets = useBuckets();
  const [filters, setFilters] = useState<BucketFilterValues>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  const nameCellId = useCallback((bucket: Bucket) => `${headingId}-${bucket.name}`, [headingId]);
  const columns = useMemo(
    () =>
      createBucketColumns({
        onCheck: (b) => setDialog({ kind: 'check', initial: { bucket: b.name, region: b.region } }),
        onDelete: (b) => setDialog({ kind: 'delete', bucket: b }),
        nameCellId,
      }),
    [nameCellId],
  );

  const data = buckets.data?.buckets ?? NO_BUCKETS;
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const list: ColumnFiltersState = [];
    if (filters.name.trim()) list.push({ id: 'name', value: filters.name.trim() });
    if (filters.region) list.push({ id: 'region', value: filters.region });
    return list;
  }, [filters]);

  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getRowId: (b) => b.name,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const regions = useMemo(() => [...new Set(data.map((b) => b.region))].sort(), [data]);
  const appIdSuggestions = useMemo(() => appIdsFromBucketNames(data.map((b) => b.name)), [data]);
  const shown = table.getFilteredRowModel().rows.length;
  const filtered = columnFilters.length > 0;
  const closeDialog = () => setDialog(null);

  const openCreate = () => {
    setNotice('');
    setDialog({ kind: 'create' });
  };

  function onCreated(result: CreateBucketResult) {
    setDialog(null);
    setNotice(result.alreadyOwned ? m.list.alreadyOwned(result.bucket.name) : m.list.created(result.bucket.name));
  }

  function onDeleted(bucket: string) {
    setDialog(null);
    setNotice(m.list.deleted(bucket));
  }

  let content;
  if (buckets.isPending) {
    content = (
      <p className="state-message" role="status">
        {m.list.loading}
      </p>
    );
  } else if (buckets.isError && !buckets.data) {
    content = (
      <div className="state-block">
        <ErrorDetails error={buckets.error} title={m.list.loadError} />
        <button type="button" className="button" onClick={() => void buckets.refetch()}>
          {m.app.retry}
        </button>
      </div>
    );
  } else if (data.length === 0) {
    content = (
      <div className="empty-state">
        <h2 className="empty-state__title">{m.list.emptyTitle}</h2>
        <p>{m.list.emptyText}</p>
        <button type="button" className="button button--primary" onClick={openCreate}>
          {m.list.emptyAction}
        </button>
      </div>
    );
  } else {
    content = <BucketTable table={table} nameCellId={nameCellId} onClearFilters={() => setFilters(NO_FILTERS)} />;
  }

  return (
    <section className="buckets-page" aria-labelledby={headingId}>
      <div className="toolbar">
        <h1 id={headingId} className="toolbar__title">
          {m.list.heading}
        </h1>
        {data.length > 0 ? (
          <BucketFilters value={filters} onChange={setFilters} regions={regions} nameInputRef={filterRef} />
        ) : null}
        <p className="toolbar__count" aria-live="polite">
          {buckets.data ? (filtered ? m.list.filteredCount(shown, data.length) : m.list.count(data.length)) : ''}
        </p>
        <div className="toolbar__actions">
          <button
            type="button"
            className="button"
            onClick={() => void buckets.refetch({ cancelRefetch: false })}
            aria-busy={buckets.isFetching || undefined}
          >
            {buckets.isFetching ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              <span className="refresh-mark" aria-hidden="true">
                ↻
              </span>
            )}
            {m.list.refresh}
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'check' })}>
            {m.list.checkBucket}
          </button>
          <button type="button" className="button button--primary" onClick={openCreate}>
            {m.list.createBucket}
          </button>
        </div>
      </div>

      <div className="notice-area" role="status">
        {notice ? (
          <p className="notice">
            {notice}
            <button type="button" className="button button--small button--quiet" onClick={() => setNotice('')}>
              {m.app.dismiss}
            </button>
          </p>
        ) : null}
      </div>

      {buckets.isError && buckets.data ? (
        <div className="banner">
          <ErrorDetails error={buckets.error} title={m.list.refreshError} />
          <button type="button" className="button" onClick={() => void buckets.refetch()}>
            {m.app.retry}
          </button>
        </div>
      ) : null}

      {content}

      {dialog?.kind === 'create' ? (
        <CreateBucketDialog
          appIdSuggestions={appIdSuggestions}
          defaultRegion={defaultRegion}
          onClose={closeDialog}
          onCreated={onCreated}
        />
      ) : null}
      {dialog?.kind === 'check' ? (
        <CheckBucketDialog initial={dialog.initial} defaultRegion={defaultRegion} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteBucketDialog
          bucket={dialog.bucket}
          onClose={closeDialog}
          onDeleted={onDeleted}
          fallbackFocus={() => filterRef.current ?? document.getElementById('main')}
        />
      ) : null}
    </section>
  );
}
