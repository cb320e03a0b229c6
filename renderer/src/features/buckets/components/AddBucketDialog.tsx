import type { FormEvent } from 'react';
import type { AddBucketResult } from '@shared/contract';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { useCall } from '@renderer/api/use-call';
import { addBucketByNameEffects } from '../api/added-buckets';
import { BucketRefFields, useBucketRefInput } from './BucketRefFields';

interface AddBucketDialogProps {
  defaultRegion: string;
  onClose: () => void;
  onAdded: (result: AddBucketResult) => void;
}

/** For keys that may not list buckets: a bucket known by name and region joins the list once COS confirms it. */
export function AddBucketDialog({ defaultRegion, onClose, onAdded }: AddBucketDialogProps) {
  const add = useCall('addBucketByName', addBucketByNameEffects);
  const input = useBucketRefInput({ bucket: '', region: defaultRegion });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!input.valid || add.isPending) return;
    add.mutate(input.ref, { onSuccess: onAdded });
  }

  return (
    <AppDialog open onOpenChange={(open) => (open ? undefined : onClose())} title={m.add.title} description={m.add.description}>
      <form className="form" onSubmit={submit} noValidate>
        <BucketRefFields input={input} regionHint={m.add.regionHint} focusName />

        {add.isError ? <ErrorDetails error={add.error} title={m.add.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {add.isPending ? m.add.pending : ''}
          </span>
          <DialogCancel>{m.app.cancel}</DialogCancel>
          <button type="submit" className="button button--primary" disabled={!input.valid || add.isPending} aria-busy={add.isPending || undefined}>
            {m.add.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
