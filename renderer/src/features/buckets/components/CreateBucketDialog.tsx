import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BucketAcl } from '@shared/acl';
import {
  bucketHost,
  checkAppId,
  checkBucketName,
  fullBucketName,
  maxBucketNameLength,
  requestHost,
} from '@shared/bucket-name';
import type { CreateBucketResult } from '@shared/contract';
import { parseGrantees } from '@shared/grants';
import { REGIONS, isWellFormedRegion, regionSupportsMaz } from '@shared/regions';
import { AppDialog, DialogCancel } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { Field } from '@renderer/components/Field';
import { RegionPicker } from '@renderer/components/RegionPicker';
import { messages as m, regionName } from '@renderer/i18n';
import { useActiveBucketDomain } from '@renderer/features/session/api/use-session';
import { useCall } from '@renderer/api/use-call';
import { createBucketEffects } from '../api/create-bucket-effects';
import { AclChoice } from './AclChoice';
import { GrantField, grantProblem } from './GrantField';
import { NameRules } from './NameRules';

interface CreateBucketDialogProps {
  /** APPIDs seen in the account's bucket names, most frequent first. */
  appIdSuggestions: readonly string[];
  defaultRegion: string;
  onClose: () => void;
  onCreated: (result: CreateBucketResult) => void;
}

const MAZ_REGIONS = REGIONS.filter((r) => r.maz).map((r) => r.id);

type GrantKind = 'read' | 'write' | 'fullControl';

export function CreateBucketDialog({ appIdSuggestions, defaultRegion, onClose, onCreated }: CreateBucketDialogProps) {
  const create = useCall('createBucket', createBucketEffects);
  // Requests go to the profile's bucket domain when it has one; COS's naming rules stay those of its own host.
  const bucketDomain = useActiveBucketDomain();
  const [name, setName] = useState('');
  const [lowercased, setLowercased] = useState(false);
  const [appId, setAppId] = useState(appIdSuggestions[0] ?? '');
  const [region, setRegion] = useState(defaultRegion);
  const [acl, setAcl] = useState<BucketAcl>('private');
  const [grants, setGrants] = useState<Record<GrantKind, string>>({ read: '', write: '', fullControl: '' });
  const [multiAz, setMultiAz] = useState(false);
  // A ref, not state: a second click in the same tick must already see the first one.
  const sending = useRef(false);
  const ids = useId();

  const nameRules = checkBucketName(name, appId, region);
  const appIdRules = checkAppId(appId);
  const maxLength = maxBucketNameLength(appId, region);
  const parsedGrants = useMemo(
    () => ({
      read: parseGrantees(grants.read),
      write: parseGrantees(grants.write),
      fullControl: parseGrantees(grants.fullControl),
    }),
    [grants],
  );
  const mazOffered = regionSupportsMaz(region);
  const regionOk = isWellFormedRegion(region);
  const valid =
    nameRules.every((r) => r.ok) &&
    appIdRules.every((r) => r.ok) &&
    regionOk &&
    Object.values(parsedGrants).every((p) => grantProblem(p) === undefined);

  const previewName = fullBucketName(name || m.create.placeholderName, appId || m.create.placeholderAppId);
  const host = bucketHost(name, appId, region);
  const previewHost = requestHost(name || m.create.placeholderName, appId || m.create.placeholderAppId, region, bucketDomain);

  function onNameChange(raw: string) {
    const lower = raw.toLowerCase();
    if (lower !== raw) setLowercased(true);
    setName(lower);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || sending.current || create.isPending) return;
    sending.current = true;
    create.mutate(
      {
        name,
        appId,
        region,
        acl,
        grantRead: parsedGrants.read.ids,
        grantWrite: parsedGrants.write.ids,
        grantFullControl: parsedGrants.fullControl.ids,
        multiAz: mazOffered && multiAz,
      },
      {
        onSuccess: onCreated,
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  }

  const regionLabel = m.regions.label(region, regionName(region));

  return (
    <AppDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={m.create.title}
      description={m.create.description}
      wide
    >
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__row">
          <Field label={m.create.name} hint={m.create.nameHint} className="form__grow">
            {(control) => (
              <input
                {...control}
                aria-describedby={[control['aria-describedby'], `${ids}-rules`, lowercased ? `${ids}-lower` : '']
                  .filter(Boolean)
                  .join(' ')}
                data-autofocus
                className="input input--mono"
                value={name}
                onChange={(event) => onNameChange(event.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            label={m.create.appId}
            hint={appIdSuggestions.length > 0 ? m.create.appIdOffered(appIdSuggestions) : m.create.appIdUnknown}
          >
            {(control) => (
              <>
                <input
                  {...control}
                  list={`${ids}-appids`}
                  inputMode="numeric"
                  className="input input--mono"
                  value={appId}
                  onChange={(event) => setAppId(event.target.value.trim())}
                  autoComplete="off"
                  spellCheck={false}
                />
                <datalist id={`${ids}-appids`}>
                  {appIdSuggestions.map((id) => (
                    <option key={id} value={id} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>

        {lowercased ? (
          <p id={`${ids}-lower`} className="note" role="status">
            {m.create.lowercased}
          </p>
        ) : null}

        <NameRules
          id={`${ids}-rules`}
          nameRules={nameRules}
          appIdRules={appIdRules}
          maxLength={maxLength}
          nameLength={name.length}
          customDomain={Boolean(bucketDomain)}
        />

        <dl className="preview" aria-label={m.create.preview}>
          <dt>{m.create.fullName}</dt>
          <dd>
            <code>{previewName}</code>
          </dd>
          <dt>{m.create.host}</dt>
          <dd>
            <code>{previewHost}</code>{' '}
            <span className={host.length > 60 ? 'preview__length preview__length--over' : 'preview__length'}>
              {bucketDomain ? m.create.cosHostLength(host.length) : m.create.hostLength(host.length)}
            </span>
          </dd>
        </dl>

        <RegionPicker label={m.create.region} value={region} onChange={setRegion} disableSoldOut />

        <AclChoice value={acl} onChange={setAcl} />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{m.create.grants}</legend>
          <p className="field__hint">{m.create.grantsHint}</p>
          <div className="grants">
            {(
              [
                ['read', m.create.grantRead],
                ['write', m.create.grantWrite],
                ['fullControl', m.create.grantFullControl],
              ] as const
            ).map(([kind, label]) => (
              <GrantField
                key={kind}
                label={label}
                value={grants[kind]}
                parsed={parsedGrants[kind]}
                onChange={(value) => setGrants((g) => ({ ...g, [kind]: value }))}
              />
            ))}
          </div>
        </fieldset>

        <div className="checkbox-field">
          <input
            id={`${ids}-maz`}
            type="checkbox"
            checked={mazOffered && multiAz}
            disabled={!mazOffered}
            onChange={(event) => setMultiAz(event.target.checked)}
            aria-describedby={`${ids}-maz-hint`}
          />
          <label htmlFor={`${ids}-maz`}>{m.create.multiAz}</label>
          <p id={`${ids}-maz-hint`} className="field__hint">
            {mazOffered ? m.create.multiAzOn : m.create.multiAzOff(regionLabel, m.format.list(MAZ_REGIONS.map((id) => regionName(id) ?? id)))}
          </p>
        </div>

        {create.isError ? <ErrorDetails error={create.error} title={m.create.failed} /> : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {create.isPending ? m.create.pending : ''}
          </span>
          <DialogCancel>{m.app.cancel}</DialogCancel>
          <button
            type="submit"
            className="button button--primary"
            disabled={!valid || create.isPending}
            aria-busy={create.isPending || undefined}
          >
            {m.create.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
