import { useId, useState } from 'react';
import { formatObjectLocation, parseObjectLocation, type LocationProblem } from '@shared/object-location';
import { messages as m } from '@renderer/i18n';

export interface LocationTarget {
  /** Named by the text, or for a path the bucket already open. */
  bucket: string;
  /** Known only when the text named it (a bucket URL). */
  region?: string;
  prefix: string;
}

interface LocationFormProps {
  /** The place open now, shown as text; absent on the bucket list, where the text must name a bucket. */
  here?: { bucket: string; prefix: string };
  onGo: (target: LocationTarget) => void;
}

/**
 * The place as text, to read, copy, or replace by a `cos://` location, a bucket URL or a path, then Enter.
 * Keyed by place by its parent: going somewhere else shows the new place's text. On the bucket list it starts
 * empty and takes only locations that name a bucket: how a key that may list neither buckets nor a bucket's root
 * reaches the one folder it may read.
 */
export function LocationForm({ here, onGo }: LocationFormProps) {
  const shown = here ? formatObjectLocation(here.bucket, here.prefix) : '';
  const [text, setText] = useState(shown);
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
        const bucket = location.bucket ?? here?.bucket;
        if (!bucket) {
          setProblem('noBucket');
          return;
        }
        setProblem(null);
        onGo({ bucket, region: location.region, prefix: location.prefix });
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {m.objects.location}
      </label>
      <input
        id={inputId}
        className="input location-form__input"
        value={text}
        placeholder={here ? m.objects.locationPlaceholder : m.objects.openLocationPlaceholder}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText(shown);
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
        {here ? m.objects.locationHint : m.objects.openLocationHint}
      </span>
      {problem ? (
        <p id={problemId} className="field__error location-form__problem" role="alert">
          {m.objects.locationProblems[problem]}
        </p>
      ) : null}
    </form>
  );
}
