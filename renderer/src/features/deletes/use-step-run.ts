/**
 * Runs a long delete as a loop of short calls (one listing page and one batch each) that the user can stop:
 * Cancel aborts the call in flight, requests included, and nothing more is sent. What was removed stays removed;
 * running again carries on, since every step lists what is still there.
 */
import { useEffect, useRef, useState } from 'react';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export function useStepRun() {
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | null>(null);

  // A dialog closed mid-run stops the run with it.
  useEffect(() => () => controller.current?.abort(), []);

  async function run(loop: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    const current = new AbortController();
    controller.current = current;
    setPhase('running');
    setError(undefined);
    try {
      await loop(current.signal);
      if (current.signal.aborted) throw new Error('cancelled');
      setPhase('done');
      return true;
    } catch (caught) {
      if (current.signal.aborted) setPhase('cancelled');
      else {
        setError(caught);
        setPhase('failed');
      }
      return false;
    }
  }

  return { phase, error, run, cancel: () => controller.current?.abort() };
}
