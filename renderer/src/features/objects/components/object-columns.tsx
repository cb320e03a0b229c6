import { createColumnHelper } from '@tanstack/react-table';
import { messages as m } from '@renderer/i18n';
import type { ObjectRow } from '../object-rows';

const column = createColumnHelper<ObjectRow>();


interface ColumnOptions {
  isChecked: (key: string) => boolean;
  onCheck: (key: string, checked: boolean) => void;
  onOpenFolder: (prefix: string) => void;
  /** The object's name opens its details. */
  onOpenObject: (key: string) => void;
}

/** A folder's name, or a run of slashes' empty one, as a reader can see and hear it. */
export function shownName(row: ObjectRow): string {
  return row.kind === 'folder' && row.name === '/' ? `${m.objects.emptySegment}/` : row.name;
}

export function createObjectColumns({ isChecked, onCheck, onOpenFolder, onOpenObject }: ColumnOptions) {
  return [
    column.display({
      id: 'select',
      header: m.objects.columns.select,
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="checkbox"
          aria-label={m.objects.select(shownName(row.original))}
          checked={isChecked(row.original.key)}
          onChange={(event) => onCheck(row.original.key, event.target.checked)}
        />
      ),
    }),
    column.accessor('name', {
      header: m.objects.columns.name,
      // The sorting itself is done on the whole list (object-rows.ts); the table only keeps its state.
      sortDescFirst: false,
      cell: ({ row }) => {
        const item = row.original;
        if (item.kind === 'object') {
          return (
            <button
              type="button"
              className="object-link"
              data-key={item.key}
              title={m.objects.showDetails}
              onClick={() => onOpenObject(item.key)}
            >
              {item.name}
            </button>
          );
        }
        return (
          <a
            href="#"
            className="folder-link"
            onClick={(event) => {
              event.preventDefault();
              onOpenFolder(item.key);
            }}
          >
            <span className="folder-link__mark" aria-hidden="true">
              ▸{' '}
            </span>
            {shownName(item)}
          </a>
        );
      },
    }),
    column.accessor((row) => (row.kind === 'object' ? row.size : -1), {
      id: 'size',
      header: m.objects.columns.size,
      sortDescFirst: true,
      cell: ({ row }) =>
        row.original.kind === 'object' ? (
          <span title={m.objects.exactSize(row.original.size)}>{m.objects.size(row.original.size)}</span>
        ) : (
          m.objects.noValue
        ),
    }),
    column.accessor((row) => (row.kind === 'object' ? row.time : 0), {
      id: 'modified',
      header: m.objects.columns.modified,
      // Newest first on the first click.
      sortDescFirst: true,
      cell: ({ row }) =>
        row.original.kind === 'object' ? (
          <time dateTime={row.original.lastModified} title={row.original.lastModified}>
            {row.original.time ? m.format.dateTime(row.original.time) : row.original.lastModified}
          </time>
        ) : (
          m.objects.noValue
        ),
    }),
    column.accessor((row) => (row.kind === 'object' ? row.storageClass : ''), {
      id: 'storageClass',
      header: m.objects.columns.storageClass,
      sortDescFirst: false,
      cell: ({ row }) => (row.original.kind === 'object' ? row.original.storageClass : m.objects.noValue),
    }),
  ];
}
