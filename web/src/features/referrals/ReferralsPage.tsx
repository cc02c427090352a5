import { Anchor, Button, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCopy, IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REFERRAL_STATUSES } from '../../../../shared/api/referrals.js';
import { useReferrals, type ReferralStatus } from '../../api/referrals.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/dates.js';
import { readStored, STORAGE_KEYS, writeStored } from '../../lib/storage.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canReadReferrals } from './access.js';

function loadStatus(): ReferralStatus {
  const stored = readStored('local', STORAGE_KEYS.referralStatus);
  return REFERRAL_STATUSES.find((status) => status === stored) ?? 'new';
}

/** Referrals sent to the current centre, by where they are in the decision; the last tab is remembered. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const [status, setStatus] = useState<ReferralStatus>(loadStatus);

  const choose = (value: string | null) => {
    const chosen = REFERRAL_STATUSES.find((item) => item === value);
    if (!chosen) return;
    setStatus(chosen);
    writeStored('local', STORAGE_KEYS.referralStatus, chosen);
  };

  return (
    <Page
      title={t('referrals.title')}
      action={
        <Button
          component={Link}
          to="/refer"
          variant="default"
          leftSection={<IconFilePlus size={20} aria-hidden="true" />}
        >
          {t('referrals.makeReferral')}
        </Button>
      }
    >
      {centre && canReadReferrals(session, centre.id) ? (
        <>
          <Text>{t('referrals.intro', { centre: centre.name })}</Text>
          <Tabs value={status} onChange={choose} keepMounted={false}>
            <Tabs.List>
              {REFERRAL_STATUSES.map((item) => (
                <Tabs.Tab key={item} value={item}>
                  {t(`referralTerms.statusTabs.${item}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {REFERRAL_STATUSES.map((item) => (
              <Tabs.Panel key={item} value={item} pt="md">
                <ReferralList centreId={centre.id} status={item} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      ) : (
        <Text>{t('referrals.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function ReferralList({ centreId, status }: { centreId: string; status: ReferralStatus }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const { timeZone } = useCurrentCentre();
  const referrals = useReferrals(centreId, status);
  const column = {
    reference: t('referrals.columns.reference'),
    received: t('referrals.columns.received'),
    children: t('referrals.columns.children'),
    referrer: t('referrals.columns.referrer'),
    service: t('referrals.columns.service'),
    courtOrder: t('referrals.columns.courtOrder'),
  };

  if (referrals.isPending) return <Loading />;
  if (referrals.isError)
    return <LoadError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  if (referrals.data.items.length === 0) return <Text>{t(`referrals.none.${status}`)}</Text>;

  return (
    <StackedTable label={t('referrals.tableLabel', { status: t(`referralTerms.statusTabs.${status}`) })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{column.reference}</Table.Th>
          <Table.Th>{column.received}</Table.Th>
          <Table.Th>{column.children}</Table.Th>
          <Table.Th>{column.referrer}</Table.Th>
          <Table.Th>{column.service}</Table.Th>
          <Table.Th>{column.courtOrder}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {referrals.data.items.map((referral) => (
          <Table.Tr key={referral.id}>
            <LabelledCell label={column.reference}>
              <Stack gap={6} align="flex-start">
                <Anchor component={Link} to={`/referrals/${referral.id}`} fw={600}>
                  {referral.reference}
                </Anchor>
                {referral.possibleDuplicate && (
                  <StatusBadge tone="info" icon={<IconCopy size={14} aria-hidden="true" />}>
                    {t('referrals.possibleDuplicate')}
                  </StatusBadge>
                )}
              </Stack>
            </LabelledCell>
            <LabelledCell label={column.received}>
              {formatDateTime(referral.receivedAt, timeZone)}
            </LabelledCell>
            <LabelledCell label={column.children}>{referral.childrenNames.join(', ')}</LabelledCell>
            <LabelledCell label={column.referrer}>
              {t('referrals.referrerWithRole', {
                name: referral.referrerName,
                role: terms.referrerRole(referral.referrerRole),
              })}
            </LabelledCell>
            <LabelledCell label={column.service}>{terms.service(referral.serviceRequested)}</LabelledCell>
            <LabelledCell label={column.courtOrder}>{terms.orderKind(referral.courtOrderKind)}</LabelledCell>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
