import { useRef } from 'react';
import { messages as m } from '../i18n';
import { useCopy } from './use-copy';

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
  const { state, copy } = useCopy(id, () => selectContents(codeRef.current));

  return (
    <span className="request-id">
      <code ref={codeRef} className="request-id__value">
        {id}
      </code>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {m.copy.requestId}
      </button>
      <span className="request-id__status" role="status">
        {state === 'copied' ? m.copy.copied : state === 'refused' ? m.copy.manual : ''}
      </span>
    </span>
  );
}
