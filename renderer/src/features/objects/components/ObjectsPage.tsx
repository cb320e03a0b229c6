import type { SortingState } from '@tanstack/react-table';
import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { parentPrefix } from '@shared/object-location';
import { toAppError } from '@renderer/api/app-error';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { ListProgress } from '@renderer/components/ListProgress';
import { VirtualTable } from '@renderer/components/virtual-table/VirtualTable';
import { useShortcut } from '@renderer/app/shortcuts/use-shortcuts';
import { messages as m, regionName, useMessages } from '@renderer/i18n';
import { useFolder, type FolderPlace } from '../api/use-objects';
import { orderRows, type ObjectRow } from '../object-rows';
import { createObjectColumns } from './object-columns';
import { LocationForm, type LocationTarget } from '@renderer/components/LocationForm';
import { PathBar } from './PathBar';
import { RefreshButton } from '@renderer/components/RefreshButton';
import type { ConflictChoice } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { useTransfers } from '@renderer/features/transfers/api/use-transfers';
import { TransferButtons, useStartUpload } from '@renderer/features/transfers/components/TransferButtons';

// Loaded when first asked for, as the bucket list's dialogs are.
const DeleteObjectsDialog = lazy(() =>
  import('@renderer/features/deletes/components/DeleteObjectsDialog').then((mod) => ({ default: mod.DeleteObjectsDialog })),
);
const ObjectDetailsDialog = lazy(() => import('./ObjectDetailsDialog').then((mod) => ({ default: mod.ObjectDetailsDialog })));
const ShareLinkDialog = lazy(() => import('./ShareLinkDialog').then((mod) => ({ default: mod.ShareLinkDialog })));
const NewFolderDialog = lazy(() => import('./NewFolderDialog').then((mod) => ({ default: mod.NewFolderDialog })));
const BucketSettingsDialog = lazy(() =>
  import('@renderer/features/bucket-settings/components/BucketSettingsDialog').then((mod) => ({ default: mod.BucketSettingsDialog })),
);
const EmptyBucketDialog = lazy(() =>
  import('@renderer/features/deletes/components/EmptyBucketDialog').then((mod) => ({ default: mod.EmptyBucketDialog })),
);

interface ObjectsPageProps {
  place: FolderPlace;
  onNavigate: (place: FolderPlace) => void;
  onClose: () => void;
  /** The region of a bucket named without one (a `cos://` location): from the bucket list, or the profile's default. */
  regionOf: (bucket: string) => string;
}

const keyOf = (row: ObjectRow) => row.key;
const placeKey = ({ bucket, region, prefix }: FolderPlace) => `${bucket}\n${region}\n${prefix}`;
const NO_KEYS: ReadonlySet<string> = new Set();
const NOTHING_CHOSEN: { keys: readonly string[]; folders: readonly string[] } = { keys: [], folders: [] };
const BY_NAME: SortingState = [{ id: 'name', desc: false }];

/**
 * One folder of a bucket: its sub-folders, then its objects. Each folder keeps its own selection and scroll
 * position while the page is open, so coming back up from a sub-folder finds it as it was left.
 */
