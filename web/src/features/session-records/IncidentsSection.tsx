import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../../shared/api/session-records.js';
import { useCaseIncidents } from '../../api/sessionRecords.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { mayChangeCase } from '../cases/access.js';
import type { CaseDetail } from '../cases/types.js';
import { longDay } from '../timetable/calendar.js';
import { IncidentDialog, type IncidentSession } from './RecordIncidentDialog.js';
import { useMarkFollowUpDone } from './useMarkFollowUpDone.js';
import { useRecentSessions, useSessionLabel } from './useRecentSessions.js';

const HEADING = 'case-incidents-heading';

/**
 * On the case page: the family's incidents, the latest first, with the action taken and the follow-up;
 * recording one at a recent session, and a coordinator marking a follow-up done.
 */
export function IncidentsSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const label = useSessionLabel();
  const { centreId, id: caseId } = record;
  const incidents = useCaseIncidents(centreId, caseId);
  const recent = useRecentSessions(centreId, caseId);
  const [recording, setRecording] = useState(false);
  const mayRecord = canAtCentre(session, centreId, 'incidents:record') && record.status !== 'closed';
  const mayMarkDone = mayChangeCase(session, record);
  const names = new Map(record.people.map((p) => [p.id, p]));
  // The sessions up to today, the latest first: an incident is recorded on or after the day.
  const sessions: IncidentSession[] = [...recent.items]
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((booking) => ({
      bookingId: booking.id,
      date: booking.date,
      label: label(booking),
      people: booking.people.map((p) => ({
        personId: p.personId,
        firstName: names.get(p.personId)?.firstName ?? p.firstName,
        lastName: names.get(p.personId)?.lastName,
      })),
    }));
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING)?.focus();
  };
  const marking = useMarkFollowUpDone(centreId, afterDialog);

  let body;
  if (incidents.isPending) body = <Loading />;
  else if (incidents.isError)
    body = <LoadError error={incidents.error} onRetry={() => void incidents.refetch()} />;
  else
    body = (
      <>
        {incidents.data.items.length === 0 ? (
          <Text>{t('sessionRecords.incidents.none')}</Text>
        ) : (
          <List spacing="md" listStyleType="none" ml={0} pl={0}>
            {incidents.data.items.map((incident) => (
              <List.Item key={incident.id}>
                <Incident
                  incident={incident}
                  timeZone={timeZone}
                  onMarkDone={
                    mayMarkDone && incident.followUp && !incident.followUpDoneAt
                      ? () => marking.start(incident)
                      : undefined
                  }
                />
              </List.Item>
            ))}
          </List>
        )}
        {mayRecord &&
          (sessions.length > 0 ? (
            <Button
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconAlertTriangle size={18} aria-hidden="true" />}
              onClick={() => setRecording(true)}
            >
              {t('sessionRecords.incidents.record')}
            </Button>
          ) : (
            !recent.query.isLoading && <Text size="sm">{t('sessionRecords.incidents.noSession')}</Text>
          ))}
      </>
    );

  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING}>
      <Title order={2} size="h3" id={HEADING} tabIndex={-1}>
        {t('sessionRecords.incidents.title')}
      </Title>
      {body}
      <IncidentDialog
        centreId={centreId}
        sessions={sessions}
        title={t('sessionRecords.incidents.form.title')}
        opened={recording}
        onClose={() => setRecording(false)}
        onExited={afterDialog}
      />
      {marking.dialog}
    </Stack>
  );
}

export function Incident({
  incident,
  timeZone,
  onMarkDone,
}: {
  incident: IncidentView;
  timeZone: string;
  onMarkDone?: () => void;
}) {
  const { t } = useTranslation();
  const when = formatDateTime(incident.occurredAt, timeZone);
  return (
    <Stack
      gap={4}
      component="article"
      aria-label={`${t(`sessionRecords.incidents.kinds.${incident.kind}`)}, ${when}`}
    >
      <Group gap="xs">
        <StatusBadge tone="bad" icon={<IconAlertTriangle size={14} aria-hidden="true" />}>
          {t(`sessionRecords.incidents.kinds.${incident.kind}`)}
        </StatusBadge>
        <Text fw={600}>
          {incident.session
            ? t('sessionRecords.incidents.at', { when, day: longDay(incident.session.date) })
            : when}
        </Text>
      </Group>
      {incident.personName && (
        <Text size="sm">{t('sessionRecords.incidents.who', { name: incident.personName })}</Text>
      )}
      <Text style={{ whiteSpace: 'pre-wrap' }}>{incident.description}</Text>
      <Text size="sm">
        {t('sessionRecords.incidents.action', {
          action: t(`sessionRecords.incidents.actions.${incident.actionTaken}`),
        })}
        {' · '}
        {t('sessionRecords.incidents.recordedBy', { name: incident.recordedBy })}
      </Text>
      {incident.followUp && (
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {incident.followUpDoneAt ? (
              <StatusBadge tone="good" icon={<IconCircleCheck size={14} aria-hidden="true" />}>
                {t('sessionRecords.incidents.followUpDone')}
              </StatusBadge>
            ) : (
              <StatusBadge tone="info" icon={<IconClock size={14} aria-hidden="true" />}>
                {t('sessionRecords.incidents.followUpOpen')}
              </StatusBadge>
            )}
            <Text size="sm">{t('sessionRecords.incidents.followUp', { text: incident.followUp })}</Text>
          </Group>
          {incident.followUpDoneAt && (
            <Text size="sm">
              {t('sessionRecords.incidents.followUpDoneBy', {
                name: incident.followUpDoneBy ?? '',
                when: formatDateTime(incident.followUpDoneAt, timeZone),
              })}
            </Text>
          )}
          {onMarkDone && (
            <Button
              size="sm"
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconCircleCheck size={18} aria-hidden="true" />}
              aria-label={t('sessionRecords.incidents.markDoneFor', { when })}
              onClick={onMarkDone}
            >
              {t('sessionRecords.incidents.markDone')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
