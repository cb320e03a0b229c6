import type { AppError, AppErrorCode, ErrorIssue } from '@shared/errors';
import type { IssueRule } from '@shared/issue-rules';
import { isExpiredSignature } from '@shared/refusals';
import { messages as m } from '../i18n';

/** COS's own InternalError shares its name with the app's: only the app's is worded as the app's failure. */
function isCosInternalError(error: AppError): boolean {
  return error.kind === 'cos' && error.code === 'InternalError';
}

function isAppCode(code: string): code is AppErrorCode {
  return Object.hasOwn(m.errors.summaries, code);
}

/** What happened, in words: the app's own codes from their parameters; COS's codes speak through COS's message. */
export function errorSummary(error: AppError): string | undefined {
  if (isCosInternalError(error)) return undefined;
  return isAppCode(error.code) ? m.errors.summaries[error.code](error.params ?? {}) : undefined;
}

/** What the user can do about an error: by code first, then by kind (network, timeout…). */
export function errorHint(error: AppError): string | undefined {
  if (isExpiredSignature(error)) return m.errors.clockHint;
  if (error.code === 'AccessDenied') return m.errors.accessDenied(error.action);
  if (isCosInternalError(error)) return m.errors.hints.ServerError;
  const byCode = Object.hasOwn(m.errors.hints, error.code) ? m.errors.hints[error.code as keyof typeof m.errors.hints] : undefined;
  return byCode ?? m.errors.kindHints[error.kind];
}

/** One field problem in words. */
export function issueText(issue: ErrorIssue): string {
  if (Object.hasOwn(m.errors.issues, issue.rule)) return m.errors.issues[issue.rule as IssueRule];
  return (m.errors.checks[issue.rule] ?? m.errors.checks.other)(issue.limit);
}
