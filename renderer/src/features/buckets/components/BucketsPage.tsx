import type { SortingState } from '@tanstack/react-table';
import { Suspense, lazy, useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { appIdsFromBucketNames } from '@shared/bucket-name';
import type { AddBucketResult, Bucket, BucketRef, CreateBucketResult, DeleteBucketResult } from '@shared/contract';
import { regionName } from '@shared/regions';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { ListProgress } from '@renderer/components/ListProgress';
import { messages as m } from '@renderer/i18n';
import { addedUnchecked, isListDenied, withAddedBuckets } from '../added-rows';
import { useCall } from '@renderer/api/use-call';
import { removeAddedBucketEffects, useAddedBuckets } from '../api/added-buckets';
import { useBuckets, useRegionsInList } from '../api/use-buckets';
import { useOrderedBuckets } from '../bucket-order';
import { createBucketColumns } from './bucket-columns';
import { BucketFilters, type BucketFilterValues } from './BucketFilters';
import { BucketTable } from './BucketTable';
import { ListDeniedNotice } from './ListDeniedNotice';
import { RefreshButton } from '@renderer/components/RefreshButton';
import { LocationForm, type LocationTarget } from '@renderer/components/LocationForm';

// The dialogs are not part of the first screen: their code loads when one is first opened.
const CreateBucketDialog = lazy(() => import('./CreateBucketDialog').then((mod) => ({ default: mod.CreateBucketDialog })));
const CheckBucketDialog = lazy(() => import('./CheckBucketDialog').then((mod) => ({ default: mod.CheckBucketDialog })));
const DeleteBucketDialog = lazy(() => import('./DeleteBucketDialog').then((mod) => ({ default: mod.DeleteBucketDialog })));
const AddBucketDialog = lazy(() => import('./AddBucketDialog').then((mod) => ({ default: mod.AddBucketDialog })));

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'check'; initial?: BucketRef }
  | { kind: 'delete'; bucket: Bucket }
  | { kind: 'add' }
  | null;

const NO_FILTERS: BucketFilterValues = { name: '', region: '' };

interface BucketsPageProps {
  defaultRegion: string;
  /** Opens a bucket's objects from its name. */
  onOpenBucket?: (bucket: Bucket) => void;
  /** A `cos://` location or bucket URL typed on the list: a folder of a bucket the list may not show. */
  onOpenLocation?: (target: LocationTarget) => void;
}

