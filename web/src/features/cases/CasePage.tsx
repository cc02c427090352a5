import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCase, useReadiness } from '../../api/cases.js';
import { isApiError } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canReadCases } from './access.js';
import { CaseDocuments } from './CaseDocuments.js';
import { CaseWarnings, ClosedBanner, CloseCaseSection } from './ClosureSection.js';
import { ConsentSection } from './ConsentSection.js';
import { CourtOrderSection, PeopleSection, ProfessionalsSection } from './FamilySections.js';
import { IntakeSection, PlanSection, RiskSection } from './PlanningSections.js';
import { RulesSection } from './RulesSection.js';
import { AttendanceSection } from './AttendanceSection.js';
import { SanctionsSection } from './SanctionsSection.js';
import { CaseSessions } from '../timetable/CaseSessions.js';
import { IncidentsSection } from '../session-records/IncidentsSection.js';
import { IndirectItemsSection } from '../session-records/IndirectItemsSection.js';
import { ObservationsSection } from '../session-records/ObservationsSection.js';
import { fullName, type CaseDetail } from './types.js';

const STATUS_TONE: Record<CaseDetail['status'], Tone> = { open: 'good', suspended: 'bad', closed: 'neutral' };

/** One family at a glance: whether sessions can be booked, the people, and everything agreed so far. */
export function CasePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const { caseId = '' } = useParams();

  if (!centre || !canReadCases(session, centre.id)) {
    return (
      <Page title={t('case.notFoundTitle')}>
        <Text>{t('cases.notHere', { centre: centre?.name ?? '' })}</Text>
        <BackToList />
      </Page>
    );
  }
  return <CaseLoader key={`${centre.id}/${caseId}`} centreId={centre.id} caseId={caseId} />;
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/cases" className="back-link" style={{ alignSelf: 'flex-start' }}>
      <IconChevronLeft size={18} aria-hidden="true" />
      {t('case.backToList')}
    </Anchor>
  );
}

function CaseLoader({ centreId, caseId }: { centreId: string; caseId: string }) {
  const { t } = useTranslation();
  const found = useCase(centreId, caseId);
  if (found.isPending) {
    return (
      <Page title={t('case.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (found.isError) {
    const missing = isApiError(found.error, 404) || isApiError(found.error, 400);
    return (
      <Page title={missing ? t('case.notFoundTitle') : t('case.loadingTitle')}>
        {missing ? (
          <Text>{t('case.notFound')}</Text>
        ) : (
          <LoadError error={found.error} onRetry={() => void found.refetch()} />
        )}
        <BackToList />
      </Page>
    );
  }
  return <CaseView record={found.data} />;
}

function CaseView({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const { timeZone } = useCurrentCentre();
  const names = new Map(record.people.map((person) => [person.id, fullName(person)]));

  return (
    <Stack gap="md">
      <BackToList />
      <Page title={t('case.title', { family: record.familyName, reference: record.reference })}>
        <Group gap="sm">
          <StatusBadge tone={STATUS_TONE[record.status]}>{t(`case.statuses.${record.status}`)}</StatusBadge>
          <Text>
            {t('case.summary', {
              service: terms.service(record.serviceRequested),
              opened: formatDateTime(record.createdAt, timeZone),
            })}
          </Text>
        </Group>
        <ClosedBanner record={record} />
        <ReadinessPanel centreId={record.centreId} caseId={record.id} />
        <CaseWarnings record={record} />
        <PeopleSection record={record} names={names} />
        <ConsentSection record={record} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ProfessionalsSection record={record} names={names} />
          <CourtOrderSection record={record} />
        </SimpleGrid>
        <CaseDocuments record={record} />
        <IntakeSection record={record} />
        <RiskSection record={record} names={names} />
        <PlanSection record={record} names={names} />
        <CaseSessions record={record} />
        <AttendanceSection record={record} />
        <SanctionsSection record={record} />
        <ObservationsSection record={record} />
        <IncidentsSection record={record} />
        <IndirectItemsSection record={record} />
        <RulesSection centreId={record.centreId} caseId={record.id} />
        <CloseCaseSection record={record} />
      </Page>
    </Stack>
  );
}

/** At the top: whether sessions may be booked, and if not, each thing still in the way, in words. */
function ReadinessPanel({ centreId, caseId }: { centreId: string; caseId: string }) {
  const { t } = useTranslation();
  const readiness = useReadiness(centreId, caseId);

  return (
    <Stack gap="xs" component="section" aria-labelledby="case-readiness-heading">
      <Title order={2} size="h3" id="case-readiness-heading">
        {t('case.readiness.title')}
      </Title>
      {readiness.isPending ? (
        <Loading />
      ) : readiness.isError ? (
        <LoadError error={readiness.error} onRetry={() => void readiness.refetch()} />
      ) : readiness.data.ready ? (
        <Notice tone="success">{t('case.readiness.ready')}</Notice>
      ) : (
        <Paper withBorder p="md" role="status" className="readiness-blocked">
          <Group gap="xs" wrap="nowrap" align="flex-start" mb="xs">
            <IconAlertTriangle size={22} aria-hidden="true" style={{ flexShrink: 0 }} />
            <Text fw={700}>{t('case.readiness.notReady')}</Text>
          </Group>
          <Text mb={4}>{t('case.readiness.blockersIntro')}</Text>
          <List spacing={4}>
            {readiness.data.blockers.map((blocker) => (
              <List.Item key={blocker.code}>{blocker.message}</List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
