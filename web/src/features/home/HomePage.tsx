import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCentres, useInvitations, useRooms } from '../../api/admin.js';
import { useOutbox } from '../../api/outbox.js';
import { useReferrals } from '../../api/referrals.js';
import { useOpenFollowUpCount } from '../../api/sessionRecords.js';
import { FOLLOW_UPS_PATH } from '../session-records/paths.js';
import { Page } from '../../components/Page.js';
import { canAnywhere, canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { HomeCard } from './HomeCard.js';

/** "What needs me today?": real counts, each with a link, for what this person can do now. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();

  const can = {
    users: canAnywhere(session, 'user:read'),
    outbox: canAnywhere(session, 'outbox:read'),
    centres: canAnywhere(session, 'centre:read'),
    referrals: centre !== null && canAtCentre(session, centre.id, 'case:read'),
    rooms: centre !== null && canAtCentre(session, centre.id, 'room:read'),
    audit: canAnywhere(session, 'audit:read'),
  };
  const anything = Object.values(can).some(Boolean);

  return (
    <Page title={t('home.greeting', { name: session.user.displayName })} documentTitle={t('home.title')}>
      <Text>
        {centre
          ? t('home.currentCentre', { centre: centre.name, timeZone: centre.timeZone })
          : t('home.noCentre')}
      </Text>
      {anything ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {can.referrals && centre && <ReferralsCard centreId={centre.id} />}
          {can.referrals && centre && <FollowUpsCard centreId={centre.id} />}
          {can.users && <InvitationsCard />}
          {can.outbox && <OutboxCard />}
          {can.rooms && centre && <RoomsCard centreId={centre.id} centreName={centre.name} />}
          {can.centres && <CentresCard />}
          {can.audit && (
            <HomeCard
              title={t('home.audit.title')}
              summary={t('home.audit.summary')}
              linkLabel={t('home.audit.link')}
              to="/admin/audit"
            />
          )}
        </SimpleGrid>
      ) : (
        <Text>{t('home.nothingYet')}</Text>
      )}
    </Page>
  );
}

function InvitationsCard() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  const waiting = invitations.data?.items.filter((item) => Date.parse(item.expiresAt) > Date.now()).length;
  return (
    <HomeCard
      title={t('home.users.title')}
      summary={
        invitations.isError
          ? null
          : waiting === undefined
            ? undefined
            : t('home.users.invited', { count: waiting })
      }
      linkLabel={t('home.users.link')}
      to="/admin/users"
    />
  );
}

function OutboxCard() {
  const { t } = useTranslation();
  const outbox = useOutbox('pending');
  return (
    <HomeCard
      title={t('home.outbox.title')}
      summary={
        outbox.isError ? null : outbox.data && t('home.outbox.waiting', { count: outbox.data.items.length })
      }
      linkLabel={t('home.outbox.link')}
      to="/admin/outbox"
    />
  );
}

function ReferralsCard({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const referrals = useReferrals(centreId, 'new');
  return (
    <HomeCard
      title={t('home.referrals.title')}
      summary={
        referrals.isError
          ? null
          : referrals.data && t('home.referrals.waiting', { count: referrals.data.items.length })
      }
      linkLabel={t('home.referrals.link')}
      to="/referrals"
    />
  );
}

function FollowUpsCard({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const open = useOpenFollowUpCount(centreId);
  return (
    <HomeCard
      title={t('sessionRecords.followUps.home.title')}
      summary={
        open.isError
          ? null
          : open.data && t('sessionRecords.followUps.home.count', { count: open.data.count })
      }
      linkLabel={t('sessionRecords.followUps.home.link')}
      to={FOLLOW_UPS_PATH}
    />
  );
}

function RoomsCard({ centreId, centreName }: { centreId: string; centreName: string }) {
  const { t } = useTranslation();
  const rooms = useRooms(centreId);
  return (
    <HomeCard
      title={t('home.rooms.title', { centre: centreName })}
      summary={rooms.isError ? null : rooms.data && t('home.rooms.count', { count: rooms.data.items.length })}
      linkLabel={t('home.rooms.link')}
      to={`/admin/centres/${centreId}`}
    />
  );
}

function CentresCard() {
  const { t } = useTranslation();
  const centres = useCentres();
  return (
    <HomeCard
      title={t('home.centres.title')}
      summary={
        centres.isError ? null : centres.data && t('home.centres.count', { count: centres.data.items.length })
      }
      linkLabel={t('home.centres.link')}
      to="/admin/centres"
    />
  );
}
