import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BucketContents, DeleteBucketResult, DeleteFailure, EmptyCursor } from '@shared/contract';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { TypedConfirmation } from '@renderer/components/TypedConfirmation';
import { messages as m } from '@renderer/i18n';
import { useApi } from '@renderer/api/api-context';
import { useCall } from '@renderer/api/use-call';
import { deleteBucketEffects } from '@renderer/features/buckets/api/delete-bucket-effects';
import { useStepRun } from '../use-step-run';
import { RefusedList } from './RefusedList';
import { StepProgress } from './StepProgress';

interface EmptyBucketDialogProps {
  bucket: string;
  region: string;
  onClose: () => void;
  /** After "Empty and delete": the bucket is gone. */
  onDeleted?: (result: DeleteBucketResult) => void;
  fallbackFocus?: () => HTMLElement | null;
}

const KINDS = ['objects', 'noncurrentVersions', 'deleteMarkers', 'uploads'] as const;
const NOTHING: BucketContents = { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 };
const sum = (c: BucketContents) => KINDS.reduce((total, kind) => total + c[kind], 0);

/** What the bucket holds, kind by kind, leaving out the kinds it has none of. */
function ContentList({ contents, label }: { contents: BucketContents; label: string }) {
  return (
    <ul className="counts" aria-label={label}>
      {KINDS.filter((kind) => contents[kind] > 0).map((kind) => (
        <li key={kind}>{m.emptyBucket[kind](contents[kind])}</li>
      ))}
    </ul>
  );
}

function describeFailure(failure: DeleteFailure): string | undefined {
  if (failure.uploadId) return m.emptyBucket.upload(failure.uploadId);
  return failure.versionId ? m.emptyBucket.version(failure.versionId) : undefined;
}

/**
 * Counts what stands between the bucket and its delete, asks for the bucket's name, then removes everything in the
 * order COS needs (see the main process's object-deleter), step by step, with progress and Cancel. "Empty and
 * delete" ends with the bucket deleted. A run that stopped carries on when run again.
 */
export function EmptyBucketDialog({ bucket, region, onClose, onDeleted, fallbackFocus }: EmptyBucketDialogProps) {
  const api = useApi();
  const ref = { bucket, region };
  const counted = useQuery({
    queryKey: ['countBucketContents', bucket, region],
    queryFn: ({ signal }) => api.countBucketContents(ref, { signal }),
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const remove = useCall('deleteBucket', deleteBucketEffects);
  const steps = useStepRun();
  const [typed, setTyped] = useState('');
  const [removed, setRemoved] = useState<BucketContents>(NOTHING);
  const [failed, setFailed] = useState<DeleteFailure[]>([]);
  const [andDelete, setAndDelete] = useState(false);

  const total = counted.data ? sum(counted.data) : 0;
  const done = sum(removed);
  const busy = steps.phase === 'running' || remove.isPending;
  const confirmed = typed === bucket && counted.isSuccess;

  async function start(deleteAfter: boolean) {
    setAndDelete(deleteAfter);
    setFailed([]);
    remove.reset();
    let refused = 0;
    const finished = await steps.run(async (signal) => {
      let cursor: EmptyCursor | undefined;
      for (;;) {
        const step = await api.emptyBucketStep({ ...ref, ...(cursor ? { cursor } : {}) }, { signal });
        setRemoved((before) => Object.fromEntries(KINDS.map((k) => [k, before[k] + step.removed[k]])) as BucketContents);
        refused += step.failed.length;
        if (step.failed.length > 0) setFailed((before) => [...before, ...step.failed]);
        if (!step.remaining || signal.aborted) return;
        cursor = step.cursor;
      }
    });
    if (finished && deleteAfter && refused === 0) remove.mutate(ref, { onSuccess: onDeleted });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed && !busy) void start(false);
  }

  const ran = steps.phase !== 'idle';
  return (
    <AppDialog
      open
      onOpenChange={(open) => (open || busy ? undefined : onClose())}
      title={m.emptyBucket.title}
      description={m.emptyBucket.description}
      fallbackFocus={fallbackFocus}
    >
      <dl className="facts">
        <dt>{m.delete.bucket}</dt>
        <dd>
          <code>{bucket}</code>
        </dd>
      </dl>

      {counted.isPending ? <p role="status">{m.emptyBucket.counting}</p> : null}
      {counted.isError ? <ErrorDetails error={counted.error} title={m.emptyBucket.countFailed} /> : null}
      {counted.data ? (
        total === 0 ? (
          <p>{m.emptyBucket.isEmpty}</p>
        ) : (
          <>
            <p>{m.emptyBucket.holds}</p>
            <ContentList contents={counted.data} label={m.emptyBucket.holds} />
          </>
        )
      ) : null}

      {ran ? (
        <StepProgress label={m.emptyBucket.progressLabel} done={done} total={total} text={runText(steps.phase, done, total, remove.isPending, failed.length)} />
      ) : null}
      {ran && steps.phase !== 'running' && done > 0 ? (
        <>
          <p>{m.emptyBucket.summary}</p>
          <ContentList contents={removed} label={m.emptyBucket.summary} />
        </>
      ) : null}
      <RefusedList failures={failed} title={m.emptyBucket.refusedTitle(failed.length)} more={m.emptyBucket.refusedMore} describe={describeFailure} />
      {steps.phase === 'done' && andDelete && failed.length > 0 ? <p role="alert">{m.emptyBucket.notDeleted}</p> : null}
      {steps.phase === 'failed' ? <ErrorDetails error={steps.error} title={m.emptyBucket.failed} /> : null}
      {remove.isError ? <ErrorDetails error={remove.error} title={m.emptyBucket.deleteFailed} /> : null}

      <form className="form" onSubmit={submit} noValidate>
        {!ran ? (
          <TypedConfirmation label={m.emptyBucket.confirm} hint={m.emptyBucket.confirmHint(bucket)} value={typed} onChange={setTyped} />
        ) : null}
        <div className="form__actions">
          {steps.phase === 'running' ? (
            <button type="button" className="button" onClick={steps.cancel}>
              {m.emptyBucket.stop}
            </button>
          ) : (
            <DialogCancel>{ran ? m.app.close : m.app.cancel}</DialogCancel>
          )}
          {steps.phase === 'cancelled' || steps.phase === 'failed' ? (
            <button type="button" className="button" onClick={() => void start(andDelete)}>
              {m.emptyBucket.carryOn}
            </button>
          ) : null}
          {!ran ? (
            <>
              <button type="submit" className="button button--danger" disabled={!confirmed || busy}>
                {m.emptyBucket.empty}
              </button>
              <button type="button" className="button button--danger" disabled={!confirmed || busy} onClick={() => void start(true)}>
                {m.emptyBucket.emptyAndDelete}
              </button>
            </>
          ) : null}
        </div>
      </form>
    </AppDialog>
  );
}

function runText(phase: string, done: number, total: number, deleting: boolean, refused: number): string {
  if (deleting) return m.emptyBucket.deleting;
  if (phase === 'running') return m.emptyBucket.progress(done, Math.max(total, done));
  if (phase === 'done') return refused === 0 ? m.emptyBucket.done : '';
  if (phase === 'cancelled') return m.emptyBucket.cancelled;
  return '';
}
