import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type CellContext,
  type Column,
  type Row,
  type Table,
  type SortingState,
} from '@tanstack/react-table';
import { memo, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useRowKeys } from './use-row-keys';
import { useRowWindow } from './use-row-window';
import { useScrollAnchor } from './use-scroll-anchor';

// The library keeps the columns, headers and sort; the rows in view are drawn here (see RowCellContext).
const NO_ROWS: unknown[] = [];
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Every row is this tall (table.css keeps it so), which lets the table place any row without measuring it. */
export const ROW_HEIGHT = 36;
/**
 * Rows kept beyond each edge of the view, so that a wheel's step (about 100 px) does not show empty space. No more:
 * every row in the document is laid out again as the view moves, and that layout's garbage (Blink's, counted
 * against V8's limit) is what sets off the major collections whose pauses made the long tasks while scrolling.
 */
const OVERSCAN = 4;

export interface VirtualTableProps<T> {
  label: string;
  className: string;
  /** Every row, already sorted and filtered. */
  rows: readonly T[];
  // TanStack's own advice for a list of columns whose cells hold values of different types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  /** Stable across loads (a name, a key): selection and the scroll anchor follow rows by it. */
  rowId: (row: T) => string;
  /** The column whose cell heads each row (a row header names the row for screen readers). */
  headerColumn: string;
  headerCellId?: (row: T) => string;
  headerCellTitle?: (row: T) => string;
  /** What the body shows when no row is left (after filtering). */
  empty: ReactNode;
  isSelected: (id: string) => boolean;
  /** Clicking a row or focusing something in it. */
  onRowActivate?: (id: string) => void;
  /** Changes when the user re-sorts or filters: the view then starts again at the top. */
  viewKey: string;
  /** Where the view starts when the table appears (a folder the user comes back to). */
  initialScrollTop?: number;
  onScrollTopChange?: (top: number) => void;
}

/**
 * A table of any length that keeps only the rows in view (plus a few) in the document. Rows above and below are
 * stood in for by two empty spacer rows, hidden from screen readers, which learn the full size and each row's
 * place from aria-rowcount and aria-rowindex instead. The table library sees only the rows in view: it draws
 * headers and cells and keeps the sort's state, while the sorting itself is done on the whole list beforehand.
 */
