import { Anchor, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCases } from '../../api/cases.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canReadCases } from './access.js';

/** The current centre's cases, newest first as the server sends them, with a search by reference or name. */
export function CasesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();

  return (
    <Page title={t('cases.title')}>
      {centre && canReadCases(session, centre.id) ? (
        <>
          <Text>{t('cases.intro', { centre: centre.name })}</Text>
          <CaseList key={centre.id} centreId={centre.id} />
        </>
      ) : (
        <Text>{t('cases.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function CaseList({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const { timeZone } = useCurrentCentre();
  const cases = useCases(centreId);
  const [query, setQuery] = useState('');
  const column = {
    reference: t('cases.columns.reference'),
    family: t('cases.columns.family'),
    children: t('cases.columns.children'),
    service: t('cases.columns.service'),
    opened: t('cases.columns.opened'),
  };

  if (cases.isPending) return <Loading />;
  if (cases.isError) return <LoadError error={cases.error} onRetry={() => void cases.refetch()} />;
  if (cases.data.items.length === 0) return <Text>{t('cases.none')}</Text>;

  const wanted = query.trim().toLocaleLowerCase('en-GB');
  const shown = wanted
    ? cases.data.items.filter(
        (item) =>
          item.reference.toLocaleLowerCase('en-GB').includes(wanted) ||
          item.familyName.toLocaleLowerCase('en-GB').includes(wanted),
      )
    : cases.data.items;

  return (
    <>
      <TextInput
        id="cases-search"
        type="search"
        label={t('cases.search')}
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={420}
      />
      {/* Said aloud as the list narrows, so someone who cannot see the table knows what the search found. */}
      <div role="status">
        {shown.length === 0 && <Text>{t('cases.noMatch', { query: query.trim() })}</Text>}
      </div>
      {shown.length > 0 && (
        <StackedTable label={t('cases.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.reference}</Table.Th>
              <Table.Th>{column.family}</Table.Th>
              <Table.Th>{column.children}</Table.Th>
              <Table.Th>{column.service}</Table.Th>
              <Table.Th>{column.opened}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <Table.Tr key={item.id}>
                <LabelledCell label={column.reference}>
                  <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                    {item.reference}
                  </Anchor>
                </LabelledCell>
                <LabelledCell label={column.family}>{item.familyName}</LabelledCell>
                <LabelledCell label={column.children}>{item.childrenNames.join(', ')}</LabelledCell>
                <LabelledCell label={column.service}>{terms.service(item.serviceRequested)}</LabelledCell>
                <LabelledCell label={column.opened}>{formatDateTime(item.createdAt, timeZone)}</LabelledCell>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
    </>
  );
}
