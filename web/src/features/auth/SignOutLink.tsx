import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../api/auth.js';

/** For someone half-way through signing in who wants to stop, or to use another account. */
export function SignOutLink() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Anchor
      component="button"
      type="button"
      style={{ alignSelf: 'flex-start' }}
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSettled: () => window.location.assign('/sign-in') })}
    >
      {t('twoFactor.startAgain')}
    </Anchor>
  );
}
