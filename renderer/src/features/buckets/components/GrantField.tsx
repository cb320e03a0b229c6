import { MAX_GRANTEES, type ParsedGrantees } from '@shared/grants';
import { Field } from '@renderer/components/Field';
import { messages as m } from '@renderer/i18n';

interface GrantFieldProps {
  label: string;
  value: string;
  parsed: ParsedGrantees;
  onChange: (value: string) => void;
}

export function grantProblem(parsed: ParsedGrantees): string | undefined {
  if (parsed.invalid.length > 0) return m.create.grantInvalid(parsed.invalid);
  if (parsed.ids.length > MAX_GRANTEES) return m.create.grantTooMany(MAX_GRANTEES);
  return undefined;
}

export function GrantField({ label, value, parsed, onChange }: GrantFieldProps) {
  const problem = grantProblem(parsed);
  return (
    <Field
      label={label}
      className="grant-field"
      hint={parsed.ids.length > 0 && !problem ? m.create.grantCount(parsed.ids.length) : undefined}
      error={problem}
    >
      {(control) => (
        <textarea
          {...control}
          className="input input--mono grant-field__input"
          rows={2}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </Field>
  );
}
