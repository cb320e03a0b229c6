import { useEffect, useState } from 'react';
import { messages as m } from '../i18n';

type CopyState = 'idle' | 'copied' | 'refused';

/** Copies `text`, and says so next to the button; where the clipboard is refused, it says that instead. */
export function CopyButton({ text, label }: { text: string; label: string }) {
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
      setState('refused');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-button__status" role="status">
        {state === 'copied' ? m.copy.copied : state === 'refused' ? m.copy.refused : ''}
      </span>
    </span>
  );
}
