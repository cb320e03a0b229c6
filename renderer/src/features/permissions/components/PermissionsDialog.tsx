import { policyActionName, policyText } from '@shared/cam';
import type { Permission } from '@shared/contract';
import { AppDialog } from '@renderer/components/AppDialog';
import { CopyButton } from '@renderer/components/CopyButton';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { usePermissions } from '../api/use-permissions';

const t = m.permissions;

/** The policy covering what the user did: every action tried, allowed or denied, on the resources it was tried on. */
export function leastPrivilegePolicy(permissions: readonly Permission[]): string | undefined {
  const grants = permissions.flatMap((p) => p.resources.map((resource) => ({ action: p.action, resource })));
  return grants.length === 0 ? undefined : policyText(grants);
}

/** The "Permissions" view of the active profile: each COS action, allowed / denied / not tried this session. */
export function PermissionsDialog({ profileId, onClose }: { profileId: string; onClose: () => void }) {
  const query = usePermissions(profileId);
  const data = query.data;
  const policy = data ? leastPrivilegePolicy(data.permissions) : undefined;

  return (
    <AppDialog open onOpenChange={(open) => !open && onClose()} title={t.title} description={data ? t.description(data.profile) : undefined} wide>
      {query.isPending ? (
        <p className="state-message" role="status">
          {m.app.loading}
        </p>
      ) : query.isError || !data ? (
        <ErrorDetails error={query.error} title={t.loadError} />
      ) : (
        <>
          <table className="permissions-table" aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th scope="col">{t.columns.action}</th>
                <th scope="col">{t.columns.state}</th>
                <th scope="col">{t.columns.resources}</th>
              </tr>
            </thead>
            <tbody>
              {data.permissions.map((p) => (
                <tr key={p.action} className={`permissions-table__row permissions-table__row--${p.state}`}>
                  <th scope="row">
                    <code>{policyActionName(p.action)}</code>
                  </th>
                  <td>{t.states[p.state]}</td>
                  <td>
                    {p.resources.map((resource) => (
                      <code key={resource} className="permissions-table__resource">
                        {resource}
                      </code>
                    ))}
                    {p.state === 'denied' && p.deniedResources.length < p.resources.length ? (
                      <span className="permissions-table__note">{t.deniedOn(p.deniedResources.join(', '))}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.temporaryKey ? <p className="field__hint">{t.temporaryKey}</p> : null}
          <h3 className="permissions__policy-title">{t.policyTitle}</h3>
          {policy ? (
            <>
              <p className="field__hint">{t.policyHint}</p>
              <pre className="permission-help__policy" aria-label={t.policyTitle}>
                {policy}
              </pre>
              <CopyButton text={policy} label={t.copyPolicy} />
            </>
          ) : (
            <p className="state-message">{t.noPolicy}</p>
          )}
        </>
      )}
    </AppDialog>
  );
}
