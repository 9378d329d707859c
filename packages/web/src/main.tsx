import '@mantine/core/styles.css';
import './shared/styles.css';
import './shared/styles-care.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { initI18n } from './i18n';
import { registerServiceWorker } from './offline/register';
import { ApiClient, ApiError } from './shared/api/client';
import { ApiContext } from './shared/api/context';
import { queryKeys } from './shared/queryKeys';
import { theme } from './shared/theme';

function createQueryClient(api: ApiClient): QueryClient {
  // A 401 on any call but the session check means the session ended: show sign-in.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) {
      api.setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Offline, fail at once with a clear message rather than waiting silently behind a spinner.
      queries: {
        networkMode: 'always',
        // Other people change what a screen shows (the prescriber's regimen, the patient's
        // consent), so a page always refetches when it opens; cached data shows meanwhile.
        staleTime: 0,
        refetchOnMount: 'always',
        retry: (count, error) =>
          count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      },
      mutations: {
        networkMode: 'always',
        // Only network failures are retried; the idempotency key in the variables makes that safe.
        retry: (count, error) => count < 2 && error instanceof ApiError && error.status === 0,
      },
    },
  });
  return queryClient;
}

async function start(): Promise<void> {
  await initI18n();
  const api = new ApiClient();
  const queryClient = createQueryClient(api);
  const container = document.getElementById('root');
  if (container === null) throw new Error('Missing #root element');
  createRoot(container).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <ApiContext value={api}>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </ApiContext>
      </MantineProvider>
    </StrictMode>,
  );
}

if (import.meta.env.PROD) registerServiceWorker();
void start();
