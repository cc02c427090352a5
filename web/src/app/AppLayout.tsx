import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSignOut } from '../api/auth.js';
import { Loading } from '../components/Loading.js';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink.js';
import { useSignedInSession } from '../session/SignedInSession.js';
import { setFlash } from '../session/signInJourney.js';
import { CentreSwitcher } from './CentreSwitcher.js';
import { Navigation } from './Navigation.js';

const NAVIGATION_ID = 'app-navigation';

/** The frame of every staff page: header, navigation (a burger menu on phones) and the main content. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Below the `sm` breakpoint the navigation slides away; it must then also leave the tab order.
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  useEffect(() => close(), [pathname, close]);

  // Escape closes the open menu on a phone, wherever focus is, and puts focus back on its button.
  useEffect(() => {
    if (!narrow || !opened) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      burgerRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [narrow, opened, close]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                ref={burgerRef}
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="md"
                className="burger"
                aria-label={t('shell.menu')}
                aria-expanded={opened}
                aria-controls={NAVIGATION_ID}
              />
              <Anchor
                component={Link}
                to="/"
                fw={700}
                size="lg"
                c="var(--mantine-color-text)"
                underline="hover"
              >
                {t('app.name')}
              </Anchor>
            </Group>
            <Group gap="md" wrap="nowrap" visibleFrom="sm">
              <CentreSwitcher id="centre-switcher-header" />
              <Text size="sm">
                <VisuallyHidden>{t('shell.signedInAs')} </VisuallyHidden>
                {session.user.displayName}
              </Text>
              <SignOutButton />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id={NAVIGATION_ID}
          aria-label={t('shell.navigation')}
          p="md"
          inert={narrow && !opened}
        >
          <AppShell.Section hiddenFrom="sm" mb="md">
            <Stack gap="sm">
              <Text size="sm">
                {t('shell.signedInAs')} <strong>{session.user.displayName}</strong>
              </Text>
              <CentreSwitcher id="centre-switcher-menu" />
              <SignOutButton />
            </Stack>
            <Divider mt="md" />
          </AppShell.Section>
          <AppShell.Section grow>
            <Navigation />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Container size="lg" px={0}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button
      variant="default"
      size="sm"
      loading={signOut.isPending}
      onClick={() =>
        signOut.mutate(undefined, {
          // A fresh page load: nothing from this session stays in memory.
          onSettled: () => {
            setFlash('signedOut');
            window.location.assign('/sign-in');
          },
        })
      }
    >
      {t('shell.signOut')}
    </Button>
  );
}
