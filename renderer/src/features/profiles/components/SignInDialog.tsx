import { AppDialog } from '@renderer/components/AppDialog';
import { messages as m } from '@renderer/i18n';
import { showsSession } from '@renderer/api/session-effects';
import { useCall } from '@renderer/api/use-call';
import { ProfileForm } from './ProfileForm';

/** Shown while no profile is saved: the first profile, tested, saved and made active. */
export function SignInDialog({ canRememberKeys }: { canRememberKeys: boolean }) {
  const signIn = useCall('signIn', showsSession);
  return (
    <AppDialog
      open
      title={m.signIn.title}
      description={m.signIn.description}
      dismissible={false}
      fallbackFocus={() => document.getElementById('main')}
    >
      <ProfileForm
        canRememberKeys={canRememberKeys}
        pending={signIn.isPending}
        error={signIn.error}
        errorTitle={m.signIn.failed}
        onSubmit={(input) =>
          signIn.mutate({
            alias: input.alias,
            secretId: input.secretId ?? '',
            secretKey: input.secretKey ?? '',
            sessionToken: input.sessionToken,
            expiresAt: input.expiresAt,
            region: input.region,
            https: input.https,
            endpoint: input.endpoint,
            serviceDomain: input.serviceDomain,
            bucketDomain: input.bucketDomain,
            proxyUrl: input.proxyUrl,
            proxyUsername: input.proxyUsername,
            proxyPassword: input.proxyPassword,
          })
        }
      />
    </AppDialog>
  );
}
