import type { ColumnDef, OnChangeFn, SortingState } from '@tanstack/react-table';
import type { Bucket } from '@shared/contract';
import { VirtualTable } from '@renderer/components/virtual-table/VirtualTable';
import { messages as m } from '@renderer/i18n';

export { ROW_HEIGHT } from '@renderer/components/virtual-table/VirtualTable';

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

/** The buckets, one selected at a time: clicking a row, or tabbing to one of its buttons, selects it. */
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
  return (
    <VirtualTable<T>
      label={m.list.tableLabel}
      className="bucket-table"
      rows={buckets}
      columns={columns}
      sorting={sorting}
      onSortingChange={onSortingChange}
      rowId={nameOf}
      headerColumn="name"
      headerCellId={nameCellId}
      headerCellTitle={nameOf}
      empty={
        <>
          {m.list.noMatch}{' '}
          <button type="button" className="button button--small" onClick={onClearFilters}>
            {m.list.clearFilters}
          </button>
        </>
      }
      isSelected={(name) => name === selected}
      onRowActivate={onSelect}
      viewKey={viewKey}
    />
  );
}
