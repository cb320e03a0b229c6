import { useId } from 'react';
import type { ProfileSummary } from '@shared/contract';
import { APP_ERROR_CODES, isAppErrorException } from '@shared/errors';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { showsSession } from '@renderer/api/session-effects';
import { useCall } from '@renderer/api/use-call';
import type { KeysReason } from '../profile-form-model';

interface ProfileSwitcherProps {
  profiles: ProfileSummary[];
  activeId: string;
  /** A profile whose keys must be typed again before it can be used. */
  onNeedKeys: (profile: ProfileSummary, reason: KeysReason) => void;
}

function optionLabel(profile: ProfileSummary): string {
  const state = profile.keys === 'missing' ? m.profiles.keysMissing : profile.keys === 'expired' ? m.profiles.expired : undefined;
  return m.profiles.option(profile.alias, profile.secretIdMasked, state);
}

/** The header's profile choice: picking another profile switches to it at once. */
export function ProfileSwitcher({ profiles, activeId, onNeedKeys }: ProfileSwitcherProps) {
  const id = useId();
  const switchProfile = useCall('switchProfile', showsSession);

  function choose(profileId: string) {
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile || profileId === activeId) return;
    if (profile.keys !== 'ready') {
      onNeedKeys(profile, profile.keys);
      return;
    }
    switchProfile.mutate({ id: profileId }, {
      onError: (error) => {
        if (!isAppErrorException(error)) return;
        if (error.error.code === APP_ERROR_CODES.keysNeeded) onNeedKeys(profile, 'missing');
        if (error.error.code === APP_ERROR_CODES.keyExpired) onNeedKeys(profile, 'expired');
      },
    });
  }

  const keysError =
    isAppErrorException(switchProfile.error) &&
    (switchProfile.error.error.code === APP_ERROR_CODES.keysNeeded || switchProfile.error.error.code === APP_ERROR_CODES.keyExpired);

  return (
    <div className="profile-switcher">
      <label htmlFor={id} className="profile-switcher__label">
        {m.header.profile}
      </label>
      <select
        id={id}
        className="select"
        value={switchProfile.isPending ? switchProfile.variables?.id : activeId}
        disabled={switchProfile.isPending}
        aria-busy={switchProfile.isPending || undefined}
        onChange={(event) => choose(event.target.value)}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {optionLabel(profile)}
          </option>
        ))}
      </select>
      {switchProfile.isError && !keysError ? (
        <div className="account-bar__error">
          <ErrorDetails error={switchProfile.error} title={m.header.switchFailed} />
        </div>
      ) : null}
    </div>
  );
}
