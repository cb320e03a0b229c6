import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/index.css';
import { hasBridge, createWindowClient } from './api/client';
import { App } from './app/App';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { messages as m } from './i18n';

document.title = m.app.name;
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (hasBridge()) {
  root.render(
    <StrictMode>
      <AppProviders client={createWindowClient()} queryClient={createQueryClient()}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
} else {
  root.render(<p className="no-bridge">{m.app.noBridge}</p>);
}
