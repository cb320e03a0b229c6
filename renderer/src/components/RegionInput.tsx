import { useId } from 'react';
import { REGIONS, isWellFormedRegion } from '@shared/regions';
import { messages as m, regionName } from '../i18n';
import { Field } from './Field';

interface RegionInputProps {
  label: string;
  hint: string;
  invalidMessage: string;
  value: string;
  onChange: (region: string) => void;
}

/** A typed region ID with the catalog as suggestions: for reaching buckets wherever they are. */
export function RegionInput({ label, hint, invalidMessage, value, onChange }: RegionInputProps) {
  const listId = useId();
  const invalid = value.length > 0 && !isWellFormedRegion(value);
  return (
    <Field label={label} hint={hint} error={invalid ? invalidMessage : undefined}>
      {(control) => (
        <>
          <input
            {...control}
            list={listId}
            className="input input--mono"
            value={value}
            onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
            autoComplete="off"
            spellCheck={false}
            placeholder={m.signIn.examples.region}
          />
          <datalist id={listId}>
            {REGIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {m.regions.option(regionName(r.id) ?? r.id, r.id)}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
