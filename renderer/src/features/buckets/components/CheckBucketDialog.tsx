import { useState, type FormEvent } from 'react';
import { isFullBucketName } from '../../../../../shared/bucket-name';
import type { BucketRef } from '../../../../../shared/contract';
import { isWellFormedRegion } from '../../../../../shared/regions';
import { AppDialog, DialogCancel } from '../../../components/AppDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { Field } from '../../../components/Field';
import { RegionInput } from '../../../components/RegionInput';
import { messages as m } from '../../../i18n';
import { useHeadBucket } from '../api/use-head-bucket';
import { CheckResult } from './CheckResult';

interface CheckBucketDialogProps {
  /** Prefilled from a row; empty from the toolbar, to check any bucket by name. */
  initial?: BucketRef;
  defaultRegion: string;
  onClose: () => void;
}

export function CheckBucketDialog({ initial, defaultRegion, onClose }: CheckBucketDialogProps) {
  const head = useHeadBucket();
  const [bucket, setBucket] = useState(initial?.bucket ?? '');
  const [region, setRegion] = useState(initial?.region ?? defaultRegion);

  const trimmed = bucket.trim();
  const nameOk = isFullBucketName(trimmed);
  const valid = nameOk && isWellFormedRegion(region);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || head.isPending) return;
    head.mutate({ bucket: trimmed, region });
  }

  return (
    <AppDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={m.check.title}
      description={m.check.description}
    >
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={m.check.bucket}
          hint={m.check.bucketHint}
          error={trimmed.length > 0 && !nameOk ? m.check.bucketInvalid : undefined}
        >
          {(control) => (
            <input
              {...control}
              data-autofocus={initial ? undefined : true}
              className="input input--mono"
              value={bucket}
              onChange={(event) => setBucket(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="photos-1250000000"
            />
          )}
        </Field>
        <RegionInput
          label={m.check.region}
          hint={m.check.regionHint}
          invalidMessage={m.check.regionInvalid}
          value={region}
          onChange={setRegion}
        />

        <div className="form__actions">
          <span className="form__pending" role="status">
            {head.isPending ? m.check.pending : ''}
          </span>
          <DialogCancel>{m.app.close}</DialogCancel>
          <button
            type="submit"
            className="button button--primary"
            data-autofocus={initial ? true : undefined}
            disabled={!valid || head.isPending}
            aria-busy={head.isPending || undefined}
          >
            {m.check.submit}
          </button>
        </div>
      </form>

      <div className="check-answer" aria-live="polite">
        {head.isSuccess ? <CheckResult result={head.data} /> : null}
        {head.isError ? <ErrorDetails error={head.error} title={m.check.failed} /> : null}
      </div>
    </AppDialog>
  );
}
