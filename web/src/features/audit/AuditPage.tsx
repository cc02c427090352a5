import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditEvents } from '../../api/audit.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditTable } from './AuditTable.js';
import { loadFilter, saveFilter, toQuery, type AuditFilterValues } from './auditFilter.js';

/** Who did what, to which record, when, and whether it worked: newest first, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const { centres, timeZone } = useCurrentCentre();
  const [filter, setFilter] = useState<AuditFilterValues>(loadFilter);
  const filterZone = centres.find((centre) => centre.id === filter.centreId)?.timeZone ?? timeZone;
  const events = useAuditEvents(toQuery(filter, filterZone));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title={t('audit.title')}>
      <Stack gap="sm">
        <Title order={2} id="audit-filter-heading">
          {t('audit.filter.title')}
        </Title>
        <AuditFilterForm
          initial={filter}
          onApply={(values) => {
            saveFilter(values);
            setFilter(values);
          }}
        />
      </Stack>

      <Stack gap="sm">
        <Title order={2} id="audit-events-heading">
          {t('audit.eventsTitle')}
        </Title>
        {/* Announces the count when a filter is applied or older events arrive. */}
        <Text role="status" size="sm">
          {events.data &&
            (items.length === 0 ? t('audit.none') : t('audit.showing', { count: items.length }))}
        </Text>
        {events.isPending && <Loading />}
        {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
        {items.length > 0 && <AuditTable events={items} labelledBy="audit-events-heading" />}
        {events.hasNextPage && (
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('audit.older')}
          </Button>
        )}
      </Stack>
    </Page>
  );
}
