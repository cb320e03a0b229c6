import type { SessionState } from '../../../../shared/contract';
import { AccountBar } from '../../features/session/components/AccountBar';
import { messages as m } from '../../i18n';

export function AppHeader({ session }: { session: SessionState | undefined }) {
  return (
    <header className="app-header">
      <span className="app-header__title">{m.app.name}</span>
      {session?.signedIn ? <AccountBar session={session} /> : null}
    </header>
  );
}
