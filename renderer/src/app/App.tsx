import { ErrorDetails } from '../components/ErrorDetails';
import { BucketsPage } from '../features/buckets/components/BucketsPage';
import { SignInDialog } from '../features/session/components/SignInDialog';
import { useSession } from '../features/session/api/use-session';
import { messages as m } from '../i18n';
import { AppHeader } from './layout/AppHeader';

export function App() {
  const session = useSession();

  return (
    <div className="app">
      <AppHeader session={session.data} />
      <main id="main" className="app-main" tabIndex={-1}>
        {session.isPending ? (
          <p className="state-message" role="status">
            {m.app.loading}
          </p>
        ) : session.isError ? (
          <div className="state-block">
            <ErrorDetails error={session.error} title={m.app.sessionError} />
            <button type="button" className="button" onClick={() => void session.refetch()}>
              {m.app.retry}
            </button>
          </div>
        ) : session.data.signedIn ? (
          <BucketsPage defaultRegion={session.data.profile.region} />
        ) : (
          <SignInDialog canRememberKeys={session.data.canRememberKeys} />
        )}
      </main>
    </div>
  );
}
