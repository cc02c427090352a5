import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { OwnReferralView } from '../../../../shared/api/referrer-accounts.js';
import { isApiError } from '../../api/client.js';
import { useOwnReferral } from '../../api/referrerAccounts.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/dates.js';
import { MY_REFERRALS_PATH } from './paths.js';
import { STATUS_TONE } from './statuses.js';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={MY_REFERRALS_PATH} className="back-link" style={{ alignSelf: 'flex-start' }}>
      <IconChevronLeft size={18} aria-hidden="true" />
      {t('myReferrals.back')}
    </Anchor>
  );
}

/** One referral the referrer made: its status, and what the centre has told them about it. */
export function MyReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useOwnReferral(id);

  if (referral.isPending) {
    return (
      <Page title={t('myReferrals.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (referral.isError) {
    const missing = isApiError(referral.error, 404) || isApiError(referral.error, 400);
    return (
      <Stack gap="md">
        <BackToList />
        <Page title={missing ? t('myReferrals.notFoundTitle') : t('myReferrals.loadingTitle')}>
          {missing ? (
            <Text>{t('myReferrals.notFound')}</Text>
          ) : (
            <LoadError error={referral.error} onRetry={() => void referral.refetch()} />
          )}
        </Page>
      </Stack>
    );
  }
  return <ReferralView referral={referral.data} />;
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text fw={700} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function ReferralView({ referral }: { referral: OwnReferralView }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  return (
    <Stack gap="md">
      <BackToList />
      <Page title={t('myReferral.title', { reference: referral.reference })}>
        <Group gap="sm">
          <Text fw={700}>{t('myReferral.status')}:</Text>
          <StatusBadge tone={STATUS_TONE[referral.status]}>
            {t(`myReferrals.statuses.${referral.status}`)}
          </StatusBadge>
        </Group>
        <WhatHappens referral={referral} />
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact label={t('myReferral.centre')}>{referral.centreName}</Fact>
          <Fact label={t('myReferral.sent')}>{formatDateTime(referral.sentAt, DEFAULT_TIME_ZONE)}</Fact>
          <Fact label={t('myReferral.children')}>{referral.childrenFirstNames.join(', ')}</Fact>
          <Fact label={t('myReferral.service')}>{terms.service(referral.serviceRequested)}</Fact>
          {referral.decidedAt && (
            <Fact label={t('myReferral.decided')}>
              {formatDateTime(referral.decidedAt, DEFAULT_TIME_ZONE)}
            </Fact>
          )}
        </SimpleGrid>
      </Page>
    </Stack>
  );
}

/** What the centre told the referrer by email, and nothing more. */
function WhatHappens({ referral }: { referral: OwnReferralView }) {
  const { t } = useTranslation();
  switch (referral.status) {
    case 'new':
      return <Text>{t('myReferral.new')}</Text>;
    case 'accepted':
      return <Notice tone="success">{t('myReferral.accepted')}</Notice>;
    case 'awaiting_information':
      return (
        <Notice title={t('myReferral.awaitingTitle')}>
          <Stack gap="xs">
            {referral.informationRequested ? (
              <>
                <Text className="message-body">{referral.informationRequested}</Text>
                <Text>{t('myReferral.awaiting', { reference: referral.reference })}</Text>
              </>
            ) : (
              <Text>{t('myReferral.awaitingNoMessage', { reference: referral.reference })}</Text>
            )}
          </Stack>
        </Notice>
      );
    case 'declined':
      return (
        <Notice title={t('myReferral.declinedTitle')}>
          <Stack gap="xs">
            {referral.declineReason && (
              <Text>{t(`myReferral.declineReasons.${referral.declineReason}`)}</Text>
            )}
            {referral.declineNote && <Text className="message-body">{referral.declineNote}</Text>}
          </Stack>
        </Notice>
      );
  }
}
