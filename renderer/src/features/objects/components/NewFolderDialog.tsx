import { useId, useRef, useState, type FormEvent } from 'react';
import { checkFolderName, folderKey, utf8Length } from '@shared/folder-name';
import { MAX_KEY_BYTES } from '@shared/contract';
import { formatObjectLocation } from '@shared/object-location';
import { useCall } from '@renderer/api/use-call';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { Field } from '@renderer/components/Field';
import { messages as m } from '@renderer/i18n';

interface NewFolderDialogProps {
  bucket: string;
  region: string;
  /** The folder it goes in, ending in `/`, or empty for the root. */
  prefix: string;
  /** Sub-folders already listed here, as keys: a name among them is already taken. */
  existing: ReadonlySet<string>;
  onClose: () => void;
  onCreated: (key: string) => void;
}


/** Names a folder with COS's key rules marked met or not as the user types, then writes its `<prefix><name>/` key. */
export function NewFolderDialog({ bucket, region, prefix, existing, onClose, onCreated }: NewFolderDialogProps) {
  const t = m.objects.newFolder;
  const ids = useId();
  const [name, setName] = useState('');
  const create = useCall('createFolder');
  // A second Enter while the first is on its way sends nothing more.
  const sending = useRef(false);

  const key = folderKey(prefix, name);
  const rules = checkFolderName(prefix, name);
  const taken = name !== '' && existing.has(key);
  const valid = rules.every((r) => r.ok) && !taken;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || sending.current) return;
    sending.current = true;
    create.mutate(
      { bucket, region, prefix, name },
      {
        onSuccess: (result) => onCreated(result.key),
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  }

  return (
    <AppDialog
      open
      onOpenChange={(open) => (open || create.isPending ? undefined : onClose())}
      title={t.title}
      description={t.description(formatObjectLocation(bucket, prefix))}
    >
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t.name} error={taken ? t.exists : undefined}>
          {(control) => (
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], `${ids}-rules`].filter(Boolean).join(' ')}
              data-autofocus
              className="input input--mono"
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>

        <ul id={`${ids}-rules`} className="rules" aria-label={t.rulesLabel}>
          {rules.map(({ rule, ok }) => (
            <li key={rule} className={ok ? 'rule rule--ok' : 'rule rule--bad'}>
              <span className="rule__mark" aria-hidden="true">
                {ok ? '✓' : '✗'}
              </span>
              <span className="visually-hidden">{ok ? m.create.ruleMet : m.create.ruleNotMet} </span>
              {rule === 'keyLength' ? t.rules.keyLength(utf8Length(key), MAX_KEY_BYTES) : t.rules[rule]}
            </li>
          ))}
        </ul>

        <dl className="facts">
          <dt>{t.key}</dt>
          <dd>
            <code>{key}</code>
          </dd>
        </dl>

        {create.isError ? <ErrorDetails error={create.error} title={t.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {create.isPending ? t.pending : ''}
          </span>
          <DialogCancel>{m.app.cancel}</DialogCancel>
          <button type="submit" className="button button--primary" disabled={!valid || create.isPending} aria-busy={create.isPending || undefined}>
            {t.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
