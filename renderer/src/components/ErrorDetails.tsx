import { useEffect, useRef } from 'react';
import { toAppError } from '../api/app-error';
import { messages as m } from '../i18n';
import { errorHint } from './error-hint';
import { RequestId } from './RequestId';

/** Every failure, explained the same way: what happened, what to do, and the facts support will ask for. */
export function ErrorDetails({ error, title }: { error: unknown; title?: string }) {
  const details = toAppError(error);
  const hint = errorHint(details);
  const ref = useRef<HTMLDivElement>(null);

  // In a long dialog the error appears below the fold: bring it into view once.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div ref={ref} role="alert" className="error-details">
      <p className="error-details__title">{title ?? m.errors.titles[details.kind]}</p>
      {hint ? <p className="error-details__hint">{hint}</p> : null}
      {details.attempts ? <p className="error-details__hint">{m.errors.attempts(details.attempts)}</p> : null}
      {details.issues?.length ? (
        <ul className="error-details__issues">
          {details.issues.map((issue, index) => (
            <li key={`${issue.path}-${index}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="error-details__facts">
        <dt>{m.errors.code}</dt>
        <dd>
          <code>{details.code}</code>
        </dd>
        {details.status !== undefined ? (
          <>
            <dt>{m.errors.status}</dt>
            <dd>{details.status}</dd>
          </>
        ) : null}
        <dt>{m.errors.message}</dt>
        <dd>{details.message}</dd>
        {details.requestId ? (
          <>
            <dt>{m.errors.requestId}</dt>
            <dd>
              <RequestId id={details.requestId} />
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
