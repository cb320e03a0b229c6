import type { ProfileSummary } from '@shared/contract';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m, regionName } from '@renderer/i18n';
import { useCall } from '@renderer/api/use-call';
import { KeyCountdown } from './KeyCountdown';

interface ProfileListProps {
  profiles: ProfileSummary[];
  activeId: string | undefined;
  switchingId: string | undefined;
  onUse: (profile: ProfileSummary) => void;
  onEdit: (profile: ProfileSummary) => void;
  onDelete: (profile: ProfileSummary) => void;
}

/** Every saved profile with what identifies it, its key's state, and its actions. */
export function ProfileList({ profiles, activeId, switchingId, onUse, onEdit, onDelete }: ProfileListProps) {
  return (
    <ul className="profile-list" aria-label={m.profiles.listLabel}>
      {profiles.map((profile) => (
        <ProfileRow
          key={profile.id}
          profile={profile}
          active={profile.id === activeId}
          switching={profile.id === switchingId}
          onUse={() => onUse(profile)}
          onEdit={() => onEdit(profile)}
          onDelete={() => onDelete(profile)}
        />
      ))}
    </ul>
  );
}

interface ProfileRowProps {
  profile: ProfileSummary;
  active: boolean;
  switching: boolean;
  onUse: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

function ProfileRow({ profile, active, switching, onUse, onEdit, onDelete }: ProfileRowProps) {
  const test = useCall('testProfile');
  const name = regionName(profile.region);

  return (
    <li className={active ? 'profile-row profile-row--active' : 'profile-row'} aria-label={profile.alias}>
      <div className="profile-row__who">
        <span className="profile-row__alias">{profile.alias}</span>
        {active ? <span className="badge">{m.profiles.active}</span> : null}
        <span className="profile-row__meta">
          <code>{profile.secretIdMasked}</code>
          <span>{profile.temporary ? m.profiles.kindTemporary : m.profiles.kindPermanent}</span>
          {profile.temporary && profile.expiresAt ? <KeyCountdown expiresAt={profile.expiresAt} /> : null}
          <span>{m.profiles.region(m.regions.label(profile.region, name))}</span>
          {profile.https ? null : <span>{m.profiles.httpsOff}</span>}
          {profile.endpoint ? (
            <span>
              {m.header.endpoint} <code>{profile.endpoint}</code>
            </span>
          ) : null}
          {profile.serviceDomain ? (
            <span>
              {m.signIn.serviceDomain} <code>{profile.serviceDomain}</code>
            </span>
          ) : null}
          {profile.bucketDomain ? (
            <span>
              {m.signIn.bucketDomain} <code>{profile.bucketDomain}</code>
            </span>
          ) : null}
          {profile.account ? <span>{profile.account.displayName}</span> : null}
        </span>
        {profile.keys !== 'ready' ? (
          <span className="profile-row__warning">{profile.keys === 'missing' ? m.profiles.keysMissing : m.profiles.keysExpired}</span>
        ) : null}
      </div>
      <div className="profile-row__actions">
        {active ? null : (
          <button type="button" className="button button--primary" onClick={onUse} disabled={switching} aria-busy={switching || undefined}>
            {m.profiles.use}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => test.mutate({ id: profile.id })}
          disabled={test.isPending || profile.keys !== 'ready'}
          aria-busy={test.isPending || undefined}
        >
          {test.isPending ? m.profiles.testing : m.profiles.test}
        </button>
        <button type="button" className="button" onClick={onEdit}>
          {m.profiles.edit}
        </button>
        <button type="button" className="button button--danger-quiet" onClick={onDelete}>
          {m.profiles.delete}
        </button>
      </div>
      {test.isSuccess ? (
        <p className="profile-row__result" role="status">
          {test.data.bucketCount === undefined
            ? m.profiles.testedListDenied(test.data.account && (test.data.account.displayName || test.data.account.ownerId))
            : m.profiles.tested(test.data.account?.displayName || test.data.account?.ownerId || '', test.data.bucketCount)}
        </p>
      ) : null}
      {test.isError ? <ErrorDetails error={test.error} title={m.profiles.testFailed} /> : null}
    </li>
  );
}
