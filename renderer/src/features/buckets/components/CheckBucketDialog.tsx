import type { FormEvent } from 'react';
import type { BucketRef } from '@shared/contract';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { useCall } from '@renderer/api/use-call';
import { BucketRefFields, useBucketRefInput } from './BucketRefFields';
import { CheckResult } from './CheckResult';

interface CheckBucketDialogProps {
  /** Prefilled from a row; empty from the toolbar, to check any bucket by name. */
  initial?: BucketRef;
  defaultRegion: string;
  onClose: () => void;
}

export function CheckBucketDialog({ initial, defaultRegion, onClose }: CheckBucketDialogProps) {
  const head = useCall('headBucket');
  const input = useBucketRefInput(initial ?? { bucket: '', region: defaultRegion });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!input.valid || head.isPending) return;
    head.mutate(input.ref);
  }

  return (
    <AppDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={m.check.title}
      description={m.check.description}
    >
      <form className="form" onSubmit={submit} noValidate>
        <BucketRefFields input={input} regionHint={m.check.regionHint} focusName={!initial} />

        <div className="form__actions">
          <span className="form__pending" role="status">
            {head.isPending ? m.check.pending : ''}
          </span>
          <DialogCancel>{m.app.close}</DialogCancel>
          <button
            type="submit"
            className="button button--primary"
            data-autofocus={initial ? true : undefined}
            disabled={!input.valid || head.isPending}
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
