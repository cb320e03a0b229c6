import { useEffect, useRef, useState } from 'react';
import { messages as m } from '../i18n';

type CopyState = 'idle' | 'copied' | 'manual';

function selectContents(element: HTMLElement | null): void {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** A request id with a copy button; where the clipboard is refused, the id is selected for Ctrl+C instead. */
export function RequestId({ id }: { id: string }) {
  const codeRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(id);
      setState('copied');
    } catch {
      selectContents(codeRef.current);
      setState('manual');
    }
  }

  return (
    <span className="request-id">
      <code ref={codeRef} className="request-id__value">
        {id}
      </code>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {m.copy.requestId}
      </button>
      <span className="request-id__status" role="status">
        {state === 'copied' ? m.copy.copied : state === 'manual' ? m.copy.manual : ''}
      </span>
    </span>
  );
}
