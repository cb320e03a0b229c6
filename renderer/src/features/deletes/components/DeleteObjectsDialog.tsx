import { useState, type FormEvent } from 'react';
import { useQueries } from '@tanstack/react-query';
import { DELETE_BATCH_SIZE, type DeleteFailure } from '@shared/contract';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { TypedConfirmation } from '@renderer/components/TypedConfirmation';
import { messages as m } from '@renderer/i18n';
import { useApi } from '@renderer/api/api-context';
import { useStepRun } from '../use-step-run';
import { RefusedList } from './RefusedList';
import { StepProgress } from './StepProgress';

interface DeleteObjectsDialogProps {
  bucket: string;
  region: string;
  /** Objects chosen one by one. */
  keys: readonly string[];
  /** Folders chosen whole: everything whose key starts with one of them. */
  prefixes?: readonly string[];
  onClose: () => void;
  /** After a run that went to its end; `deleted` is what COS answered for. */
  onDeleted?: (deleted: number) => void;
}

/** Names listed before "and N more". */
const NAMED = 10;
/** Above this many objects the user types the count, so a slip of the mouse cannot delete a folder's worth. */
const TYPE_COUNT_ABOVE = 100;

/**
 * Deletes a selection and whole folders: folders are counted first, the dialog names what will go and the total,
 * and a large delete or a folder asks the user to type the count or the folder's name. Keys go a batch of at most
 * 1,000 at a time, folders a listing page at a time, with progress and Cancel; refusals are listed with their codes.
 */
export function DeleteObjectsDialog({ bucket, region, keys, prefixes = [], onClose, onDeleted }: DeleteObjectsDialogProps) {
  const api = useApi();
  const ref = { bucket, region };
  const counts = useQueries({
    queries: prefixes.map((prefix) => ({
      queryKey: ['countPrefix', bucket, region, prefix],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.countPrefix({ ...ref, prefix }, { signal }),
      gcTime: 0,
      staleTime: Infinity,
      retry: false,
    })),
  });
  const steps = useStepRun();
  const [typed, setTyped] = useState('');
  const [deleted, setDeleted] = useState(0);
  const [failed, setFailed] = useState<DeleteFailure[]>([]);

  const counted = counts.every((c) => c.isSuccess);
  const countError = counts.find((c) => c.isError)?.error;
  const total = keys.length + counts.reduce((n, c) => n + (c.data?.objects ?? 0), 0);
  // One folder alone: its name. Anything else large, or holding a folder: the count.
  const expected = prefixes.length === 1 && keys.length === 0 ? prefixes[0] : total > TYPE_COUNT_ABOVE || prefixes.length > 0 ? String(total) : undefined;
  const confirmed = counted && (expected === undefined || typed === expected);
  const ran = steps.phase !== 'idle';

  async function start() {
    let sum = deleted;
    const finished = await steps.run(async (signal) => {
      const record = (n: number, refused: readonly DeleteFailure[]) => {
        sum += n;
        setDeleted(sum);
        if (refused.length > 0) setFailed((before) => [...before, ...refused]);
      };
      for (let i = 0; i < keys.length && !signal.aborted; i += DELETE_BATCH_SIZE) {
        const result = await api.deleteObjects({ ...ref, keys: keys.slice(i, i + DELETE_BATCH_SIZE) }, { signal });
        record(result.deleted, result.failed);
      }
      for (const prefix of prefixes) {
        let marker: string | undefined;
        while (!signal.aborted) {
          const step = await api.deletePrefixStep({ ...ref, prefix, ...(marker ? { marker } : {}) }, { signal });
          record(step.deleted, step.failed);
          if (!step.remaining) break;
          marker = step.marker;
        }
      }
    });
    if (finished) onDeleted?.(sum);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed && !ran) void start();
  }

  const names = [
    ...keys.map((key) => ({ id: `k:${key}`, text: key })),
    ...prefixes.map((prefix, i) => ({ id: `p:${prefix}`, text: counts[i].data ? m.deleteObjects.folder(prefix, counts[i].data.objects) : prefix })),
  ];
  const firstNames = names.slice(0, NAMED);

  return (
    <AppDialog open onOpenChange={(open) => (open || steps.phase === 'running' ? undefined : onClose())} title={m.deleteObjects.title} description={m.deleteObjects.description}>
      <p>{m.deleteObjects.willGo}</p>
      <ul className="counts" aria-label={m.deleteObjects.willGo}>
        {firstNames.map((name) => (
          <li key={name.id}>
            <code>{name.text}</code>
          </li>
        ))}
        {names.length > NAMED ? <li>{m.deleteObjects.more(names.length - NAMED)}</li> : null}
      </ul>
      {prefixes.length > 0 && !counted && !countError ? <p role="status">{m.deleteObjects.counting(prefixes.join(', '))}</p> : null}
      {counted ? <p>{m.deleteObjects.total(total)}</p> : null}
      {countError ? <ErrorDetails error={countError} title={m.deleteObjects.countFailed} /> : null}

      {ran ? <StepProgress label={m.deleteObjects.progressLabel} done={deleted} total={total} text={runText(steps.phase, deleted, total)} /> : null}
      <RefusedList failures={failed} title={m.deleteObjects.refusedTitle(failed.length)} more={m.deleteObjects.refusedMore} />
      {steps.phase === 'failed' ? <ErrorDetails error={steps.error} title={m.deleteObjects.failed} /> : null}

      <form className="form" onSubmit={submit} noValidate>
        {!ran && expected !== undefined ? (
          <TypedConfirmation
            label={expected === String(total) ? m.deleteObjects.confirmCount : m.deleteObjects.confirmFolder}
            hint={expected === String(total) ? m.deleteObjects.confirmCountHint(total) : m.deleteObjects.confirmFolderHint(expected)}
            value={typed}
            onChange={setTyped}
          />
        ) : null}
        <div className="form__actions">
          {steps.phase === 'running' ? (
            <button type="button" className="button" onClick={steps.cancel}>
              {m.deleteObjects.stop}
            </button>
          ) : (
            <DialogCancel>{ran ? m.app.close : m.app.cancel}</DialogCancel>
          )}
          {!ran ? (
            <button type="submit" className="button button--danger" disabled={!confirmed}>
              {m.deleteObjects.submit}
            </button>
          ) : null}
        </div>
      </form>
    </AppDialog>
  );
}

function runText(phase: string, done: number, total: number): string {
  if (phase === 'running') return m.deleteObjects.progress(done, Math.max(total, done));
  if (phase === 'done') return m.deleteObjects.done(done);
  if (phase === 'cancelled') return m.deleteObjects.cancelled(done);
  return '';
}
