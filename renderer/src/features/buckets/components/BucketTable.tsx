import { flexRender, type Table } from '@tanstack/react-table';
import type { Bucket } from '../../../../../shared/contract';
import { messages as m } from '../../../i18n';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

interface BucketTableProps {
  table: Table<Bucket>;
  nameCellId: (bucket: Bucket) => string;
  onClearFilters: () => void;
}

export function BucketTable({ table, nameCellId, onClearFilters }: BucketTableProps) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="table-scroll">
      <table className="bucket-table" aria-label={m.list.tableLabel}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
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
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${col.id}`}
                    aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
                  >
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
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="bucket-table__no-match">
                {m.list.noMatch}{' '}
                <button type="button" className="button button--small" onClick={onClearFilters}>
                  {m.list.clearFilters}
                </button>
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <th key={cell.id} scope="row" id={nameCellId(row.original)} className="col-name">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