export function BucketsPage({ defaultRegion, onOpenBucket, onOpenLocation }: BucketsPageProps) {
  const [filters, setFilters] = useState<BucketFilterValues>(NO_FILTERS);
  // A chosen region is asked of COS (its regional host lists that region only); the name filter works on the rows.
  const list = useBuckets(filters.region || undefined);
  const regionsInList = useRegionsInList();
  const added = useAddedBuckets();
  const removeAdded = useCall('removeAddedBucket', removeAddedBucketEffects);
  // A key without cos:GetService: the list is refused, the buckets added by name are still there to use.
  const listDenied = isListDenied(list.error);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [selected, setSelected] = useState<string>();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  const nameCellId = useCallback((bucket: Bucket) => `${headingId}-${bucket.name}`, [headingId]);
  const columns = useMemo(
    () =>
      createBucketColumns({
        onOpen: onOpenBucket,
        onCheck: (b) => setDialog({ kind: 'check', initial: { bucket: b.name, region: b.region } }),
        onDelete: (b) => setDialog({ kind: 'delete', bucket: b }),
        onRemove: (b) =>
          removeAdded.mutate({ bucket: b.name, region: b.region }, { onSuccess: () => setNotice(m.list.removed(b.name)) }),
        nameCellId,
      }),
    // The mutation object changes every render; its mutate function does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nameCellId, removeAdded.mutate, onOpenBucket],
  );

  const addedHere = useMemo(() => (filters.region ? added.filter((b) => b.region === filters.region) : added), [added, filters.region]);
  const data = useMemo(() => withAddedBuckets(list.buckets, addedHere), [list.buckets, addedHere]);
  // The box shows each keystroke at once; the table follows as soon as the browser has time.
  const nameFilter = useDeferredValue(filters.name.trim().toLowerCase());
  const ordered = useOrderedBuckets(data, sorting, nameFilter);

  const regions = useMemo(
    () => (filters.region && !regionsInList.includes(filters.region) ? [...regionsInList, filters.region] : regionsInList),
    [regionsInList, filters.region],
  );
  // Read only when the create dialog opens, not for every page that arrives.
  const creating = dialog?.kind === 'create';
  const appIdSuggestions = useMemo(() => (creating ? appIdsFromBucketNames(data.map((b) => b.name)) : []), [creating, data]);
  const shown = ordered.length;
  const viewKey = `${JSON.stringify(sorting)}|${nameFilter}|${filters.region}`;
  const closeDialog = () => setDialog(null);

  const openCreate = () => {
    setNotice('');
    setDialog({ kind: 'create' });
  };

  function onCreated(result: CreateBucketResult) {
    setDialog(null);
    setNotice(result.alreadyOwned ? m.list.alreadyOwned(result.bucket.name) : m.list.created(result.bucket.name));
  }

  function onAdded(result: AddBucketResult) {
    setDialog(null);
    setNotice(addedUnchecked(result.check) ? m.list.addedUnchecked(result.bucket.name) : m.list.added(result.bucket.name));
  }

  function onDeleted({ bucket, region, confirmedByCheck }: DeleteBucketResult) {
    setDialog(null);
    setNotice(confirmedByCheck ? m.list.deletedConfirmed(bucket, region) : m.list.deleted(bucket));
  }

  const bucketTable = (
    <BucketTable
      buckets={ordered}
      columns={columns}
      sorting={sorting}
      onSortingChange={setSorting}
      nameCellId={nameCellId}
      onClearFilters={() => setFilters(NO_FILTERS)}
      selected={selected}
      onSelect={setSelected}
      viewKey={viewKey}
    />
  );
  let content;
  if (listDenied) {
    content = (
      <>
        <ListDeniedNotice
          error={list.error}
          hasAdded={data.length > 0}
          onAdd={() => setDialog({ kind: 'add' })}
          onRetry={list.retry}
        />
        {data.length > 0 ? bucketTable : null}
      </>
    );
  } else if (!list.hasData) {
    content =
      list.error && !list.isFetching ? (
        <div className="state-block">
          <ErrorDetails error={list.error} title={m.list.loadError} />
          <button type="button" className="button" onClick={list.retry}>
            {m.app.retry}
          </button>
        </div>
      ) : null;
  } else if (data.length === 0 && !list.isLoadingMore) {
    content = filters.region ? (
      <div className="empty-state">
        <p>{m.list.emptyRegion(m.regions.label(filters.region, regionName(filters.region)))}</p>
        <button type="button" className="button" onClick={() => setFilters({ ...filters, region: '' })}>
          {m.list.showAllRegions}
        </button>
      </div>
    ) : (
      <div className="empty-state">
        <h2 className="empty-state__title">{m.list.emptyTitle}</h2>
        <p>{m.list.emptyText}</p>
        <button type="button" className="button button--primary" onClick={openCreate}>
          {m.list.emptyAction}
        </button>
      </div>
    );
  } else {
    content = bucketTable;
  }

  return (
    <section className="buckets-page" aria-labelledby={headingId}>
      <div className="toolbar">
        <h1 id={headingId} className="toolbar__title">
          {m.list.heading}
        </h1>
        {data.length > 0 || filters.region ? (
          <BucketFilters value={filters} onChange={setFilters} regions={regions} nameInputRef={filterRef} />
        ) : null}
        <p className="toolbar__count" aria-live="polite">
          {list.hasData && !list.isPreview ? (nameFilter ? m.list.filteredCount(shown, data.length) : m.list.count(data.length)) : ''}
        </p>
        <div className="toolbar__actions">
          <RefreshButton onRefresh={list.refresh} busy={list.isFetching} label={m.list.refresh} />
          <button type="button" className="button" onClick={() => setDialog({ kind: 'check' })}>
            {m.list.checkBucket}
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
            {m.list.addByName}
          </button>
          <button type="button" className="button button--primary" onClick={openCreate}>
            {m.list.createBucket}
          </button>
        </div>
      </div>

      {onOpenLocation ? (
        <div className="toolbar objects-toolbar">
          <LocationForm onGo={onOpenLocation} />
        </div>
      ) : null}

      <ListProgress
        list={list}
        words={{
          loading: m.list.loading,
          loadedSoFar: m.list.loadedSoFar(list.buckets.length),
          stoppedAt: m.list.stoppedAt(list.buckets.length),
          stoppedEmpty: m.list.stoppedEmpty,
          loadRest: m.list.loadRest,
          loadAgain: m.list.loadAgain,
          stop: m.list.stopLoading,
          stopLabel: m.list.stopLoadingLabel,
        }}
      />

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

      {list.error && list.hasData && !listDenied ? (
        <div className="banner">
          <ErrorDetails error={list.error} title={list.failedOnLaterPage ? m.list.loadMoreError : m.list.refreshError} />
          <button type="button" className="button" onClick={list.retry}>
            {m.app.retry}
          </button>
        </div>
      ) : null}

      {content}

      <Suspense fallback={null}>
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
        {dialog?.kind === 'add' ? <AddBucketDialog defaultRegion={defaultRegion} onClose={closeDialog} onAdded={onAdded} /> : null}
        {dialog?.kind === 'delete' ? (
          <DeleteBucketDialog
            bucket={dialog.bucket}
            onClose={closeDialog}
            onDeleted={onDeleted}
            fallbackFocus={() => filterRef.current ?? document.getElementById('main')}
          />
        ) : null}
      </Suspense>
    </section>
  );
}