export function VirtualTable<T>({
  label,
  className,
  rows: all,
  columns,
  sorting,
  onSortingChange,
  rowId,
  headerColumn,
  headerCellId,
  headerCellTitle,
  empty,
  isSelected,
  onRowActivate,
  viewKey,
  initialScrollTop,
  onScrollTopChange,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);

  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);

  // Every row is ROW_HEIGHT tall, so the rows in view follow from the scroll position alone (see use-row-window.ts).
  const { first, last, scrollTop, sync } = useRowWindow({
    scrollRef,
    count: all.length,
    rowHeight: ROW_HEIGHT,
    // The sticky header sits above the first row inside the scrolling box.
    offset: headHeight,
    overscan: OVERSCAN,
    initialTop: initialScrollTop,
  });
  useScrollAnchor({
    scrollRef,
    items: all,
    keyOf: rowId,
    rowHeight: ROW_HEIGHT,
    scrollOffset: scrollTop,
    viewKey,
  });

  // Where the table starts, once its rows give it its full height (before that the box is too short to scroll).
  // Only once: later scrolling is the user's.
  const startAt = useRef(initialScrollTop);
  const placed = last >= first;
  useLayoutEffect(() => {
    if (!placed || !startAt.current || !scrollRef.current) return;
    scrollRef.current.scrollTop = startAt.current;
    startAt.current = undefined;
    sync();
  }, [placed, sync]);
  const inView = useMemo(() => all.slice(first, last + 1), [all, first, last]);
  const table = useReactTable<T>({
    data: NO_ROWS as T[],
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
  });
  const leafColumns = table.getVisibleLeafColumns();
  const ids = useMemo(() => inView.map(rowId), [inView, rowId]);
  // The row that last held focus keeps its elements to itself (see useRowKeys).
  const [focusedRow, setFocusedRow] = useState<string | undefined>(undefined);
  const keys = useRowKeys(ids, focusedRow);
  const columnCount = leafColumns.length;
  const spaceAbove = placed ? first * ROW_HEIGHT : 0;
  const spaceBelow = placed ? (all.length - last - 1) * ROW_HEIGHT : 0;

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      onScroll={onScrollTopChange ? (event) => onScrollTopChange(event.currentTarget.scrollTop) : undefined}
    >
      <table className={className} aria-label={label} aria-rowcount={all.length + 1}>
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
        <tbody onFocus={(event) => setFocusedRow(event.target.closest('tr')?.dataset.rowId)}>
          {all.length === 0 ? (
            <tr aria-rowindex={2}>
              <td colSpan={columnCount} className="bucket-table__no-match">
                {empty}
              </td>
            </tr>
          ) : (
            <>
              {spaceAbove > 0 ? <Spacer height={spaceAbove} columns={columnCount} /> : null}
              {inView.map((item, i) => (
                <VirtualRow
                  key={keys[i]}
                  item={item}
                  id={ids[i]}
                  index={first + i}
                  table={table}
                  columns={leafColumns}
                  headerColumn={headerColumn}
                  headerCellId={headerCellId}
                  headerCellTitle={headerCellTitle}
                  selected={isSelected(ids[i])}
                  onActivate={onRowActivate}
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

/**
 * What a column's cell is given here: the row's item, id and place, its value, its column and the table. The table
 * library's own cell context would need the library's row objects, each with some forty methods and caches of its
 * own; made afresh for every row in view at every scrolled frame, they were most of what a scroll allocated, and
 * the collections of that garbage made frames of 50 ms and more at 100,000 rows. Cells use only these fields.
 */
type RowCellContext<T> = Pick<CellContext<T, unknown>, 'table' | 'column' | 'getValue' | 'renderValue'> & {
  row: Pick<Row<T>, 'id' | 'index' | 'original'>;
};

function renderCell<T>(column: Column<T, unknown>, context: RowCellContext<T>): ReactNode {
  const cell = column.columnDef.cell;
  // A cell written as a function is called as one (cells hold no hooks), which spares an element and a component
  // per cell; anything else goes through the library's own renderer.
  return typeof cell === 'function' ? cell(context as CellContext<T, unknown>) : flexRender(cell, context as CellContext<T, unknown>);
}

interface VirtualRowProps<T> {
  item: T;
  id: string;
  /** The row's place in the whole list, from 0. */
  index: number;
  table: Table<T>;
  columns: Column<T, unknown>[];
  headerColumn: string;
  headerCellId?: (row: T) => string;
  headerCellTitle?: (row: T) => string;
  selected: boolean;
  onActivate?: (id: string) => void;
}

/** Every prop of a row (EVERY_ROW_PROP fails to compile when VirtualRowProps gains one this list lacks). */
const ROW_PROPS = [
  'item',
  'id',
  'index',
  'table',
  'columns',
  'headerColumn',
  'headerCellId',
  'headerCellTitle',
  'selected',
  'onActivate',
] as const satisfies readonly (keyof VirtualRowProps<unknown>)[];
const EVERY_ROW_PROP: Exclude<keyof VirtualRowProps<unknown>, (typeof ROW_PROPS)[number]> extends never ? true : never = true;

/**
 * Whether a row's props are all the same as before. React's own comparison lists both objects' keys first: two
 * arrays for every row in view at every scrolled frame, for nothing but the garbage collector.
 */
function sameRowProps<T>(a: VirtualRowProps<T>, b: VirtualRowProps<T>): boolean {
  for (const prop of ROW_PROPS) if (!Object.is(a[prop], b[prop])) return false;
  return EVERY_ROW_PROP;
}

/**
 * A row renders again only when one of its props changes: a page arriving below the view, or a row checked, leaves
 * the other rows alone. (As the view moves every place shows another row, so every row in view renders again.)
 */
const VirtualRow = memo(function VirtualRow<T>({
  item,
  id,
  index,
  table,
  columns,
  headerColumn,
  headerCellId,
  headerCellTitle,
  selected,
  onActivate,
}: VirtualRowProps<T>) {
  const activate = onActivate ? () => onActivate(id) : undefined;
  const row = { id, index, original: item };
  return (
    <tr
      data-row-id={id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'is-selected' : undefined}
      onClick={activate}
      onFocus={activate}
    >
      {columns.map((column) => {
        const getValue = () => column.accessorFn?.(item, index);
        const content = renderCell(column, { table, column, row, getValue: getValue as never, renderValue: getValue as never });
        return column.id === headerColumn ? (
          <th key={column.id} scope="row" id={headerCellId?.(item)} className={`col-${column.id}`} title={headerCellTitle?.(item)}>
            {content}
          </th>
        ) : (
          <td key={column.id} className={`col-${column.id}`}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}, sameRowProps) as <T>(props: VirtualRowProps<T> & { key?: string }) => ReactNode;
