import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconPencil, IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ObservationView } from '../../../../shared/api/session-records.js';
import { useObservations } from '../../api/sessionRecords.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDateTime } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import type { CaseDetail } from '../cases/types.js';
import { ObservationDialog, type ObservationTarget } from './ObservationDialog.js';
import { hasStarted, useRecentSessions, useSessionLabel } from './useRecentSessions.js';

const HEADING = 'case-observations-heading';

interface SessionGroup {
  bookingId: string;
  date: string;
  startTime: string;
  endTime: string;
  /** The named supervisor, when the session is one of the recent ones. */
  supervisorId: string | null;
  records: ObservationView[];
}

/**
 * On the case page: the observation records of each supervised session, the current version of each
 * record with its earlier (corrected) versions under it, and for the session's supervisor or a
 * coordinator, writing and correcting. Shown once the family has had a supervised session.
 */
export function ObservationsSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const label = useSessionLabel();
  const { centreId, id: caseId } = record;
  const observations = useObservations(centreId, caseId);
  const recent = useRecentSessions(centreId, caseId);
  const writing = useDialogTarget<ObservationTarget>();
  const mayWriteAny = canAtCentre(session, centreId, 'observations:write') && record.status !== 'closed';
  const coordinates = canAtCentre(session, centreId, 'case:write');
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING)?.focus();
  };

  if (observations.isPending || recent.query.isLoading) return <Loading />;
  if (observations.isError)
    return <LoadError error={observations.error} onRetry={() => void observations.refetch()} />;

  const groups = new Map<string, SessionGroup>();
  for (const booking of recent.items) {
    if (booking.serviceType !== 'supervised' || !hasStarted(booking)) continue;
    groups.set(booking.id, {
      bookingId: booking.id,
      date: booking.date,
      startTime: booking.startTime,
      endTime: booking.endTime,
      supervisorId: booking.supervisor?.id ?? null,
      records: [],
    });
  }
  for (const observation of observations.data.items) {
    const { bookingId, date, startTime, endTime } = observation.session;
    const group = groups.get(bookingId) ?? {
      bookingId,
      date,
      startTime,
      endTime,
      supervisorId: null,
      records: [],
    };
    group.records.push(observation);
    groups.set(bookingId, group);
  }
  if (groups.size === 0) return null;
  const sessions = [...groups.values()].sort(
    (a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime),
  );
  const mayWrite = (group: SessionGroup) =>
    mayWriteAny && (coordinates || group.supervisorId === session.user.id);

  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING}>
      <Title order={2} size="h3" id={HEADING} tabIndex={-1}>
        {t('sessionRecords.observations.title')}
      </Title>
      <Text>{t('sessionRecords.observations.intro')}</Text>
      {sessions.map((group) => {
        const sessionName = label(group);
        const byId = new Map(group.records.map((r) => [r.id, r]));
        const current = group.records.filter((r) => r.correctedById === null);
        return (
          <Paper key={group.bookingId} withBorder p="md" component="article" aria-label={sessionName}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {sessionName}
              </Title>
              {current.length === 0 && <Text>{t('sessionRecords.observations.noneForSession')}</Text>}
              {current.map((observation) => (
                <ObservationChain
                  key={observation.id}
                  observation={observation}
                  earlier={earlierVersions(observation, byId)}
                  onCorrect={
                    mayWrite(group)
                      ? () =>
                          writing.open({
                            bookingId: group.bookingId,
                            label: sessionName,
                            corrects: observation,
                          })
                      : undefined
                  }
                  timeZone={timeZone}
                />
              ))}
              {mayWrite(group) && (
                <Button
                  style={{ alignSelf: 'flex-start' }}
                  leftSection={<IconPencilPlus size={18} aria-hidden="true" />}
                  aria-label={t('sessionRecords.observations.write.openFor', { session: sessionName })}
                  onClick={() =>
                    writing.open({ bookingId: group.bookingId, label: sessionName, corrects: null })
                  }
                >
                  {t('sessionRecords.observations.write.open')}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
      <ObservationDialog
        centreId={centreId}
        caseId={caseId}
        target={writing.target}
        opened={writing.opened}
        onClose={writing.close}
        onExited={afterDialog}
      />
    </Stack>
  );
}

/** The versions a record replaced, newest first: each one it corrects, and so on back to the first. */
function earlierVersions(observation: ObservationView, byId: Map<string, ObservationView>) {
  const versions: ObservationView[] = [];
  let previous = observation.correctsId ? byId.get(observation.correctsId) : undefined;
  while (previous) {
    versions.push(previous);
    previous = previous.correctsId ? byId.get(previous.correctsId) : undefined;
  }
  return versions;
}

function ObservationChain({
  observation,
  earlier,
  onCorrect,
  timeZone,
}: {
  observation: ObservationView;
  earlier: ObservationView[];
  onCorrect?: () => void;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const written = (o: ObservationView) =>
    t('sessionRecords.writtenBy', { name: o.writtenBy, when: formatDateTime(o.createdAt, timeZone) });
  // Each earlier version was corrected when the version after it was written.
  const newer = [observation, ...earlier];
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <StatusBadge tone="good">{t('sessionRecords.observations.current')}</StatusBadge>
        {observation.correctsId && (
          <StatusBadge tone="info">{t('sessionRecords.observations.correction')}</StatusBadge>
        )}
        <Text size="sm">{written(observation)}</Text>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{observation.notes}</Text>
      {onCorrect && (
        <Button
          size="sm"
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconPencil size={18} aria-hidden="true" />}
          aria-label={t('sessionRecords.observations.correct.openFor', {
            name: observation.writtenBy,
            when: formatDateTime(observation.createdAt, timeZone),
          })}
          onClick={onCorrect}
        >
          {t('sessionRecords.observations.correct.open')}
        </Button>
      )}
      {earlier.map((version, index) => (
        <Paper key={version.id} p="sm" bg="gray.0" withBorder ml="md">
          <Stack gap={4}>
            <Group gap="xs">
              <IconHistory size={18} aria-hidden="true" />
              <StatusBadge tone="neutral">{t('sessionRecords.observations.corrected')}</StatusBadge>
              <Text size="sm">
                {t('sessionRecords.observations.earlierVersion', {
                  when: formatDateTime(newer[index]!.createdAt, timeZone),
                })}
              </Text>
            </Group>
            <Text size="sm">{written(version)}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {version.notes}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
