import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ProfileSummary, SaveProfileInput } from '@shared/contract';
import { isAppErrorException } from '@shared/errors';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { Field } from '@renderer/components/Field';
import { RegionPicker } from '@renderer/components/RegionPicker';
import { messages as m } from '@renderer/i18n';
import {
  EMPTY_FORM,
  checkProfileForm,
  formFromProfile,
  isFormField,
  type FormField,
  type KeysReason,
  type ProfileFormValues,
} from '../profile-form-model';

interface ProfileFormProps {
  /** The profile being changed; absent for a new one. */
  profile?: ProfileSummary;
  reason?: KeysReason;
  canRememberKeys: boolean;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  onSubmit: (input: SaveProfileInput) => void;
  /** A secondary action beside "Test and save" (Cancel, Back). */
  secondary?: ReactNode;
}

type TextField = Exclude<FormField, 'region'>;

/** Fields inside "Advanced": an error in one of them opens it. */
const ADVANCED_FIELDS: readonly FormField[] = ['endpoint', 'serviceDomain', 'bucketDomain', 'proxyUrl', 'proxyUsername', 'proxyPassword'];

interface TextFieldOptions {
  label: string;
  hint?: string;
  type?: 'text' | 'password' | 'datetime-local';
  mono?: boolean;
  placeholder?: string;
  autofocus?: boolean;
}

/** Fields the server named in a validation error, so they are marked like the form's own findings. */
function fieldsOf(error: unknown): FormField[] {
  if (!isAppErrorException(error) || error.error.kind !== 'validation') return [];
  return (error.error.issues ?? []).map((issue) => issue.path.split('.')[0]).filter(isFormField);
}

/**
 * A profile's alias, keys and connection. Keys already saved are never shown: their fields start empty and,
 * left empty, keep what is saved. "Test and save" lists buckets with the keys before anything is kept.
 */
