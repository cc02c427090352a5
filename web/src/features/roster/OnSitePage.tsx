import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPrinter, IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOnSite } from '../../api/roster.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { CHECK_IN_PATH } from './paths.js';
import './roster.css';

dayjs.extend(utc);
dayjs.extend(timezone);

const KIND_ORDER = { staff: 0, adult: 1, child: 2 } as const;

/**
 * Everyone in the building now, for a fire roll call: a plain list that prints black on white with the
 * time it was taken, and a column to tick people off outside.
 */
export function OnSitePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const allowed = centre !== null && canAtCentre(session, centre.id, 'roster:check-in');
  return (
    <Page title={t('onSite.title')}>
      {allowed ? (
        <OnSiteList key={centre.id} centreId={centre.id} centreName={centre.name} />
      ) : (
        <Text>{t('onSite.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function OnSiteList({ centreId, centreName }: { centreId: string; centreName: string }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const onSite = useOnSite(centreId);

  // The list printed is the list as it is now, not as it was when the page was opened.
  const print = async () => {
    await onSite.refetch();
    window.print();
  };

  if (onSite.isPending) return <Loading />;
  if (onSite.isError) return <LoadError error={onSite.error} onRetry={() => void onSite.refetch()} />;
  const at = dayjs(onSite.data.at).tz(timeZone);
  const people = [...onSite.data.people].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );

  return (
    <Stack gap="md" className="on-site">
      <Text className="on-site-no-print">{t('onSite.intro')}</Text>
      <Group gap="sm" className="on-site-no-print" wrap="wrap">
        <Button
          size="md"
          leftSection={<IconPrinter size={20} aria-hidden="true" />}
          loading={onSite.isFetching}
          onClick={() => void print()}
        >
          {t('onSite.print')}
        </Button>
        <Button
          size="md"
          variant="default"
          leftSection={<IconRefresh size={20} aria-hidden="true" />}
          onClick={() => void onSite.refetch()}
        >
          {t('onSite.refresh')}
        </Button>
        <Button size="md" variant="subtle" component={Link} to={CHECK_IN_PATH}>
          {t('onSite.backToCheckIn')}
        </Button>
      </Group>
      <Text fw={700} size="lg" className="on-site-time">
        {t('onSite.asAt', {
          centre: centreName,
          time: at.format('HH:mm'),
          day: at.format('dddd D MMMM YYYY'),
        })}
      </Text>
      <Text role="status" fw={600}>
        {people.length === 0 ? t('onSite.none') : t('onSite.count', { count: people.length })}
      </Text>
      {people.length > 0 && (
        <Table className="on-site-table" withTableBorder withColumnBorders striped={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('onSite.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('onSite.columns.who')}</Table.Th>
              <Table.Th scope="col">{t('onSite.columns.room')}</Table.Th>
              <Table.Th scope="col">{t('onSite.columns.since')}</Table.Th>
              <Table.Th scope="col" className="on-site-print-only">
                {t('onSite.columns.accountedFor')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person, index) => (
              <Table.Tr key={`${person.kind}-${person.name}-${index}`}>
                <Table.Th scope="row">{person.name}</Table.Th>
                <Table.Td>{t(`onSite.kind.${person.kind}`)}</Table.Td>
                <Table.Td>{person.room ?? t('onSite.noRoom')}</Table.Td>
                <Table.Td>{person.since ?? t('onSite.noTime')}</Table.Td>
                <Table.Td className="on-site-print-only on-site-tick" />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
