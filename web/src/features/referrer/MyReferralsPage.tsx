import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOwnReferrals } from '../../api/referrerAccounts.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../lib/dates.js';
import { MY_REFERRALS_PATH } from './paths.js';
import { STATUS_TONE } from './statuses.js';

/** A referrer's home: the referrals they made, newest first, each with where it is. */
export function MyReferralsPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('myReferrals.title')}
      action={
        <Button
          component={Link}
          to="/refer"
          variant="default"
          leftSection={<IconFilePlus size={20} aria-hidden="true" />}
        >
          {t('myReferrals.refer')}
        </Button>
      }
    >
      <Text>{t('myReferrals.intro')}</Text>
      <ReferralList />
    </Page>
  );
}

function ReferralList() {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const referrals = useOwnReferrals();
  const column = {
    reference: t('myReferrals.columns.reference'),
    centre: t('myReferrals.columns.centre'),
    sent: t('myReferrals.columns.sent'),
    children: t('myReferrals.columns.children'),
    service: t('myReferrals.columns.service'),
    status: t('myReferrals.columns.status'),
  };

  if (referrals.isPending) return <Loading />;
  if (referrals.isError)
    return <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  if (referrals.data.items.length === 0) return <Text>{t('myReferrals.none')}</Text>;

  return (
    <StackedTable label={t('myReferrals.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{column.reference}</Table.Th>
          <Table.Th>{column.status}</Table.Th>
          <Table.Th>{column.centre}</Table.Th>
          <Table.Th>{column.sent}</Table.Th>
          <Table.Th>{column.children}</Table.Th>
          <Table.Th>{column.service}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {referrals.data.items.map((referral) => (
          <Table.Tr key={referral.id}>
            <LabelledCell label={column.reference}>
              <Anchor component={Link} to={`${MY_REFERRALS_PATH}/${referral.id}`} fw={600}>
                {referral.reference}
              </Anchor>
            </LabelledCell>
            <LabelledCell label={column.status}>
              <StatusBadge tone={STATUS_TONE[referral.status]}>
                {t(`myReferrals.statuses.${referral.status}`)}
              </StatusBadge>
            </LabelledCell>
            <LabelledCell label={column.centre}>{referral.centreName}</LabelledCell>
            <LabelledCell label={column.sent}>
              {formatDateTime(referral.sentAt, DEFAULT_TIME_ZONE)}
            </LabelledCell>
            <LabelledCell label={column.children}>{referral.childrenFirstNames.join(', ')}</LabelledCell>
            <LabelledCell label={column.service}>{terms.service(referral.serviceRequested)}</LabelledCell>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