export function ObjectsPage({ place, onNavigate, onClose, regionOf }: ObjectsPageProps) {
  const { bucket, region, prefix } = place;
  const here = placeKey(place);
  const folder = useFolder(place);
  const [sorting, setSorting] = useState<SortingState>(BY_NAME);
  const [filter, setFilter] = useState('');
  // The filter belongs to the folder it was typed in: another folder opens without one.
  const [filterAt, setFilterAt] = useState(here);
  if (filterAt !== here) {
    setFilterAt(here);
    setFilter('');
  }
  const filterRef = useRef<HTMLInputElement>(null);
  const [selections, setSelections] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const scrollTops = useRef(new Map<string, number>());
  const headingId = useId();
  const filterId = useId();

  const selected = selections.get(here) ?? NO_KEYS;
  const api = useApi();
  const [conflict, setConflict] = useState<ConflictChoice>('ask');
  const [dropError, setDropError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useStartUpload(bucket, region, prefix);
  // Uploads into this bucket that finish show up in the folder without a manual refresh.
  const transfers = useTransfers();
  const uploadedHere = transfers.data?.transfers.filter((tr) => tr.direction === 'upload' && tr.bucket === bucket && tr.state === 'done').length ?? 0;
  const { refresh } = folder;
  useEffect(() => {
    if (uploadedHere > 0) refresh();
  }, [uploadedHere, refresh]);

  async function drop(files: File[]) {
    setDropError(null);
    try {
      const { sources } = await api.addDroppedFiles({ files });
      if (sources.length > 0) await upload.start(sources.map((s) => s.handle), conflict);
    } catch (failure) {
      setDropError(failure);
    }
  }
  const [dialog, setDialog] = useState<'delete' | 'empty' | 'newFolder' | 'settings' | null>(null);
  /** The object whose details, or whose Share link dialog, is open. */
  const [inspected, setInspected] = useState<{ key: string; view: 'details' | 'share' } | null>(null);
  const inspect = useCallback((key: string) => setInspected({ key, view: 'details' }), []);
  const openFolder = useCallback((next: string) => onNavigate({ bucket, region, prefix: next }), [onNavigate, bucket, region]);
  // A folder opened from its row: that row goes with the table, so focus moves to where the view now is.
  const currentLink = useRef<HTMLAnchorElement>(null);
  const focusOnArrival = useRef(false);
  const enterFolder = useCallback(
    (next: string) => {
      focusOnArrival.current = true;
      openFolder(next);
    },
    [openFolder],
  );
  useEffect(() => {
    if (!focusOnArrival.current) return;
    focusOnArrival.current = false;
    currentLink.current?.focus();
  }, [here]);
  const check = useCallback(
    (key: string, on: boolean) =>
      setSelections((all) => {
        const keys = new Set(all.get(here));
        if (on) keys.add(key);
        else keys.delete(key);
        return new Map(all).set(here, keys);
      }),
    [here],
  );
  const messages = useMessages();
  const columns = useMemo(
    () => createObjectColumns({ isChecked: (key) => selected.has(key), onCheck: check, onOpenFolder: enterFolder, onOpenObject: inspect }),
    // The headers are words: a language change makes them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected, check, enterFolder, inspect, messages],
  );

  // The box shows each keystroke at once; the table follows as soon as the browser has time.
  const nameFilter = useDeferredValue(filter.trim().toLowerCase());
  const rows = useMemo(() => orderRows(folder.rows, sorting, nameFilter), [folder.rows, sorting, nameFilter]);
  // What was selected and is still listed: a key deleted meanwhile no longer counts. Read once per page or check,
  // and not at all while nothing is checked (a page arriving at 100,000 rows would otherwise walk them all).
  const chosen = useMemo(() => {
    if (selected.size === 0) return NOTHING_CHOSEN;
    const keys: string[] = [];
    const folders: string[] = [];
    for (const row of folder.rows) if (selected.has(row.key)) (row.kind === 'object' ? keys : folders).push(row.key);
    return { keys, folders };
  }, [folder.rows, selected]);
  const selectedCount = chosen.keys.length + chosen.folders.length;
  useShortcut('refresh', () => folder.refresh());
  useShortcut('focusFilter', () => filterRef.current?.focus());
  useShortcut('deleteSelection', () => (selectedCount > 0 ? setDialog('delete') : undefined));
  const total = folder.rows.length;
  const up = parentPrefix(prefix);

  function go(target: LocationTarget) {
    const toRegion = target.region ?? (target.bucket === bucket ? region : regionOf(target.bucket));
    onNavigate({ bucket: target.bucket, region: toRegion, prefix: target.prefix });
  }

  const denied = folder.error && toAppError(folder.error).code === 'AccessDenied';
  const loadError = folder.error ? (
    <>
      <ErrorDetails error={folder.error} title={m.objects.loadError(bucket, prefix)} />
      {denied ? <p className="state-hint">{m.objects.deniedHint(bucket)}</p> : null}
      <button type="button" className="button" onClick={folder.retry}>
        {m.app.retry}
      </button>
    </>
  ) : null;

  // The table stands from the moment the folder is opened, its body empty until the first page comes: that page
  // then only fills in rows, in a shorter task than making the table too, and nothing below the toolbars moves.
  let content;
  if (!folder.hasData && folder.error && !folder.isFetching) {
    content = <div className="state-block">{loadError}</div>;
  } else if (folder.hasData && total === 0 && !folder.isLoadingMore) {
    content = (
      <div className="empty-state">
        <p>{prefix ? m.objects.emptyFolder : m.objects.emptyBucket}</p>
      </div>
    );
  } else {
    content = (
      <VirtualTable<ObjectRow>
        // A table per folder: each starts where the user left it.
        key={here}
        label={m.objects.tableLabel}
        className="bucket-table objects-table"
        rows={rows}
        columns={columns}
        sorting={sorting}
        onSortingChange={setSorting}
        rowId={keyOf}
        headerColumn="name"
        headerCellTitle={keyOf}
        empty={
          folder.hasData ? (
            <>
              {m.objects.noMatch}{' '}
              <button type="button" className="button button--small" onClick={() => setFilter('')}>
                {m.objects.clearFilter}
              </button>
            </>
          ) : null
        }
        isSelected={(key) => selected.has(key)}
        viewKey={`${JSON.stringify(sorting)}|${nameFilter}`}
        initialScrollTop={scrollTops.current.get(here)}
        onScrollTopChange={(top) => scrollTops.current.set(here, top)}
      />
    );
  }

  return (
    <section
      className={dragging ? 'objects-page objects-page--drop' : 'objects-page'}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDragging(false);
        void drop([...event.dataTransfer.files]);
      }}
    >
      <div className="toolbar objects-toolbar">
        <button type="button" className="button button--quiet" onClick={onClose}>
          <span aria-hidden="true">← </span>
          {m.objects.backToBuckets}
        </button>
        <h1 id={headingId} className="toolbar__title">
          {bucket}
        </h1>
        <span className="toolbar__meta">{m.objects.region(m.regions.label(region, regionName(region)))}</span>
        <div className="toolbar__actions">
          <button type="button" className="button" onClick={() => setDialog('settings')}>
            {m.bucketSettings.openFromObjects}
          </button>
        </div>
      </div>
      <div className="toolbar objects-toolbar">
        <button
          type="button"
          className="button"
          disabled={up === undefined}
          onClick={() => up !== undefined && openFolder(up)}
        >
          <span aria-hidden="true">↑ </span>
          {m.objects.up}
        </button>
        <PathBar bucket={bucket} prefix={prefix} onOpen={openFolder} currentRef={currentLink} />
        <LocationForm key={here} here={{ bucket, prefix }} onGo={go} />
      </div>
      <div className="toolbar objects-toolbar">
        {total > 0 ? (
          <div className="filters">
            <label className="visually-hidden" htmlFor={filterId}>
              {m.objects.filterByName}
            </label>
            <input
              ref={filterRef}
              id={filterId}
              type="search"
              className="input filters__name"
              placeholder={m.objects.filterPlaceholder}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ) : null}
        <p className="toolbar__count" aria-live="polite">
          {folder.hasData
            ? nameFilter
              ? m.objects.filteredCount(rows.length, total)
              : m.objects.count(folder.objectCount, folder.folderCount)
            : ''}
        </p>
        <p className="toolbar__count" aria-live="polite">
          {m.objects.selected(selectedCount)}
        </p>
        <div className="toolbar__actions">
          <RefreshButton onRefresh={folder.refresh} busy={folder.isFetching} label={m.objects.refresh} />
          <TransferButtons
            bucket={bucket}
            region={region}
            prefix={prefix}
            keys={chosen.keys}
            folders={chosen.folders}
            conflict={conflict}
            onConflictChange={setConflict}
          />
          <button type="button" className="button" onClick={() => setDialog('newFolder')}>
            {m.objects.newFolderAction}
          </button>
          <button type="button" className="button" disabled={selectedCount === 0} onClick={() => setDialog('delete')}>
            {m.objects.deleteSelected}
          </button>
          <button type="button" className="button" onClick={() => setDialog('empty')}>
            {m.objects.emptyBucketAction}
          </button>
        </div>
      </div>

      <ListProgress
        list={folder}
        words={{
          loading: m.objects.loading,
          loadedSoFar: m.objects.loadedSoFar(folder.objectCount, folder.folderCount),
          stoppedAt: m.objects.stoppedAt(folder.objectCount, folder.folderCount),
          stoppedEmpty: m.objects.stoppedEmpty,
          loadRest: m.objects.loadRest,
          loadAgain: m.objects.loadAgain,
          stop: m.objects.stopLoading,
          stopLabel: m.objects.stopLoadingLabel,
        }}
      />

      {folder.error && folder.hasData ? (
        <div className="banner">
          <ErrorDetails error={folder.error} title={folder.failedOnLaterPage ? m.objects.loadMoreError : m.objects.refreshError} />
          <button type="button" className="button" onClick={folder.retry}>
            {m.app.retry}
          </button>
        </div>
      ) : null}

      {dragging ? <p className="drop-hint">{m.transfers.dropHint}</p> : null}
      {dropError ? <ErrorDetails error={dropError} /> : null}
      {content}
      <Suspense fallback={null}>
        {dialog === 'delete' ? (
          <DeleteObjectsDialog
            bucket={bucket}
            region={region}
            keys={chosen.keys}
            prefixes={chosen.folders}
            onClose={() => setDialog(null)}
            onDeleted={() => folder.refresh()}
          />
        ) : null}
        {dialog === 'settings' ? <BucketSettingsDialog bucket={bucket} region={region} onClose={() => setDialog(null)} /> : null}
        {dialog === 'newFolder' ? (
          <NewFolderDialog
            bucket={bucket}
            region={region}
            prefix={prefix}
            existing={new Set(folder.rows.filter((row) => row.kind === 'folder').map((row) => row.key))}
            onClose={() => setDialog(null)}
            onCreated={() => {
              setDialog(null);
              folder.refresh();
            }}
          />
        ) : null}
        {inspected?.view === 'details' ? (
          <ObjectDetailsDialog
            bucket={bucket}
            region={region}
            objectKey={inspected.key}
            onClose={() => setInspected(null)}
            onShare={() => setInspected({ key: inspected.key, view: 'share' })}
          />
        ) : null}
        {inspected?.view === 'share' ? (
          <ShareLinkDialog
            bucket={bucket}
            region={region}
            objectKey={inspected.key}
            onClose={() => setInspected(null)}
            fallbackFocus={() => document.querySelector<HTMLElement>(`button.object-link[data-key="${CSS.escape(inspected.key)}"]`)}
          />
        ) : null}
        {dialog === 'empty' ? (
          <EmptyBucketDialog
            bucket={bucket}
            region={region}
            onClose={() => {
              setDialog(null);
              folder.refresh();
            }}
            onDeleted={onClose}
          />
        ) : null}
      </Suspense>
    </section>
  );
}

