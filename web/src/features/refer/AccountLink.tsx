import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReferrerProfile } from '../../api/referrerAccounts.js';

/**
 * On the form's first page and after sending: a signed-in referrer finds their way back to their
 * referrals; anyone else learns they can make an account to follow their referrals online.
 */
export function AccountLink({ place }: { place: 'start' | 'sent' }) {
  const { t } = useTranslation();
  const { pending, isReferrer } = useReferrerProfile();
  if (pending) return null;
  if (isReferrer) {
    return (
      <Anchor component={Link} to="/my/referrals" fw={600} style={{ alignSelf: 'flex-start' }}>
        {t('referrerLinks.yourReferrals')}
      </Anchor>
    );
  }
  return (
    <Text>
      {t(place === 'start' ? 'referrerLinks.formIntro' : 'referrerLinks.sentIntro')}{' '}
      <Anchor component={Link} to="/referrer/register" fw={600}>
        {t('referrerLinks.createAccount')}
      </Anchor>
    </Text>
  );
}
