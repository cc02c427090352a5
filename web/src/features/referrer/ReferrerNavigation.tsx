import { Box, NavLink } from '@mantine/core';
import { IconFilePlus, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { REFERRER_PAGES } from '../../app/navigation.js';

/** All a referrer has: their referrals, and the form to make another. No staff area is offered. */
export function ReferrerNavigation() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { referrals, form } = REFERRER_PAGES;
  const current = pathname.startsWith(referrals.path);
  return (
    <Box component="ul" className="nav-list" aria-label={t('referrerNav.section')}>
      <li>
        <NavLink
          component={Link}
          to={referrals.path}
          label={t('referrerNav.yourReferrals')}
          leftSection={<IconInbox size={20} aria-hidden="true" />}
          active={current}
          aria-current={current ? 'page' : undefined}
          variant="filled"
        />
      </li>
      <li>
        {/* The referral form opens outside these pages, filled in with the referrer's details. */}
        <NavLink
          component={Link}
          to={form.path}
          label={t('referrerNav.referFamily')}
          leftSection={<IconFilePlus size={20} aria-hidden="true" />}
          variant="filled"
        />
      </li>
    </Box>
  );
}
