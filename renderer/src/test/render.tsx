import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createClient } from '@shared/api';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../app/query-client';
import { createFakeCos, type FakeCos, type FakeCosOptions } from './fake-bridge';

/** Renders UI with the real providers over a client built on the fake bridge, as the app does over the preload. */
export function renderWithCos(ui: ReactElement, options: FakeCosOptions | { cos: FakeCos } = {}) {
  const cos = 'cos' in options ? options.cos : createFakeCos(options);
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const result = render(
    <AppProviders client={createClient(cos.bridge)} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...result, cos, user, queryClient };
}
