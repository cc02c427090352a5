import { Box, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBuilding,
  IconCalendarTime,
  IconCalendarWeek,
  IconFilePlus,
  IconFolders,
  IconHome,
  IconInbox,
  IconListDetails,
  IconMail,
  IconUsers,
  IconBuildingCommunity,
  IconCalendarUser,
  IconClipboardCheck,
  IconFlag,
  IconFlame,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { StatusBadge } from '../components/StatusBadge.js';
import { canAnywhere, canAtCentre } from '../session/access.js';
import { useSignedInSession } from '../session/SignedInSession.js';
import { useCurrentCentre } from '../session/useCurrentCentre.js';
import { isReferrer } from '../features/referrer/access.js';
import { ReferrerNavigation } from '../features/referrer/ReferrerNavigation.js';
import {
  ADMINISTRATION_PAGES,
  CASES_PAGE,
  FOLLOW_UPS_PAGE,
  COMING_SOON_AREAS,
  MY_CALENDAR_PAGE,
  PREMISES_PAGES,
  REFERRAL_FORM_PATH,
  REFERRALS_PAGE,
  ROTA_PAGE,
  SESSION_DAY_PAGES,
  TIMETABLE_PAGE,
  type AdministrationPage,
} from './navigation.js';

const PREMISES_ICONS = { premises: IconBuildingCommunity, openingTimes: IconCalendarTime };
const SESSION_DAY = {
  checkIn: { icon: IconClipboardCheck, label: 'roster.nav' },
  onSite: { icon: IconFlame, label: 'onSite.nav' },
} as const;

const ADMIN_ICONS: Record<AdministrationPage, typeof IconHome> = {
  users: IconUsers,
  centres: IconBuilding,
  audit: IconListDetails,
  outbox: IconMail,
};

export function Navigation() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { pathname } = useLocation();
  const { centre } = useCurrentCentre();
  // A referrer sees their own referrals and the form, and no staff area at all.
  if (isReferrer(session)) return <ReferrerNavigation />;

  const referrals = centre !== null && canAtCentre(session, centre.id, REFERRALS_PAGE.permission);
  const cases = centre !== null && canAtCentre(session, centre.id, CASES_PAGE.permission);
  const followUps = centre !== null && canAtCentre(session, centre.id, FOLLOW_UPS_PAGE.permission);
  const timetable = centre !== null && canAtCentre(session, centre.id, TIMETABLE_PAGE.permission);
  const rota = centre !== null && canAtCentre(session, centre.id, ROTA_PAGE.permission);
  const sessionDay = SESSION_DAY_PAGES.filter(
    (page) => centre !== null && canAtCentre(session, centre.id, page.permission),
  );
  const myCalendar = canAnywhere(session, MY_CALENDAR_PAGE.permission);
  const comingSoon = COMING_SOON_AREAS.filter((area) => canAnywhere(session, area.permission));
  const administration = ADMINISTRATION_PAGES.filter((page) => canAnywhere(session, page.permission));
  const isCurrent = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));

  return (
    <Stack gap="lg">
      <Box component="ul" className="nav-list">
        <li>
          <NavItem to="/" label={t('nav.home')} icon={IconHome} current={isCurrent('/')} />
        </li>
      </Box>

      <div>
        <Text id="nav-work" fw={700} size="sm" mb={4}>
          {t('nav.work')}
        </Text>
        <Box component="ul" className="nav-list" aria-labelledby="nav-work">
          {sessionDay.map((page) => {
            const { icon: Icon, label } = SESSION_DAY[page.key];
            return (
              <li key={page.key}>
                <NavItem to={page.path} label={t(label)} icon={Icon} current={isCurrent(page.path)} />
              </li>
            );
          })}
          {referrals && (
            <li>
              <NavItem
                to={REFERRALS_PAGE.path}
                label={t('nav.pages.referrals')}
                icon={IconInbox}
                current={isCurrent(REFERRALS_PAGE.path)}
              />
            </li>
          )}
          {cases && (
            <li>
              <NavItem
                to={CASES_PAGE.path}
                label={t('nav.pages.cases')}
                icon={IconFolders}
                current={isCurrent(CASES_PAGE.path)}
              />
            </li>
          )}
          {followUps && (
            <li>
              <NavItem
                to={FOLLOW_UPS_PAGE.path}
                label={t('sessionRecords.followUps.nav')}
                icon={IconFlag}
                current={isCurrent(FOLLOW_UPS_PAGE.path)}
              />
            </li>
          )}
          {timetable && (
            <li>
              <NavItem
                to={TIMETABLE_PAGE.path}
                label={t('nav.areas.timetable')}
                icon={IconCalendarWeek}
                current={isCurrent(TIMETABLE_PAGE.path)}
              />
            </li>
          )}
          {rota && (
            <li>
              <NavItem
                to={ROTA_PAGE.path}
                label={t('rota.nav')}
                icon={IconUsersGroup}
                current={isCurrent(ROTA_PAGE.path)}
              />
            </li>
          )}
          {PREMISES_PAGES.filter(
            (page) => centre !== null && canAtCentre(session, centre.id, page.permission),
          ).map((page) => {
            const Icon = PREMISES_ICONS[page.key];
            return (
              <li key={page.key}>
                <NavItem
                  to={page.path}
                  label={t(`nav.pages.${page.key}`)}
                  icon={Icon}
                  current={isCurrent(page.path)}
                />
              </li>
            );
          })}
          {myCalendar && (
            <li>
              <NavItem
                to={MY_CALENDAR_PAGE.path}
                label={t('calendarFeed.nav')}
                icon={IconCalendarUser}
                current={isCurrent(MY_CALENDAR_PAGE.path)}
              />
            </li>
          )}
          <li>
            {/* The public form: it opens outside the staff pages, as referrers see it. */}
            <NavLink
              component={Link}
              to={REFERRAL_FORM_PATH}
              label={t('nav.pages.makeReferral')}
              leftSection={<IconFilePlus size={20} aria-hidden="true" />}
              variant="filled"
            />
          </li>
          {comingSoon.map((area) => (
            <li key={area.key}>
              {/* Named like a link so people know the area exists, but disabled: there is nothing there yet. */}
              <a role="link" aria-disabled="true" className="nav-coming-soon">
                <span>{t(`nav.areas.${area.key}`)}</span>
                <StatusBadge tone="neutral">{t('nav.comingSoon')}</StatusBadge>
              </a>
            </li>
          ))}
        </Box>
      </div>

      {administration.length > 0 && (
        <div>
          <Text id="nav-administration" fw={700} size="sm" mb={4}>
            {t('nav.administration')}
          </Text>
          <Box component="ul" className="nav-list" aria-labelledby="nav-administration">
            {administration.map((page) => {
              const Icon = ADMIN_ICONS[page.key];
              return (
                <li key={page.key}>
                  <NavItem
                    to={page.path}
                    label={t(`nav.pages.${page.key}`)}
                    icon={Icon}
                    current={isCurrent(page.path)}
                  />
                </li>
              );
            })}
          </Box>
        </div>
      )}
    </Stack>
  );
}

/** One page in the navigation, marked as the current page when it is. */
function NavItem({
  to,
  label,
  icon: Icon,
  current,
}: {
  to: string;
  label: string;
  icon: typeof IconHome;
  current: boolean;
}) {
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={<Icon size={20} aria-hidden="true" />}
      active={current}
      aria-current={current ? 'page' : undefined}
      variant="filled"
    />
  );
}
