import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BookingView } from '../../../../shared/api/bookings.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { groupSessions, longDay, shortDay, weekOf, type Arrangement, type SessionGroup } from './calendar.js';
import { CancellationLine, KeepApartFlag, SessionPeople } from './SessionParts.js';

interface ViewProps {
  sessions: BookingView[];
  by: Arrangement;
  centreId: string;
}

/** The family's reference: a link to the case for those who may open it. */
function CaseReference({ session, centreId }: { session: BookingView; centreId: string }) {
  const signedIn = useSignedInSession();
  if (!canAtCentre(signedIn, centreId, 'case:read')) return <>{session.caseReference}</>;
  return (
    <Anchor component={Link} to={`/cases/${session.caseId}`} fw={600}>
      {session.caseReference}
    </Anchor>
  );
}

function useGroupWords() {
  const { t } = useTranslation();
  return {
    name: (group: SessionGroup) => group.name ?? t('timetable.noSupervisor'),
    detail: (group: SessionGroup) =>
      [group.venue, group.usage ? t(`timetable.usage.${group.usage}`) : null].filter(Boolean).join(', '),
  };
}

/** One day: a card per room (or supervisor), its sessions in order of time. */
export function DayView({ heading, sessions, by, centreId }: ViewProps & { heading: string }) {
  const { t } = useTranslation();
  const words = useGroupWords();
  const groups = groupSessions(sessions, by);
  const booked = sessions.filter((session) => session.status === 'booked').length;

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {heading}
      </Title>
      <Text role="status">
        {sessions.length === 0
          ? t('timetable.day.none')
          : booked === 0
            ? t('timetable.day.onlyCancelled')
            : t('timetable.day.count', { count: booked })}
      </Text>
      {groups.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {groups.map((group) => {
            const headingId = `timetable-group-${group.key}`;
            return (
              <Card key={group.key} withBorder padding="md" component="section" aria-labelledby={headingId}>
                <Title order={3} size="h4" id={headingId}>
                  {words.name(group)}
                </Title>
                {words.detail(group) && <Text size="sm">{words.detail(group)}</Text>}
                <Stack gap="sm" mt="sm">
                  {group.sessions.map((session) => (
                    <SessionBlock key={session.id} session={session} by={by} centreId={centreId} />
                  ))}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function SessionBlock({
  session,
  by,
  centreId,
}: {
  session: BookingView;
  by: Arrangement;
  centreId: string;
}) {
  const { t } = useTranslation();
  const cancelled = session.status === 'cancelled';
  return (
    <article
      className={cancelled ? 'timetable-session timetable-session-cancelled' : 'timetable-session'}
      aria-label={t('timetable.session.label', {
        start: session.startTime,
        end: session.endTime,
        reference: session.caseReference,
      })}
    >
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={700} className="timetable-time">
            {t('timetable.session.time', { start: session.startTime, end: session.endTime })}
          </Text>
          <Group gap={4}>
            {cancelled && <StatusBadge tone="neutral">{t('timetable.session.cancelled')}</StatusBadge>}
            {session.source === 'added' && (
              <StatusBadge tone="info">{t('timetable.session.added')}</StatusBadge>
            )}
          </Group>
        </Group>
        <Text size="sm">
          <CaseReference session={session} centreId={centreId} />
          {' · '}
          {t(`timetable.services.${session.serviceType}`)}
        </Text>
        <SessionPeople session={session} />
        <Text size="sm">
          {by === 'room'
            ? session.supervisor
              ? t('timetable.session.supervisor', { name: session.supervisor.displayName })
              : t('timetable.noSupervisor')
            : t('timetable.session.room', { room: session.room.name })}
        </Text>
        {cancelled && <CancellationLine session={session} />}
      </Stack>
    </article>
  );
}

/** Seven days, Monday to Sunday: a row per room (or supervisor), a column per day. */
export function WeekView({
  from,
  sessions,
  by,
  centreId,
  onDay,
}: ViewProps & { from: string; onDay: (date: string) => void }) {
  const { t } = useTranslation();
  const words = useGroupWords();
  const days = weekOf(from);
  const groups = groupSessions(sessions, by);
  const booked = sessions.filter((session) => session.status === 'booked').length;
  const firstColumn = by === 'room' ? t('timetable.week.room') : t('timetable.week.staff');

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('timetable.week.heading', { day: longDay(days[0]!) })}
      </Title>
      <Text role="status">
        {sessions.length === 0
          ? t('timetable.week.none')
          : booked === 0
            ? t('timetable.week.onlyCancelled')
            : t('timetable.week.count', { count: booked })}
      </Text>
      {groups.length > 0 && (
        <StackedTable label={t('timetable.week.tableLabel', { day: longDay(days[0]!) })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{firstColumn}</Table.Th>
              {days.map((day) => (
                <Table.Th key={day}>
                  <Anchor
                    component="button"
                    type="button"
                    fw={700}
                    onClick={() => onDay(day)}
                    aria-label={t('timetable.week.openDay', { day: shortDay(day), long: longDay(day) })}
                  >
                    {shortDay(day)}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Table.Tr key={group.key}>
                <LabelledCell label={firstColumn}>
                  <Text fw={700}>{words.name(group)}</Text>
                  {words.detail(group) && <Text size="sm">{words.detail(group)}</Text>}
                </LabelledCell>
                {days.map((day) => {
                  const thatDay = group.sessions.filter((session) => session.date === day);
                  return (
                    <LabelledCell key={day} label={longDay(day)}>
                      {thatDay.length === 0 ? (
                        <span className="timetable-empty">
                          <span aria-hidden="true">–</span>
                          <VisuallyHidden>{t('timetable.week.noSessions')}</VisuallyHidden>
                        </span>
                      ) : (
                        <Stack gap="xs">
                          {thatDay.map((session) => (
                            <WeekSession key={session.id} session={session} by={by} centreId={centreId} />
                          ))}
                        </Stack>
                      )}
                    </LabelledCell>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
    </Stack>
  );
}

function WeekSession({ session, by, centreId }: { session: BookingView; by: Arrangement; centreId: string }) {
  const { t } = useTranslation();
  const cancelled = session.status === 'cancelled';
  return (
    <Stack
      gap={2}
      className={cancelled ? 'timetable-session timetable-session-cancelled' : 'timetable-session'}
    >
      <Text size="sm" fw={700} className="timetable-time">
        {t('timetable.session.time', { start: session.startTime, end: session.endTime })}
      </Text>
      <Text size="sm">
        <CaseReference session={session} centreId={centreId} />
      </Text>
      <Text size="sm">
        {by === 'room' ? (session.supervisor?.displayName ?? t('timetable.noSupervisor')) : session.room.name}
      </Text>
      {session.people.some((person) => person.separated) && <KeepApartFlag />}
      {cancelled && (
        <>
          <StatusBadge tone="neutral">{t('timetable.session.cancelled')}</StatusBadge>
          <Text size="sm">{session.cancellation?.reason}</Text>
        </>
      )}
    </Stack>
  );
}
