import { useEffect, useRef } from 'react';
import { isExpiredSignature } from '@shared/refusals';
import { toAppError } from '../api/app-error';
import { useOpenRequestLog } from '../features/request-log/request-log-context';
import { messages as m } from '../i18n';
import { errorHint, errorSummary, issueText } from './error-text';
import { PermissionHelp } from './PermissionHelp';
import { RequestId } from './RequestId';

/** Every failure, explained the same way: what happened, what to do, and the facts support will ask for. */
export function ErrorDetails({ error, title }: { error: unknown; title?: string }) {
  const details = toAppError(error);
  const summary = errorSummary(details);
  const hint = errorHint(details);
  const ref = useRef<HTMLDivElement>(null);
  const openRequestLog = useOpenRequestLog();
  const refused = details.code === 'AccessDenied' && details.action !== undefined && !isExpiredSignature(details);

  // In a long dialog the error appears below the fold: bring it into view once.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div ref={ref} role="alert" className="error-details">
      <p className="error-details__title">{title ?? m.errors.titles[details.kind]}</p>
      {summary ? <p className="error-details__summary">{summary}</p> : null}
      {hint ? <p className="error-details__hint">{hint}</p> : null}
      {details.attempts ? <p className="error-details__hint">{m.errors.attempts(details.attempts)}</p> : null}
      {details.issues?.length ? (
        <ul className="error-details__issues">
          {details.issues.map((issue, index) => (
            <li key={`${issue.path}-${index}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issueText(issue)}
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
        {details.cosMessage ? (
          <>
            <dt>{m.errors.message}</dt>
            <dd>{details.cosMessage}</dd>
          </>
        ) : null}
        {details.requestId ? (
          <>
            <dt>{m.errors.requestId}</dt>
            <dd>
              <RequestId id={details.requestId} />
              {openRequestLog ? (
                <button type="button" className="button button--small button--link" onClick={() => openRequestLog(details.requestId)}>
                  {m.requestLog.showInLog}
                </button>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {refused ? <PermissionHelp action={details.action!} resource={details.resource} temporaryKey={details.temporaryKey} /> : null}
    </div>
  );
}
