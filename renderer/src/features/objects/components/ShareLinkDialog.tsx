import { useState, type FormEvent } from 'react';
import { DEFAULT_SHARE_SECONDS, MAX_SHARE_SECONDS, MIN_SHARE_SECONDS } from '@shared/contract';
import { formatObjectLocation } from '@shared/object-location';
import { useCall } from '@renderer/api/use-call';
import { AppDialog } from '@renderer/components/AppDialog';
import { CopyButton } from '@renderer/components/CopyButton';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { Field } from '@renderer/components/Field';
import { useActiveKeyExpiry } from '@renderer/features/session/api/use-session';
import { useBucketSetting } from '@renderer/features/bucket-settings/api/use-bucket-setting';
import { messages as m } from '@renderer/i18n';

interface ShareLinkDialogProps {
  bucket: string;
  region: string;
  objectKey: string;
  onClose: () => void;
  /** Where focus goes on close: the object's name, since what opened this dialog has closed. */
  fallbackFocus?: () => HTMLElement | null;
}

const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86_400 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** Makes a presigned GET URL for one object with the expiry the user picks, shows when it ends, and copies it. */
export function ShareLinkDialog({ bucket, region, objectKey, onClose, fallbackFocus }: ShareLinkDialogProps) {
  const t = m.objects.share;
  const [amount, setAmount] = useState(String(DEFAULT_SHARE_SECONDS / UNIT_SECONDS.hours));
  const [unit, setUnit] = useState<Unit>('hours');
  const share = useCall('createShareLink');
  const keyExpiry = useActiveKeyExpiry();
  // A key that may not read the ACL simply gets no warning: the link works either way.
  const acl = useBucketSetting('getBucketAcl', { bucket, region });
  const publicAcl = acl.data && acl.data.acl !== 'private' ? acl.data.acl : undefined;

  const seconds = /^\d+$/.test(amount.trim()) ? Number(amount.trim()) * UNIT_SECONDS[unit] : NaN;
  const inRange = seconds >= MIN_SHARE_SECONDS && seconds <= MAX_SHARE_SECONDS;
  const link = share.data;
  const keyEndsFirst = link && keyExpiry !== undefined && Date.parse(keyExpiry) < Date.parse(link.expiresAt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!inRange || share.isPending) return;
    share.mutate({ bucket, region, key: objectKey, expiresInSeconds: seconds });
  }

  return (
    <AppDialog
      open
      wide
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t.title}
      description={t.description}
      fallbackFocus={fallbackFocus}
    >
      <form className="form" onSubmit={submit} noValidate>
        <dl className="facts">
          <dt>{t.object}</dt>
          <dd>
            <code>{formatObjectLocation(bucket, objectKey)}</code>
          </dd>
        </dl>
        {publicAcl ? (
          <p className="warning" role="note">
            <span aria-hidden="true">⚠ </span>
            {t.publicBucket(publicAcl)}
          </p>
        ) : null}
        <div className="form__row">
          <Field label={t.expiresIn} hint={t.range} error={amount !== '' && !inRange ? t.outOfRange : undefined} className="form__grow">
            {(control) => (
              <input
                {...control}
                data-autofocus
                className="input"
                inputMode="numeric"
                value={amount}
                onChange={(event) => {
                  setAmount(event.target.value);
                  share.reset();
                }}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label={t.unit}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={unit}
                onChange={(event) => {
                  setUnit(event.target.value as Unit);
                  share.reset();
                }}
              >
                {(Object.keys(UNIT_SECONDS) as Unit[]).map((u) => (
                  <option key={u} value={u}>
                    {t.units[u]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        {share.isError ? <ErrorDetails error={share.error} title={t.failed} /> : null}

        {link ? (
          <div className="share-link">
            <Field label={t.link}>
              {(control) => <textarea {...control} className="input input--mono" readOnly rows={4} value={link.url} />}
            </Field>
            <p>
              <time dateTime={link.expiresAt}>{t.expiresAt(m.format.dateTime(Date.parse(link.expiresAt)))}</time>
            </p>
            {keyEndsFirst ? <p className="note">{t.keyExpiresFirst(m.format.dateTime(Date.parse(keyExpiry)))}</p> : null}
            <CopyButton text={link.url} label={t.copy} />
          </div>
        ) : null}

        <div className="form__actions">
          <span className="form__pending" role="status">
            {share.isPending ? t.pending : ''}
          </span>
          <button type="submit" className="button button--primary" disabled={!inRange || share.isPending}>
            {link ? t.again : t.submit}
          </button>
        </div>
      </form>
    </AppDialog>
  );
}
