/**
 * A bucket policy (doc 8282, doc 31923) checked before it is sent: JSON with a non-empty `Statement` list, each
 * with `Effect` allow or deny, a `Principal` `{"qcs": ["qcs::cam::…"]}`, `Action` names `name/cos:<Api>` (or
 * `*`), and every `Resource` inside this bucket: `qcs::cos:<region>:uid/<appid>:<bucket>/…`.
 */
import { rule, type IssueRule } from './issue-rules';

export const MAX_POLICY_LENGTH = 20_000;

export type PolicyRule = 'json' | 'size' | 'statement' | 'effect' | 'principal' | 'action' | 'resource';

/** Each policy rule's name among the issue rules, which the renderer words. */
export const POLICY_ISSUE_RULES: Record<PolicyRule, IssueRule> = {
  json: rule('policy.json'),
  size: rule('policy.size'),
  statement: rule('policy.statement'),
  effect: rule('policy.effect'),
  principal: rule('policy.principal'),
  action: rule('policy.action'),
  resource: rule('policy.resource'),
};

export interface PolicyProblem {
  rule: PolicyRule;
  /** The statement's place (from 1), when the problem is in one. */
  statement?: number;
}

const PRINCIPAL = /^qcs::cam::(anyone:anyone|uin\/\d{5,20}:(uin|groupid|roleName)\/[\w.@+=,-]{1,64}|uin\/\d{5,20}:service\/[\w-]{1,64}|\*)$/;
const ACTION = /^(\*|name\/cos:(\*|[A-Za-z]{1,64}\*?))$/;

/** The prefix every Resource of this bucket's policy starts with. */
export function policyResourcePrefix(bucket: string, region: string): string {
  const appId = /-(\d+)$/.exec(bucket)?.[1] ?? '';
  return `qcs::cos:${region}:uid/${appId}:${bucket}/`;
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? value : undefined;
}

export function checkPolicy(text: string, bucket: string, region: string): PolicyProblem[] {
  if (text.length > MAX_POLICY_LENGTH) return [{ rule: 'size' }];
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    return [{ rule: 'json' }];
  }
  const statements = (policy as { Statement?: unknown } | null)?.Statement;
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy) || !Array.isArray(statements) || statements.length === 0) {
    return [{ rule: 'statement' }];
  }
  const prefix = policyResourcePrefix(bucket, region);
  const problems: PolicyProblem[] = [];
  statements.forEach((raw: unknown, index) => {
    const statement = index + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ rule: 'statement', statement });
      return;
    }
    const s = raw as Record<string, unknown>;
    if (typeof s.Effect !== 'string' || !/^(allow|deny)$/i.test(s.Effect)) problems.push({ rule: 'effect', statement });
    const principal = typeof s.Principal === 'object' && s.Principal !== null ? strings((s.Principal as Record<string, unknown>).qcs) : undefined;
    if (!principal || !principal.every((p) => PRINCIPAL.test(p))) problems.push({ rule: 'principal', statement });
    const actions = strings(s.Action);
    if (!actions || !actions.every((a) => ACTION.test(a))) problems.push({ rule: 'action', statement });
    const resources = strings(s.Resource);
    if (!resources || !resources.every((r) => r.startsWith(prefix))) problems.push({ rule: 'resource', statement });
  });
  return problems;
}

/** The templates the editor offers, filled in for this bucket. `<…>` parts are for the user to replace. */
export function policyTemplates(bucket: string, region: string, ownerUin = '<owner-uin>') {
  const prefix = policyResourcePrefix(bucket, region);
  const json = (statement: object) => JSON.stringify({ version: '2.0', Statement: [statement] }, null, 2);
  return {
    publicReadPrefix: json({
      Principal: { qcs: ['qcs::cam::anyone:anyone'] },
      Effect: 'allow',
      Action: ['name/cos:GetObject', 'name/cos:HeadObject'],
      Resource: [`${prefix}public/*`],
    }),
    readOnlySubAccount: json({
      Principal: { qcs: [`qcs::cam::uin/${ownerUin}:uin/<sub-account-uin>`] },
      Effect: 'allow',
      Action: ['name/cos:GetBucket', 'name/cos:HeadBucket', 'name/cos:GetObject', 'name/cos:HeadObject'],
      Resource: [prefix, `${prefix}*`],
    }),
  };
}
