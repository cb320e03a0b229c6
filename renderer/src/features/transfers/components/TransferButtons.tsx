/**
 * Upload and Download in the object view's toolbar. Paths never pass through the page: the main process opens the
 * native picker and answers with handles, which start the transfers. "If it exists" is the choice new transfers
 * take when the target key or file is already there (Ask by default: nothing is overwritten unasked).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { CONFLICT_CHOICES, type ConflictChoice } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { useCall } from '@renderer/api/use-call';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { startDownloadEffects, startUploadEffects } from '../api/use-transfers';

interface TransferButtonsProps {
  bucket: string;
  region: string;
  prefix: string;
  keys: readonly string[];
  folders: readonly string[];
  conflict: ConflictChoice;
  onConflictChange: (choice: ConflictChoice) => void;
}

/** Starts uploads of handles into the folder on screen; shared by the buttons and the object view's drop. */
export function useStartUpload(bucket: string, region: string, prefix: string) {
  const start = useCall('startUpload', startUploadEffects);
  return {
    start: (sources: string[], conflict: ConflictChoice) => start.mutateAsync({ bucket, region, prefix, sources, conflict }),
    error: start.error,
    reset: start.reset,
  };
}

export function TransferButtons({ bucket, region, prefix, keys, folders, conflict, onConflictChange }: TransferButtonsProps) {
  const api = useApi();
  const [menuOpen, setMenuOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const menuId = useId();
  const selectId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const upload = useStartUpload(bucket, region, prefix);
  const startDownload = useCall('startDownload', startDownloadEffects);

  useEffect(() => {
    if (menuOpen) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menuOpen]);

  async function pickAndUpload(kind: 'files' | 'folder') {
    setMenuOpen(false);
    setError(null);
    try {
      const { sources } = await api.pickUploadSources({ kind });
      if (sources.length === 0) return;
      const started = await upload.start(
        sources.map((s) => s.handle),
        conflict,
      );
      setNote(m.transfers.queued(started.queued));
    } catch (failure) {
      setError(failure);
    }
  }

  async function download() {
    setError(null);
    try {
      const { folder } = await api.pickDownloadFolder();
      if (!folder) return;
      const started = await startDownload.mutateAsync({ bucket, region, prefix, keys: [...keys], folders: [...folders], folder: folder.handle, conflict });
      setNote(m.transfers.queued(started.queued));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <>
      <div className="menu-anchor">
        <button
          type="button"
          className="button"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {m.transfers.upload}
        </button>
        {menuOpen ? (
          <div
            id={menuId}
            ref={menuRef}
            role="menu"
            className="menu"
            onKeyDown={(event) => {
              if (event.key === 'Escape') setMenuOpen(false);
            }}
          >
            <button type="button" role="menuitem" className="menu__item" onClick={() => void pickAndUpload('files')}>
              {m.transfers.uploadFiles}
            </button>
            <button type="button" role="menuitem" className="menu__item" onClick={() => void pickAndUpload('folder')}>
              {m.transfers.uploadFolder}
            </button>
          </div>
        ) : null}
      </div>
      <button type="button" className="button" disabled={keys.length + folders.length === 0} onClick={() => void download()}>
        {m.transfers.download}
      </button>
      <label className="toolbar__meta" htmlFor={selectId}>
        {m.transfers.conflictLabel}
      </label>
      <select id={selectId} className="input" value={conflict} onChange={(event) => onConflictChange(event.target.value as ConflictChoice)}>
        {CONFLICT_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {m.transfers.conflicts[choice]}
          </option>
        ))}
      </select>
      <span className="visually-hidden" role="status">
        {note}
      </span>
      {error ? <ErrorDetails error={error} /> : null}
    </>
  );
}
