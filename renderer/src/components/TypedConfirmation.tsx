import type { ReactNode } from 'react';
import { Field } from './Field';

/** The box a destructive dialog asks the user to type a name or a count into before it acts. */
export function TypedConfirmation({ label, hint, value, onChange }: { label: ReactNode; hint: ReactNode; value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          data-autofocus
          className="input input--mono"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}
