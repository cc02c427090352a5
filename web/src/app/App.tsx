import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { sessionKey } from '../api/auth.js';
import { isApiError, setSignedOutHandler } from '../api/client.js';
import { AppRoutes } from './AppRoutes.js';
import { buildTheme, cssVariablesResolver } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing record will not change on a retry; a dropped connection might.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

// A staff request that answers 401 means the session ended (timed out, or signed out elsewhere): ask
// again, and the guard sends the person to sign in, remembering where they were.
setSignedOutHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKey }));

export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {/* No weekend colouring: Mantine's weekend red fails contrast, and centres open at weekends. */}
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1, weekendDays: [] }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
