import { messages as m } from '../i18n';
import { useCopy } from './use-copy';

/** Copies `text`, and says so next to the button; where the clipboard is refused, it says that instead. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { state, copy } = useCopy(text);
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
