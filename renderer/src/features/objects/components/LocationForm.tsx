import { useId, useState } from 'react';
import { formatObjectLocation, parseObjectLocation, type LocationProblem } from '@shared/object-location';
import { messages as m } from '@renderer/i18n';

export interface LocationTarget {
  /** Absent for a path: the bucket already open. */
  bucket?: string;
  /** Known only when the text named it (a bucket URL). */
  region?: string;
  prefix: string;
}

interface LocationFormProps {
  bucket: string;
  prefix: string;
  onGo: (target: LocationTarget) => void;
}

/**
 * The place as text, to read, copy, or replace by a `cos://` location, a bucket URL or a path, then Enter.
 * Keyed by place by its parent: going somewhere else shows the new place's text.
 */
export function LocationForm({ bucket, prefix, onGo }: LocationFormProps) {
  const [text, setText] = useState(() => formatObjectLocation(bucket, prefix));
  const [problem, setProblem] = useState<LocationProblem | null>(null);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  return (
    <form
      className="location-form"
      onSubmit={(event) => {
        event.preventDefault();
        const location = parseObjectLocation(text);
        if (!location.ok) {
          setProblem(location.problem);
          return;
        }
        setProblem(null);
        onGo({ bucket: location.bucket, region: location.region, prefix: location.prefix });
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {m.objects.location}
      </label>
      <input
        id={inputId}
        className="input location-form__input"
        value={text}
        placeholder={m.objects.locationPlaceholder}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText(formatObjectLocation(bucket, prefix));
            setProblem(null);
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button">
        {m.objects.go}
      </button>
      <span id={hintId} className="visually-hidden">
        {m.objects.locationHint}
      </span>
      {problem ? (
        <p id={problemId} className="field__error location-form__problem" role="alert">
          {m.objects.locationProblems[problem]}
        </p>
      ) : null}
    </form>
  );
}
