/**
 * The sign-in guard: every route asks GET /api/auth/session where the browser is in the sign-in journey
 * and sends the person to the page for that stage. Sign-in pages never navigate on their own after a
 * success; the new sessionView lands in the cache and these guards move the person on.
 */
import { Box, Container, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { SignInStage } from '../../../shared/api/auth.js';
import { useSession } from '../api/auth.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { MAIN_CONTENT_ID } from '../components/SkipLink.js';
import { SignedInSessionProvider } from '../session/SignedInSession.js';
import { pathForStage, readSignInState } from '../session/signInJourney.js';

/** Staff pages: only for a person who has finished signing in. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <BareMain>
        <Loading />
      </BareMain>
    );
  }
  if (session.isError) {
    return (
      <BareMain>
        <SessionUnavailable error={session.error} retry={() => void session.refetch()} />
      </BareMain>
    );
  }

  const view = session.data;
  if (view.stage !== 'signed-in' || !view.user) {
    const from = `${location.pathname}${location.search}`;
    return (
      <Navigate
        to={pathForStage(view.stage === 'signed-in' ? 'signed-out' : view.stage, {})}
        replace
        state={{ from }}
      />
    );
  }
  return <SignedInSessionProvider session={{ ...view, user: view.user }}>{children}</SignedInSessionProvider>;
}

/** A page of the sign-in journey, shown only at its own stage. */
export function StageGate({ stage, children }: { stage: SignInStage; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  // Keep showing the page while a refetch runs, so nothing typed is lost.
  if (session.isPending) return <Loading />;
  if (session.isError)
    return <SessionUnavailable error={session.error} retry={() => void session.refetch()} />;

  if (session.data.stage !== stage) {
    const state = readSignInState(location.state);
    return <Navigate to={pathForStage(session.data.stage, state)} replace state={state} />;
  }
  return children;
}

/** Before the app's layout can be drawn: still a main landmark to land in. */
function BareMain({ children }: { children: ReactNode }) {
  return (
    <Box component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
      {children}
    </Box>
  );
}

function SessionUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Title order={1} mb="md">
        {t('errors.sessionUnavailable')}
      </Title>
      <LoadError error={error} onRetry={retry} />
    </Container>
  );
}
