import { useState, type FormEvent } from 'react';
import { isFullBucketName } from '../../../../../shared/bucket-name';
import type { AddBucketResult } from '../../../../../shared/contract';
import { isWellFormedRegion } from '../../../../../shared/regions';
import { AppDialog, DialogCancel } from '../../../components/AppDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { Field } from '../../../components/Field';
import { RegionInput } from '../../../components/RegionInput';
import { messages as m } from '../../../i18n';
import { useAddBucket } from '../api/use-added-buckets';

interface AddBucketDialogProps {
  defaultRegion: string;
  onClose: () => void;
  onAdded: (result: AddBucketResult) => void;
}

/** For keys that may not list buckets: a bucket known by name and region joins the list once COS confirms it. */
export function AddBucketDialog({ defaultRegion, onClose, onAdded }: AddBucketDialogProps) {
  const add = useAddBucket();
  const [bucket, setBucket] = useState('');
  const [region, setRegion] = useState(defaultRegion);

  const trimmed = bucket.trim();
  const nameOk = isFullBucketName(trimmed);
  const valid = nameOk && isWellFormedRegion(region);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || add.isPending) return;
    add.mutate({ bucket: trimmed, region }, { onSuccess: onAdded });
  }

  return (
    <AppDialog open onOpenChange={(open) => (open ? undefined : onClose())} title={m.add.title} description={m.add.description}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={m.check.bucket} hint={m.check.bucketHint} error={trimmed.length > 0 && !nameOk ? m.check.bucketInvalid : undefined}>
          {(control) => (
            <input
              {...control}
              data-autofocus
              className="input input--mono"
              value={bucket}
              onChange={(event) => setBucket(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="photos-1250000000"
            />
          )}
        </Field>
        <RegionInput label={m.check.region} hint={m.add.regionHint} invalidMessage={m.check.regionInvalid} value={region} onChange={setRegion} />

        {add.isError ? <ErrorDetails error={add.error} title={m.add.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {add.isPending ? m.add.pending : ''}
          </span>
          <DialogCancel>{m.app.cancel}</DialogCancel>
          <button type="submit" className="button button--primary" disabled={!valid || add.isPending} aria-busy={add.isPending || undefined}>
            {m.add.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
