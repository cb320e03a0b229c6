/**
 * Lifecycle rules (doc 8280, doc 17029), the part COS Desk edits: a rule applies to a key prefix (empty: the whole
 * bucket), is Enabled or Disabled, and does at least one of: expire objects N days after upload, move them to
 * another storage class after N days, expire noncurrent versions N days after they became noncurrent, abort
 * unfinished multipart uploads N days after they began. At most 1,000 rules; IDs of up to 255 characters, unique.
 */
import type { RuleResult } from './bucket-name';
import { rule, type IssueRule } from './issue-rules';

export const MAX_LIFECYCLE_RULES = 1000;
export const MAX_LIFECYCLE_DAYS = 36_500;
export const TRANSITION_CLASSES = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'ARCHIVE', 'DEEP_ARCHIVE', 'MAZ_STANDARD_IA', 'MAZ_INTELLIGENT_TIERING'] as const;
export type TransitionClass = (typeof TRANSITION_CLASSES)[number];

export interface LifecycleRule {
  id: string;
  prefix: string;
  enabled: boolean;
  expirationDays?: number;
  transition?: { days: number; storageClass: TransitionClass };
  noncurrentExpirationDays?: number;
  abortUploadDays?: number;
}

export type LifecycleRuleName = 'id' | 'idDuplicate' | 'action' | 'days' | 'prefix';

export const LIFECYCLE_ISSUE_RULES: Record<LifecycleRuleName, IssueRule> = {
  id: rule('lifecycle.id'),
  idDuplicate: rule('lifecycle.idDuplicate'),
  action: rule('lifecycle.action'),
  days: rule('lifecycle.days'),
  prefix: rule('lifecycle.prefix'),
};

const days = (n: number | undefined, min = 1) => n === undefined || (Number.isInteger(n) && n >= min && n <= MAX_LIFECYCLE_DAYS);

export function checkLifecycleRule(r: LifecycleRule, otherIds: readonly string[]): RuleResult<LifecycleRuleName>[] {
  return [
    { rule: 'id', ok: r.id.length > 0 && r.id.length <= 255 && /^[\w.:/@+= -]+$/.test(r.id) },
    { rule: 'idDuplicate', ok: !otherIds.includes(r.id) },
    {
      rule: 'action',
      ok: r.expirationDays !== undefined || r.transition !== undefined || r.noncurrentExpirationDays !== undefined || r.abortUploadDays !== undefined,
    },
    // A transition may happen at once (0 days); the other actions count from 1.
    { rule: 'days', ok: days(r.expirationDays) && days(r.transition?.days, 0) && days(r.noncurrentExpirationDays) && days(r.abortUploadDays) },
    // eslint-disable-next-line no-control-regex
    { rule: 'prefix', ok: r.prefix.length <= 850 && !/[\n\r\x18-\x1b]/.test(r.prefix) },
  ];
}

/** Every broken rule of a whole list, by the rule's place in it. */
export function checkLifecycle(rules: readonly LifecycleRule[]): { index: number; rule: LifecycleRuleName }[] {
  return rules.flatMap((r, index) =>
    checkLifecycleRule(
      r,
      rules.slice(0, index).map((other) => other.id),
    )
      .filter((x) => !x.ok)
      .map((x) => ({ index, rule: x.rule })),
  );
}

/** The templates offered when adding a rule. */
export const LIFECYCLE_TEMPLATES = {
  expireLogs: { id: 'expire-logs', prefix: 'logs/', enabled: true, expirationDays: 30 },
  abortUploads: { id: 'abort-unfinished-uploads', prefix: '', enabled: true, abortUploadDays: 7 },
  expireNoncurrent: { id: 'expire-noncurrent-versions', prefix: '', enabled: true, noncurrentExpirationDays: 30 },
  toStandardIa: { id: 'to-standard-ia', prefix: '', enabled: true, transition: { days: 30, storageClass: 'STANDARD_IA' } },
} as const satisfies Record<string, LifecycleRule>;
