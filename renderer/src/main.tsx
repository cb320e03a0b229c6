import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/index.css';
import { hasBridge, createWindowClient } from './api/client';
import { App } from './app/App';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { applyBrowserDefaults, applyPreferences } from './features/settings/apply-preferences';
import { preferencesQueryOptions } from './features/settings/api/use-preferences';
import { messages } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
applyBrowserDefaults();

async function start(): Promise<void> {
  const client = createWindowClient();
  const queryClient = createQueryClient();
  // The first frame already speaks the chosen language in the chosen theme; if the preferences cannot be read,
  // the browser's languages and the system theme stand in, and the Settings dialog says what went wrong.
  await queryClient
    .fetchQuery(preferencesQueryOptions(client))
    .then(applyPreferences)
    .catch(() => undefined);
  document.title = messages.app.name;
  root.render(
    <StrictMode>
      <AppProviders client={client} queryClient={queryClient}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

if (hasBridge()) {
  void start();
} else {
  document.title = messages.app.name;
  root.render(<p className="no-bridge">{messages.app.noBridge}</p>);
}
