import { useEffect, useId, useRef, useState } from 'react';
import { REGIONS, findRegion, isWellFormedRegion, type RegionInfo } from '@shared/regions';
import { messages as m, regionName } from '../i18n';
import { Field } from './Field';

const OTHER = '__other__';
const AREAS: readonly RegionInfo['area'][] = ['mainland', 'finance', 'international'];

interface RegionPickerProps {
  label: string;
  value: string;
  onChange: (region: string) => void;
  /** For creating buckets: regions that accept no new buckets cannot be chosen. */
  disableSoldOut?: boolean;
}

/** The region catalog grouped by area, plus a free-text region for anything well-formed the catalog lacks. */
export function RegionPicker({ label, value, onChange, disableSoldOut }: RegionPickerProps) {
  const selectId = useId();
  const [other, setOther] = useState(() => findRegion(value) === undefined);
  const [focusOther, setFocusOther] = useState(false);
  const otherRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOther && other) {
      otherRef.current?.focus();
      setFocusOther(false);
    }
  }, [focusOther, other]);

  const otherInvalid = other && value.length > 0 && !isWellFormedRegion(value);

  return (
    <div className="region-picker">
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          {label}
        </label>
        <select
          id={selectId}
          className="select"
          value={other ? OTHER : value}
          onChange={(event) => {
            const choice = event.target.value;
            if (choice === OTHER) {
              setOther(true);
              setFocusOther(true);
            } else {
              setOther(false);
              onChange(choice);
            }
          }}
        >
          {AREAS.map((area) => (
            <optgroup key={area} label={m.regions.areas[area]}>
              {REGIONS.filter((r) => r.area === area).map((r) => {
                const soldOut = disableSoldOut && r.soldOut;
                return (
                  <option key={r.id} value={r.id} disabled={soldOut}>
                    {m.regions.option(regionName(r.id) ?? r.id, r.id)}
                    {soldOut ? ` — ${m.regions.soldOut}` : ''}
                  </option>
                );
              })}
            </optgroup>
          ))}
          <option value={OTHER}>{m.regions.other}</option>
        </select>
      </div>
      {other ? (
        <Field label={m.regions.otherLabel} hint={m.regions.otherHint} error={otherInvalid ? m.regions.otherInvalid : undefined}>
          {(control) => (
            <input
              {...control}
              ref={otherRef}
              className="input"
              value={value}
              onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
              autoComplete="off"
              spellCheck={false}
              placeholder={m.signIn.examples.region}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
