import { createColumnHelper } from '@tanstack/react-table';
import type { Bucket } from '@shared/contract';
import { messages as m, regionName } from '@renderer/i18n';
import type { ListedBucket } from '../added-rows';

const column = createColumnHelper<Bucket>();


function formatCreated(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : m.format.dateTimeShort(time);
}

interface ColumnOptions {
  /** Opens the bucket's objects; without it the name is plain text. */
  onOpen?: (bucket: Bucket) => void;
  onCheck: (bucket: Bucket) => void;
  onDelete: (bucket: Bucket) => void;
  /** Opens Bucket settings. */
  onSettings?: (bucket: Bucket) => void;
  /** Takes a bucket added by hand off the list. */
  onRemove?: (bucket: Bucket) => void;
  /** The id of a row's name cell, so each row's buttons are described by their bucket. */
  nameCellId: (bucket: Bucket) => string;
}

export function createBucketColumns({ onOpen, onCheck, onDelete, onSettings, onRemove, nameCellId }: ColumnOptions) {
  const nameOf = (bucket: Bucket) =>
    onOpen ? (
      <a
        href="#"
        className="bucket-link"
        onClick={(event) => {
          event.preventDefault();
          onOpen(bucket);
        }}
      >
        {bucket.name}
      </a>
    ) : (
      bucket.name
    );
  return [
    column.accessor('name', {
      header: m.list.columns.name,
      // The sorting itself is done on the whole list (bucket-order.ts); the table only keeps its state.
      sortDescFirst: false,
      cell: ({ row }) =>
        (row.original as ListedBucket).addedByHand ? (
          <>
            {nameOf(row.original)} <span className="badge badge--quiet">{m.list.addedByHand}</span>
          </>
        ) : (
          nameOf(row.original)
        ),
    }),
    column.accessor('region', {
      header: m.list.columns.region,
      sortDescFirst: false,
      cell: ({ getValue }) => {
        const id = getValue();
        const name = regionName(id);
        return (
          <span className="region-cell">
            <span className="region-cell__id">{id}</span>
            {name ? <span className="region-cell__name">{name}</span> : null}
          </span>
        );
      },
    }),
    column.accessor((b) => Date.parse(b.creationDate) || 0, {
      id: 'created',
      header: m.list.columns.created,
      // Newest first on the first click.
      sortDescFirst: true,
      cell: ({ row }) => (
        <time dateTime={row.original.creationDate} title={row.original.creationDate}>
          {formatCreated(row.original.creationDate)}
        </time>
      ),
    }),
    column.accessor((b) => b.bucketType ?? '', {
      id: 'type',
      header: m.list.columns.type,
      sortDescFirst: false,
      cell: ({ getValue }) => getValue() || m.list.noType,
    }),
    column.display({
      id: 'actions',
      header: m.list.columns.actions,
      cell: ({ row }) => {
        const describedBy = nameCellId(row.original);
        return (
          <span className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-describedby={describedBy}
              onClick={() => onCheck(row.original)}
            >
              {m.list.check}
            </button>
            {onSettings ? (
              <button
                type="button"
                className="button button--small"
                aria-describedby={describedBy}
                onClick={() => onSettings(row.original)}
              >
                {m.bucketSettings.open}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--small button--danger-quiet"
              aria-describedby={describedBy}
              onClick={() => onDelete(row.original)}
            >
              {m.list.delete}
            </button>
            {onRemove && (row.original as ListedBucket).addedByHand ? (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-describedby={describedBy}
                onClick={() => onRemove(row.original)}
              >
                {m.list.removeFromList}
              </button>
            ) : null}
          </span>
        );
      },
    }),
  ];
}
