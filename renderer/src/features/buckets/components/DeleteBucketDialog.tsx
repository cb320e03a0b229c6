import { useState, type FormEvent } from 'react';
import type { Bucket, DeleteBucketResult } from '@shared/contract';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { TypedConfirmation } from '@renderer/components/TypedConfirmation';
import { messages as m, regionName } from '@renderer/i18n';
import { useCall } from '@renderer/api/use-call';
import { isAppErrorException } from '@shared/errors';
import { EmptyBucketDialog } from '@renderer/features/deletes/components/EmptyBucketDialog';
import { deleteBucketEffects } from '../api/delete-bucket-effects';

interface DeleteBucketDialogProps {
  bucket: Bucket;
  onClose: () => void;
  /** `confirmedByCheck`: the delete's answer was lost and a check found the bucket gone. */
  onDeleted: (result: DeleteBucketResult) => void;
  fallbackFocus: () => HTMLElement | null;
}

/** Deleting is final, so the user types the bucket's name; COS itself refuses a bucket that is not empty. */
export function DeleteBucketDialog({ bucket, onClose, onDeleted, fallbackFocus }: DeleteBucketDialogProps) {
  const remove = useCall('deleteBucket', deleteBucketEffects);
  const [typed, setTyped] = useState('');
  const [emptying, setEmptying] = useState(false);
  const confirmed = typed === bucket.name;
  const notEmpty = isAppErrorException(remove.error) && remove.error.error.code === 'BucketNotEmpty';

  // COS deletes only an empty bucket: this dialog gives way to the one that empties it (and may delete it after).
  if (emptying) {
    return <EmptyBucketDialog bucket={bucket.name} region={bucket.region} onClose={onClose} onDeleted={onDeleted} fallbackFocus={fallbackFocus} />;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed || remove.isPending) return;
    remove.mutate({ bucket: bucket.name, region: bucket.region }, { onSuccess: onDeleted });
  }

  return (
    <AppDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={m.delete.title}
      description={m.delete.description}
      fallbackFocus={fallbackFocus}
    >
      <dl className="facts">
        <dt>{m.delete.bucket}</dt>
        <dd>
          <code>{bucket.name}</code>
        </dd>
        <dt>{m.delete.region}</dt>
        <dd>{m.regions.label(bucket.region, regionName(bucket.region))}</dd>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <TypedConfirmation label={m.delete.confirm} hint={m.delete.confirmHint(bucket.name)} value={typed} onChange={setTyped} />

        {remove.isError ? <ErrorDetails error={remove.error} title={m.delete.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {remove.isPending ? m.delete.pending : ''}
          </span>
          <DialogCancel>{m.app.cancel}</DialogCancel>
          {notEmpty ? (
            <button type="button" className="button" onClick={() => setEmptying(true)}>
              {m.delete.emptyFirst}
            </button>
          ) : null}
          <button
            type="submit"
            className="button button--danger"
            disabled={!confirmed || remove.isPending}
            aria-busy={remove.isPending || undefined}
          >
            {m.delete.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
