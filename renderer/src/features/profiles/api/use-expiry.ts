import { useEffect, useState } from 'react';

/** The current time, updated every `intervalMs` while `enabled`. */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

/** Longest delay setTimeout honours; later expiries are re-armed when it fires. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Whether `expiresAt` has passed, turning true at that moment without ticking every second until then. */
export function useHasExpired(expiresAt: string | undefined): boolean {
  const deadline = expiresAt === undefined ? Number.NaN : Date.parse(expiresAt);
  // Read in render, so a new expiry is judged at once; the timer only re-renders when the moment comes.
  const expired = !Number.isNaN(deadline) && deadline <= Date.now();
  const [, rerender] = useState(0);
  useEffect(() => {
    if (Number.isNaN(deadline)) return;
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      const left = deadline - Date.now();
      if (left <= 0) rerender((n) => n + 1);
      else timer = setTimeout(wait, Math.min(left, MAX_TIMEOUT_MS));
    };
    wait();
    return () => clearTimeout(timer);
  }, [deadline]);
  return expired;
}
