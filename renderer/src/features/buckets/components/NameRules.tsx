import type { AppIdRule, BucketNameRule, RuleResult } from '@shared/bucket-name';
import { messages as m } from '@renderer/i18n';

interface NameRulesProps {
  id: string;
  nameRules: RuleResult<BucketNameRule>[];
  appIdRules: RuleResult<AppIdRule>[];
  maxLength: number;
  nameLength: number;
  /** The profile has a bucket domain: the length rule says it is still COS's own. */
  customDomain?: boolean;
}

function ruleText(rule: BucketNameRule | AppIdRule, maxLength: number, nameLength: number, customDomain: boolean): string {
  if (rule !== 'hostLength') return m.create.rules[rule];
  return customDomain ? m.create.rules.hostLengthCosRule(maxLength, nameLength) : m.create.rules.hostLength(maxLength, nameLength);
}

/** The naming rules, each marked met or not as the user types. */
export function NameRules({ id, nameRules, appIdRules, maxLength, nameLength, customDomain = false }: NameRulesProps) {
  const results: RuleResult<BucketNameRule | AppIdRule>[] = [...nameRules, ...appIdRules];
  return (
    <ul id={id} className="rules" aria-label={m.create.rulesLabel}>
      {results.map(({ rule, ok }) => (
        <li key={rule} className={ok ? 'rule rule--ok' : 'rule rule--bad'} data-rule={rule}>
          <span className="rule__mark" aria-hidden="true">
            {ok ? '✓' : '✗'}
          </span>
          <span className="visually-hidden">{ok ? m.create.ruleMet : m.create.ruleNotMet} </span>
          {ruleText(rule, maxLength, nameLength, customDomain)}
        </li>
      ))}
    </ul>
  );
}
