import { camResource, policyActionName, policyText } from '@shared/cam';
import { messages as m } from '../i18n';
import { CopyButton } from './CopyButton';

const t = m.errors.permission;

interface PermissionHelpProps {
  action: string;
  /** The resource as the main process named it; else made from the bucket, when known. */
  resource?: string;
  bucket?: { bucket: string; region: string };
  temporaryKey?: boolean;
}

/** "Which permission?": the CAM action and resource a refusal was about, and a policy granting just that. */
export function PermissionHelp({ action, resource, bucket, temporaryKey }: PermissionHelpProps) {
  const where = resource ?? camResource(action, bucket);
  const policy = policyText([{ action, resource: where }]);
  return (
    <section className="permission-help" aria-label={t.title}>
      <p className="permission-help__title">{t.title}</p>
      <dl className="error-details__facts">
        <dt>{t.action}</dt>
        <dd>
          <code>{policyActionName(action)}</code>
        </dd>
        <dt>{t.resource}</dt>
        <dd>
          <code>{where}</code>
        </dd>
      </dl>
      {/* Folded: the error stays short where it sits above a list, and the policy is one click away. */}
      <details className="permission-help__details">
        <summary>{t.policy}</summary>
        <pre className="permission-help__policy" aria-label={t.policy}>
          {policy}
        </pre>
        <CopyButton text={policy} label={t.copyPolicy} />
      </details>
      {temporaryKey ? <p className="error-details__hint">{t.temporaryKey}</p> : null}
    </section>
  );
}
