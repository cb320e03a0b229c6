import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Bucket } from '@shared/contract';
import { messages as m } from '@renderer/i18n';
import { useScrollAnchor } from './use-scroll-anchor';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Every row is this tall (table.css keeps it so), which lets the table place any row without measuring it. */
export const ROW_HEIGHT = 36;
/** Rows kept beyond each edge of the view, so that a fast scroll does not show empty space. */
const OVERSCAN = 8;

interface BucketTableProps<T extends Bucket> {
  /** Every row, already sorted and filtered (bucket-order.ts). */
  buckets: readonly T[];
  // TanStack's own advice for a list of columns whose cells hold values of different types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  nameCellId: (bucket: Bucket) => string;
  onClearFilters: () => void;
  /** The selected bucket's name; kept by name, so it survives the list loading again. */
  selected: string | undefined;
  onSelect: (name: string) => void;
  /** Changes when the user re-sorts or filters: the view then starts again at the top. */
  viewKey: string;
}

const nameOf = (bucket: Bucket) => bucket.name;

/**
 * A table of any length that keeps only the rows in view (plus a few) in the document. Rows above and below are
 * stood in for by two empty spacer rows, hidden from screen readers, which learn the full size and each row's
 * place from aria-rowcount and aria-rowindex instead. The table library sees only the rows in view: it draws
 * headers and cells and keeps the sort's state, while the sorting itself is done on the whole list beforehand.
 */
export function BucketTable<T extends Bucket>({
  buckets,
  columns,
  sorting,
  onSortingChange,
  nameCellId,
  onClearFilters,
  selected,
  onSelect,
  viewKey,
}: BucketTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);

  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);

  const virtualizer = useVirtualizer({
    count: buckets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header sits above the first row inside the scrolling box.
    scrollMargin: headHeight,
    getItemKey: (index) => buckets[index].name,
  });
  useScrollAnchor({
    scrollRef,
    items: buckets,
    keyOf: nameOf,
    rowHeight: ROW_HEIGHT,
    scrollOffset: () => virtualizer.scrollOffset ?? 0,
    viewKey,
  });

  const items = virtualizer.getVirtualItems();
  const first = items.length > 0 ? items[0].index : 0;
  const last = items.length > 0 ? items[items.length - 1].index : -1;
  const inView = useMemo(() => buckets.slice(first, last + 1), [buckets, first, last]);
  const table = useReactTable<T>({
    data: inView as T[],
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    getRowId: nameOf,
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const spaceAbove = items.length > 0 ? items[0].start - headHeight : 0;
  const spaceBelow = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - headHeight) : 0;

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="bucket-table" aria-label={m.list.tableLabel} aria-rowcount={buckets.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} className={`col-${column.id}`} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const col = header.column;
                const label = flexRender(col.columnDef.header, header.getContext());
                if (!col.getCanSort()) {
                  return (
                    <th key={header.id} scope="col" className={`col-${col.id}`}>
                      <span className="visually-hidden">{label}</span>
                    </th>
                  );
                }
                const sorted = col.getIsSorted();
                return (
                  <th key={header.id} scope="col" className={`col-${col.id}`} aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}>
                    <button type="button" className="sort-button" onClick={col.getToggleSortingHandler()}>
                      {label}
                      <span className="sort-button__mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {buckets.length === 0 ? (
            <tr aria-rowindex={2}>
              <td colSpan={columnCount} className="bucket-table__no-match">
                {m.list.noMatch}{' '}
                <button type="button" className="button button--small" onClick={onClearFilters}>
                  {m.list.clearFilters}
                </button>
              </td>
            </tr>
          ) : (
            <>
              {spaceAbove > 0 ? <Spacer height={spaceAbove} columns={columnCount} /> : null}
              {rows.map((row, i) => (
                <BucketRow
                  key={row.id}
                  row={row}
                  rowIndex={first + i + 2}
                  nameCellId={nameCellId}
                  selected={row.id === selected}
                  onSelect={onSelect}
                />
              ))}
              {spaceBelow > 0 ? <Spacer height={spaceBelow} columns={columnCount} /> : null}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="bucket-table__spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

interface BucketRowProps<T extends Bucket> {
  row: Row<T>;
  rowIndex: number;
  nameCellId: (bucket: Bucket) => string;
  selected: boolean;
  onSelect: (name: string) => void;
}

function BucketRow<T extends Bucket>({ row, rowIndex, nameCellId, selected, onSelect }: BucketRowProps<T>) {
  const select = () => onSelect(row.id);
  return (
    // Clicking a row, or tabbing to one of its buttons, makes it the selected bucket.
    <tr aria-rowindex={rowIndex} aria-selected={selected} className={selected ? 'is-selected' : undefined} onClick={select} onFocus={select}>
      {row.getVisibleCells().map((cell) =>
        cell.column.id === 'name' ? (
          <th key={cell.id} scope="row" id={nameCellId(row.original)} className="col-name" title={row.original.name}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </th>
        ) : (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ),
      )}
    </tr>
  );
}
