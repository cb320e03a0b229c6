import { useEffect, useState } from 'react';

/** `copied` for a moment after a copy; `refused` when the clipboard would not take it (and stays until the next try). */
export type CopyState = 'idle' | 'copied' | 'refused';

/** Copies `text` to the clipboard and says how it went; `onRefused` lets the caller offer another way. */
export function useCopy(text: string, onRefused?: () => void): { state: CopyState; copy: () => Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      onRefused?.();
      setState('refused');
    }
  }

  return { state, copy };
}