export function ProfileForm({ profile, reason, canRememberKeys, pending, error, errorTitle, onSubmit, secondary }: ProfileFormProps) {
  const [values, setValues] = useState<ProfileFormValues>(() => (profile ? formFromProfile(profile, reason) : EMPTY_FORM));
  const [invalid, setInvalid] = useState<ReadonlySet<FormField>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const advancedRef = useRef<HTMLDetailsElement>(null);
  const kindName = useId();
  const httpsId = useId();
  const editing = profile !== undefined;
  const keepSaved = editing && reason !== 'missing';

  const update = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const serverInvalid = new Set(fieldsOf(error));
  const errorOf = (field: FormField) => (invalid.has(field) || serverInvalid.has(field) ? m.signIn.invalid[field] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const check = checkProfileForm(values, profile?.id, reason);
    if (!check.ok) {
      setInvalid(new Set(check.invalid));
      if (check.invalid.some((f) => ADVANCED_FIELDS.includes(f)) && advancedRef.current) {
        advancedRef.current.open = true;
      }
      // Focus the first field that needs fixing, in form order.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setInvalid(new Set());
    onSubmit(check.input);
  }

  const textInput = (field: TextField, options: TextFieldOptions) => (
    <Field label={options.label} hint={options.hint} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          className={options.mono ? 'input input--mono' : 'input'}
          value={values[field]}
          onChange={(e) => update(field, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder={options.placeholder}
          data-autofocus={options.autofocus || undefined}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {reason ? (
        <p className="note note--warning" role="status">
          {reason === 'missing' ? m.profiles.askMissing(profile?.alias ?? '') : m.profiles.askExpired(profile?.alias ?? '')}
        </p>
      ) : null}
      {textInput('alias', { label: m.profiles.alias, hint: m.profiles.aliasHint, autofocus: !editing })}
      {textInput('secretId', {
        label: m.signIn.secretId,
        mono: true,
        placeholder: editing ? `${profile.secretIdMasked} (${m.profiles.unchanged})` : undefined,
        autofocus: editing && reason !== undefined,
      })}
      {textInput('secretKey', {
        label: m.signIn.secretKey,
        type: 'password',
        mono: true,
        hint: keepSaved ? m.profiles.secretKeyKeep : undefined,
        placeholder: keepSaved ? m.profiles.unchanged : undefined,
      })}

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.profiles.keyKind}</legend>
        <div className="radio-group">
          {([false, true] as const).map((temporary) => {
            const id = `${kindName}-${temporary ? 'temporary' : 'permanent'}`;
            return (
              <div key={id} className="radio">
                <input id={id} type="radio" name={kindName} checked={values.temporary === temporary} onChange={() => update('temporary', temporary)} />
                <label htmlFor={id}>{temporary ? m.profiles.temporary : m.profiles.permanent}</label>
              </div>
            );
          })}
        </div>
        {values.temporary ? (
          <>
            {textInput('sessionToken', {
              label: m.signIn.sessionToken,
              type: 'password',
              mono: true,
              hint: editing && profile.temporary && reason !== 'expired' ? m.profiles.sessionTokenKeep : m.signIn.sessionTokenHint,
              placeholder: editing && profile.temporary && reason !== 'expired' ? m.profiles.unchanged : undefined,
            })}
            {textInput('expiresAt', { label: m.profiles.expiresAt, type: 'datetime-local', hint: m.profiles.expiresAtHint })}
          </>
        ) : null}
      </fieldset>

      <RegionPicker label={m.signIn.region} value={values.region} onChange={(region) => update('region', region)} />
      {errorOf('region') ? <p className="field__error">{errorOf('region')}</p> : null}
      <div className="checkbox-field">
        <input
          id={httpsId}
          type="checkbox"
          checked={values.https}
          onChange={(e) => update('https', e.target.checked)}
          aria-describedby={`${httpsId}-hint`}
        />
        <label htmlFor={httpsId}>{m.signIn.https}</label>
        <p id={`${httpsId}-hint`} className="field__hint">
          {m.signIn.httpsHint}
        </p>
      </div>
      <details
        ref={advancedRef}
        className="disclosure"
        open={Boolean(profile?.endpoint || profile?.serviceDomain || profile?.bucketDomain || profile?.proxyUrl)}
      >
        <summary>{m.signIn.advanced}</summary>
        <div className="form">
          {keepSaved ? <p className="note">{m.signIn.domainsKeyNote}</p> : null}
          {textInput('endpoint', { label: m.signIn.endpoint, hint: m.signIn.endpointHint, mono: true, placeholder: m.signIn.examples.endpoint })}
          {textInput('serviceDomain', {
            label: m.signIn.serviceDomain,
            hint: m.signIn.serviceDomainHint,
            mono: true,
            placeholder: m.signIn.examples.serviceDomain,
          })}
          {textInput('bucketDomain', {
            label: m.signIn.bucketDomain,
            hint: m.signIn.bucketDomainHint,
            mono: true,
            placeholder: m.signIn.examples.bucketDomain,
          })}
          {textInput('proxyUrl', { label: m.signIn.proxyUrl, hint: m.signIn.proxyUrlHint, mono: true, placeholder: m.signIn.examples.proxyUrl })}
          {values.proxyUrl.trim() ? (
            <>
              {textInput('proxyUsername', { label: m.signIn.proxyUsername, hint: m.signIn.proxyUsernameHint })}
              {textInput('proxyPassword', {
                label: m.signIn.proxyPassword,
                type: 'password',
                hint: editing && profile.proxyUsername ? m.signIn.proxyPasswordKeep : m.signIn.proxyPasswordHint,
                placeholder: editing && profile.proxyUsername ? m.profiles.unchanged : undefined,
              })}
            </>
          ) : null}
        </div>
      </details>

      <p className={canRememberKeys ? 'note' : 'note note--warning'}>{canRememberKeys ? m.signIn.rememberYes : m.signIn.rememberNo}</p>

      {error ? <ErrorDetails error={error} title={errorTitle} /> : null}

      <div className="form__actions">
        <span className="form__pending" role="status">
          {pending ? m.signIn.pending : ''}
        </span>
        {secondary}
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
          {m.signIn.submit}
        </button>
      </div>
    </form>
  );
}
