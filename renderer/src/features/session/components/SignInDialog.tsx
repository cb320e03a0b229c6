import { useId, useRef, useState, type FormEvent } from 'react';
import { signInInputSchema, type SignInInput } from '../../../../../shared/contract';
import { DEFAULT_REGION } from '../../../../../shared/regions';
import { AppDialog } from '../../../components/AppDialog';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { Field } from '../../../components/Field';
import { RegionPicker } from '../../../components/RegionPicker';
import { messages as m } from '../../../i18n';
import { useSignIn } from '../api/use-sign-in';

interface SignInForm {
  secretId: string;
  secretKey: string;
  sessionToken: string;
  region: string;
  https: boolean;
  endpoint: string;
}

type FieldName = keyof typeof m.signIn.invalid;

const EMPTY_FORM: SignInForm = {
  secretId: '',
  secretKey: '',
  sessionToken: '',
  region: DEFAULT_REGION,
  https: true,
  endpoint: '',
};

function toInput(form: SignInForm): unknown {
  return {
    secretId: form.secretId.trim(),
    secretKey: form.secretKey,
    sessionToken: form.sessionToken.trim() || undefined,
    region: form.region,
    https: form.https,
    endpoint: form.endpoint.trim() || undefined,
  };
}

/** Shown whenever no key is saved. The key is tested (the main process lists buckets) before it is kept. */
export function SignInDialog({ canRememberKeys }: { canRememberKeys: boolean }) {
  const signIn = useSignIn();
  const [form, setForm] = useState<SignInForm>(EMPTY_FORM);
  const [invalid, setInvalid] = useState<Partial<Record<FieldName, true>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const advancedRef = useRef<HTMLDetailsElement>(null);
  const httpsId = useId();

  const update = <K extends keyof SignInForm>(key: K, value: SignInForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const parsed = signInInputSchema.safeParse(toInput(form));
    if (!parsed.success) {
      const fields: Partial<Record<FieldName, true>> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if (typeof name === 'string' && name in m.signIn.invalid) fields[name as FieldName] = true;
      }
      setInvalid(fields);
      if (fields.endpoint && advancedRef.current) advancedRef.current.open = true;
      // Focus the first field that needs fixing, in form order.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setInvalid({});
    signIn.mutate(parsed.data satisfies SignInInput);
  }

  const errorOf = (name: FieldName) => (invalid[name] ? m.signIn.invalid[name] : undefined);

  return (
    <AppDialog
      open
      title={m.signIn.title}
      description={m.signIn.description}
      dismissible={false}
      fallbackFocus={() => document.getElementById('main')}
    >
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <Field label={m.signIn.secretId} error={errorOf('secretId')}>
          {(control) => (
            <input
              {...control}
              data-autofocus
              className="input input--mono"
              value={form.secretId}
              onChange={(e) => update('secretId', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={m.signIn.secretKey} error={errorOf('secretKey')}>
          {(control) => (
            <input
              {...control}
              type="password"
              className="input input--mono"
              value={form.secretKey}
              onChange={(e) => update('secretKey', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={m.signIn.sessionToken} hint={m.signIn.sessionTokenHint} error={errorOf('sessionToken')}>
          {(control) => (
            <input
              {...control}
              type="password"
              className="input input--mono"
              value={form.sessionToken}
              onChange={(e) => update('sessionToken', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <RegionPicker label={m.signIn.region} value={form.region} onChange={(region) => update('region', region)} />
        {invalid.region ? <p className="field__error">{m.signIn.invalid.region}</p> : null}
        <div className="checkbox-field">
          <input
            id={httpsId}
            type="checkbox"
            checked={form.https}
            onChange={(e) => update('https', e.target.checked)}
            aria-describedby={`${httpsId}-hint`}
          />
          <label htmlFor={httpsId}>{m.signIn.https}</label>
          <p id={`${httpsId}-hint`} className="field__hint">
            {m.signIn.httpsHint}
          </p>
        </div>
        <details ref={advancedRef} className="disclosure">
          <summary>{m.signIn.advanced}</summary>
          <Field label={m.signIn.endpoint} hint={m.signIn.endpointHint} error={errorOf('endpoint')}>
            {(control) => (
              <input
                {...control}
                className="input input--mono"
                value={form.endpoint}
                onChange={(e) => update('endpoint', e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder="127.0.0.1:9000"
              />
            )}
          </Field>
        </details>

        <p className={canRememberKeys ? 'note' : 'note note--warning'}>
          {canRememberKeys ? m.signIn.rememberYes : m.signIn.rememberNo}
        </p>

        {signIn.isError ? <ErrorDetails error={signIn.error} title={m.signIn.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {signIn.isPending ? m.signIn.pending : ''}
          </span>
          <button
            type="submit"
            className="button button--primary"
            disabled={signIn.isPending}
            aria-busy={signIn.isPending || undefined}
          >
            {m.signIn.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
