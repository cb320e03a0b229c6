import { useId } from 'react';
import { BUCKET_ACLS, isPublicAcl, type BucketAcl } from '@shared/acl';
import { messages as m } from '@renderer/i18n';

export function AclChoice({ value, onChange }: { value: BucketAcl; onChange: (acl: BucketAcl) => void }) {
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{m.create.acl}</legend>
      <div className="radio-group">
        {BUCKET_ACLS.map((acl) => {
          const id = `${name}-${acl}`;
          return (
            <div key={acl} className="radio">
              <input
                id={id}
                type="radio"
                name={name}
                value={acl}
                checked={value === acl}
                onChange={() => onChange(acl)}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id} className="radio__value">
                {m.create.acls[acl]}
              </label>
              <p id={`${id}-hint`} className="field__hint">
                {m.create.aclHints[acl]}
              </p>
            </div>
          );
        })}
      </div>
      {isPublicAcl(value) ? (
        <p className="warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {m.create.aclWarnings[value]}
        </p>
      ) : null}
    </fieldset>
  );
}
