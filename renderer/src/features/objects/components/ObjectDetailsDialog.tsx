import { useQuery } from '@tanstack/react-query';
import { formatObjectLocation } from '@shared/object-location';
import { useApi } from '@renderer/api/api-context';
import { objectKeys } from '@renderer/api/query-keys';
import { AppDialog } from '@renderer/components/AppDialog';
import { CopyButton } from '@renderer/components/CopyButton';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';
import { messages as m } from '@renderer/i18n';

interface ObjectDetailsDialogProps {
  bucket: string;
  region: string;
  objectKey: string;
  onClose: () => void;
  /** Swaps this panel for the Share link dialog of the same object. */
  onShare: () => void;
}


/** One object's HEAD Object answer, read when the panel opens, with its key, path and URL to copy. */
export function ObjectDetailsDialog({ bucket, region, objectKey, onClose, onShare }: ObjectDetailsDialogProps) {
  const d = m.objects.details;
  const api = useApi();
  const profileId = useActiveProfileId();
  const details = useQuery({
    queryKey: objectKeys.details(profileId, bucket, region, objectKey),
    queryFn: ({ signal }) => api.headObject({ bucket, region, key: objectKey }, { signal }),
    // Opened to see the object as it is now: never an older answer.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const data = details.data;
  const path = formatObjectLocation(bucket, objectKey);

  return (
    <AppDialog open wide onOpenChange={(open) => (open ? undefined : onClose())} title={d.title}>
      <dl className="facts">
        <dt>{d.key}</dt>
        <dd>
          <code>{objectKey}</code>
        </dd>
        <dt>{d.path}</dt>
        <dd>
          <code>{path}</code>
        </dd>
        {data ? (
          <>
            <dt>{d.size}</dt>
            <dd>{d.sizeValue(data.size)}</dd>
            <dt>{d.contentType}</dt>
            <dd>{data.contentType ?? d.notGiven}</dd>
            <dt>{d.etag}</dt>
            <dd>
              <code>{data.etag}</code>
            </dd>
            <dt>{d.crc64}</dt>
            <dd>{data.crc64 ? <code>{data.crc64}</code> : d.notGiven}</dd>
            <dt>{d.storageClass}</dt>
            <dd>{data.storageClass}</dd>
            <dt>{d.lastModified}</dt>
            <dd>
              <time dateTime={data.lastModified} title={data.lastModified}>
                {Number.isNaN(Date.parse(data.lastModified)) ? data.lastModified : m.format.dateTime(Date.parse(data.lastModified))}
              </time>
            </dd>
            {data.versionId ? (
              <>
                <dt>{d.versionId}</dt>
                <dd>
                  <code>{data.versionId}</code>
                </dd>
              </>
            ) : null}
            <dt>{d.url}</dt>
            <dd>
              <code>{data.url}</code>
            </dd>
          </>
        ) : null}
      </dl>

      {details.isPending ? <p role="status">{d.loading}</p> : null}
      {details.isError ? <ErrorDetails error={details.error} title={d.loadError(objectKey)} /> : null}

      {data ? (
        <section aria-label={d.metadata}>
          <h3 className="facts__heading">{d.metadata}</h3>
          {data.meta.length === 0 ? (
            <p>{d.noMetadata}</p>
          ) : (
            <dl className="facts">
              {data.meta.map(({ name, value }) => (
                <div key={name} className="facts__pair">
                  <dt>
                    <code>{name}</code>
                  </dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ) : null}

      <div className="form__actions copy-actions">
        <CopyButton text={objectKey} label={d.copyKey} />
        <CopyButton text={path} label={d.copyPath} />
        {data ? <CopyButton text={data.url} label={d.copyUrl} /> : null}
        <button type="button" className="button" onClick={onShare}>
          {d.share}
        </button>
      </div>
      {data ? <p className="field__hint">{d.urlHint}</p> : null}
    </AppDialog>
  );
}
