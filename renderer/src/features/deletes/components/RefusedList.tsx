import type { DeleteFailure } from '@shared/delete-contract';

/** Entries shown before "and N more": the list is for seeing what went wrong, not for reading 10,000 lines. */
const SHOWN = 20;

/** What COS refused to remove, each with COS's code. */
export function RefusedList({
  failures,
  title,
  more,
  describe,
}: {
  failures: readonly DeleteFailure[];
  title: string;
  more: (n: number) => string;
  describe?: (failure: DeleteFailure) => string | undefined;
}) {
  if (failures.length === 0) return null;
  return (
    <div className="refused">
      <p>{title}</p>
      <ul aria-label={title}>
        {failures.slice(0, SHOWN).map((f, index) => (
          <li key={`${f.key}-${f.versionId ?? f.uploadId ?? ''}-${index}`}>
            <code>{f.key}</code> {describe?.(f) ?? ''} — <code>{f.code}</code>
          </li>
        ))}
        {failures.length > SHOWN ? <li>{more(failures.length - SHOWN)}</li> : null}
      </ul>
    </div>
  );
}
