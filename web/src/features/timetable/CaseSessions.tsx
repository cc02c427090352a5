import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconCalendarRepeat, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BookingView } from '../../../../shared/api/bookings.js';
import type { OccurrenceView } from '../../../../shared/api/plans.js';
import { useBookings, useBookSessions, usePlanOccurrences } from '../../api/bookings.js';
import { usePlans, useReadiness } from '../../api/cases.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { translateMessage } from '../../lib/validation.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import type { CaseDetail } from '../cases/types.js';
import { BookDialog, CancelDialog, MoveDialog, type BookingMode, type Plan } from './BookingDialogs.js';
import { addDays, CASE_WEEKS_AHEAD, longDay, todayIn } from './calendar.js';
import { CancellationLine, SessionPeople } from './SessionParts.js';
import './timetable.css';

const HEADING = 'case-sessions-heading';

/** One line of the list: a session of the plan not booked yet, or a booked (or cancelled) session. */
interface Row {
  key: string;
  date: string;
  startTime: string;
  endTime: string;
  occurrence: OccurrenceView | null;
  booking: BookingView | null;
}

/** The server's sentence for a refused booking: the field messages of a 400, or its one sentence. */
function refusalOf(error: unknown): string {
  if (isApiError(error) && error.details.length > 0)
    return error.details.map((detail) => translateMessage(detail.message)).join(' ');
  return errorMessage(error);
}

/**
 * On the case page, after the plan: the plan's sessions over the next weeks, which are booked (room,
 * supervisor, each person's times), and for those who manage the timetable, booking, moving and cancelling.
 */
export function CaseSessions({ record }: { record: CaseDetail }) {
  const session = useSignedInSession();
  const plans = usePlans(record.centreId, record.id);
  const plan = plans.data?.items.find((item) => item.current);
  if (!canAtCentre(session, record.centreId, 'timetable:read') || !plan) return null;
  return <SessionsSection record={record} plan={plan} />;
}

function SessionsSection({ record, plan }: { record: CaseDetail; plan: Plan }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const { centreId, id: caseId } = record;
  const canManage = canAtCentre(session, centreId, 'timetable:manage');
  const [from] = useState(() => todayIn(timeZone));
  const to = addDays(from, CASE_WEEKS_AHEAD * 7 - 1);
  const occurrences = usePlanOccurrences(centreId, caseId, { from, to });
  const bookings = useBookings(centreId, { from, to, caseId, includeCancelled: true });
  const readiness = useReadiness(centreId, caseId);
  const bookMany = useBookSessions(centreId, caseId);
  const booking = useDialogTarget<BookingMode>();
  const moving = useDialogTarget<BookingView>();
  const cancelling = useDialogTarget<BookingView>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING)?.focus();
  };

  const loading = occurrences.isPending || bookings.isPending || (canManage && readiness.isPending);
  const failed = occurrences.error ?? bookings.error ?? (canManage ? readiness.error : null);

  let body;
  if (loading) body = <Loading />;
  else if (failed || !occurrences.data || !bookings.data)
    body = (
      <LoadError
        error={failed}
        onRetry={() => {
          void occurrences.refetch();
          void bookings.refetch();
          void readiness.refetch();
        }}
      />
    );
  else {
    const now = Date.now();
    const booked = bookings.data.items;
    const bookedDates = new Set(booked.filter((b) => b.status === 'booked').map((b) => b.date));
    const open = occurrences.data.items.filter((o) => !bookedDates.has(o.date));
    const bookable = open.filter((o) => Date.parse(o.startsAt) > now);
    const rows: Row[] = [
      ...booked.map((b) => ({
        key: b.id,
        date: b.date,
        startTime: b.startTime,
        endTime: b.endTime,
        occurrence: null,
        booking: b,
      })),
      ...open.map((o) => ({
        key: `plan-${o.date}`,
        date: o.date,
        startTime: o.startTime,
        endTime: o.endTime,
        occurrence: o,
        booking: null,
      })),
    ].sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.startTime.localeCompare(b.startTime) ||
        Number(a.booking?.status !== 'booked') - Number(b.booking?.status !== 'booked'),
    );
    const ready = readiness.data?.ready === true;
    const mayBook = canManage && ready && record.status === 'open';

    const bookAll = (placement: { roomId: string; supervisorUserId: string | null }) => {
      const dates = bookable.map((o) => o.date);
      setOutcome(null);
      setRefusals({});
      setProgress({ done: 0, total: dates.length });
      bookMany.mutate(
        { dates, ...placement, onProgress: (done) => setProgress({ done, total: dates.length }) },
        {
          onSuccess: (attempts) => {
            const refused = attempts.filter((attempt) => !attempt.booked);
            setRefusals(
              Object.fromEntries(refused.map((attempt) => [attempt.date, refusalOf(attempt.error)])),
            );
            setOutcome(
              refused.length === 0
                ? t('timetable.caseSessions.allBooked', { count: attempts.length })
                : t('timetable.caseSessions.someRefused', {
                    count: attempts.length - refused.length,
                    refused: refused.length,
                  }),
            );
          },
          onSettled: () => setProgress(null),
        },
      );
    };

    const column = {
      date: t('timetable.caseSessions.columns.date'),
      time: t('timetable.caseSessions.columns.time'),
      session: t('timetable.caseSessions.columns.session'),
      actions: t('common.actions'),
    };

    body = (
      <>
        {canManage && !ready && readiness.data && (
          <Paper withBorder p="md" className="readiness-blocked">
            <Group gap="xs" wrap="nowrap" align="flex-start" mb="xs">
              <IconAlertTriangle size={22} aria-hidden="true" style={{ flexShrink: 0 }} />
              <Text fw={700}>{t('timetable.caseSessions.notReady')}</Text>
            </Group>
            <List spacing={4}>
              {readiness.data.blockers.map((blocker) => (
                <List.Item key={blocker.code}>{blocker.message}</List.Item>
              ))}
            </List>
          </Paper>
        )}
        {mayBook && (
          <Group gap="sm">
            {bookable.length > 0 && (
              <Button
                leftSection={<IconCalendarRepeat size={18} aria-hidden="true" />}
                loading={progress !== null}
                onClick={() => booking.open({ kind: 'all', dates: bookable.map((o) => o.date) })}
              >
                {t('timetable.caseSessions.bookAll', { count: bookable.length })}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
              onClick={() => booking.open({ kind: 'add' })}
            >
              {t('timetable.caseSessions.add')}
            </Button>
          </Group>
        )}
        <div role="status">
          {progress ? (
            <Text>{t('timetable.caseSessions.progress', progress)}</Text>
          ) : (
            outcome && <Text fw={600}>{outcome}</Text>
          )}
        </div>
        {rows.length === 0 ? (
          <Text>{t('timetable.caseSessions.none', { count: CASE_WEEKS_AHEAD })}</Text>
        ) : (
          <StackedTable label={t('timetable.caseSessions.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{column.date}</Table.Th>
                <Table.Th>{column.time}</Table.Th>
                <Table.Th>{column.session}</Table.Th>
                {canManage && <Table.Th>{column.actions}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const day = longDay(row.date);
                const future = Date.parse(row.booking?.startsAt ?? row.occurrence?.startsAt ?? '') > now;
                return (
                  <Table.Tr key={row.key}>
                    <LabelledCell label={column.date}>{day}</LabelledCell>
                    <LabelledCell label={column.time}>
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {t('timetable.session.time', { start: row.startTime, end: row.endTime })}
                      </span>
                    </LabelledCell>
                    <LabelledCell label={column.session}>
                      {row.booking ? (
                        <BookedSession booking={row.booking} />
                      ) : (
                        <Stack gap={4}>
                          <div>
                            <StatusBadge tone="neutral">
                              {future
                                ? t('timetable.caseSessions.notBooked')
                                : t('timetable.caseSessions.started')}
                            </StatusBadge>
                          </div>
                          {refusals[row.date] && (
                            <Group gap={6} wrap="nowrap" align="flex-start">
                              <IconAlertTriangle
                                size={18}
                                aria-hidden="true"
                                color="var(--mantine-color-red-9)"
                                style={{ flexShrink: 0 }}
                              />
                              <Text size="sm" c="red.9">
                                {t('timetable.caseSessions.refused', { reason: refusals[row.date] })}
                              </Text>
                            </Group>
                          )}
                        </Stack>
                      )}
                    </LabelledCell>
                    {canManage && (
                      <LabelledCell label={column.actions}>
                        {row.occurrence && mayBook && future && (
                          <Button
                            size="sm"
                            leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
                            aria-label={t('timetable.caseSessions.bookFor', { day })}
                            disabled={progress !== null}
                            onClick={() =>
                              booking.open({
                                kind: 'one',
                                date: row.date,
                                startTime: row.startTime,
                                endTime: row.endTime,
                              })
                            }
                          >
                            {t('timetable.caseSessions.book')}
                          </Button>
                        )}
                        {row.booking?.status === 'booked' && future && (
                          <Group gap="xs">
                            <Button
                              size="sm"
                              variant="default"
                              leftSection={<IconCalendarRepeat size={18} aria-hidden="true" />}
                              aria-label={t('timetable.caseSessions.moveFor', { day })}
                              onClick={() => moving.open(row.booking!)}
                            >
                              {t('timetable.caseSessions.move')}
                            </Button>
                            <Button
                              size="sm"
                              variant="default"
                              leftSection={<IconX size={18} aria-hidden="true" />}
                              aria-label={t('timetable.caseSessions.cancelFor', { day })}
                              onClick={() => cancelling.open(row.booking!)}
                            >
                              {t('timetable.caseSessions.cancel')}
                            </Button>
                          </Group>
                        )}
                      </LabelledCell>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </StackedTable>
        )}
        {canManage && (
          <>
            <BookDialog
              centreId={centreId}
              caseId={caseId}
              plan={plan}
              mode={booking.target}
              opened={booking.opened}
              onClose={booking.close}
              onExited={afterDialog}
              onBookAll={bookAll}
            />
            <MoveDialog
              centreId={centreId}
              plan={plan}
              booking={moving.target}
              opened={moving.opened}
              onClose={moving.close}
              onExited={afterDialog}
            />
            <CancelDialog
              centreId={centreId}
              adults={record.people.filter((person) => person.role !== 'child')}
              booking={cancelling.target}
              opened={cancelling.opened}
              onClose={cancelling.close}
              onExited={afterDialog}
            />
          </>
        )}
      </>
    );
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING}>
      <Title order={2} size="h3" id={HEADING} tabIndex={-1}>
        {t('timetable.caseSessions.title')}
      </Title>
      <Text>{t('timetable.caseSessions.intro', { count: CASE_WEEKS_AHEAD })}</Text>
      {body}
    </Stack>
  );
}

function BookedSession({ booking }: { booking: BookingView }) {
  const { t } = useTranslation();
  const cancelled = booking.status === 'cancelled';
  return (
    <Stack gap={4} className={cancelled ? 'timetable-session timetable-session-cancelled' : undefined}>
      <Group gap={4}>
        <StatusBadge tone={cancelled ? 'neutral' : 'good'}>
          {cancelled ? t('timetable.session.cancelled') : t('timetable.caseSessions.booked')}
        </StatusBadge>
        {booking.source === 'added' && <StatusBadge tone="info">{t('timetable.session.added')}</StatusBadge>}
      </Group>
      <Text size="sm">
        {t('timetable.caseSessions.where', {
          room: booking.room.name,
          usage: t(`timetable.usage.${booking.room.usage}`),
        })}
        {' · '}
        {booking.supervisor
          ? t('timetable.session.supervisor', { name: booking.supervisor.displayName })
          : t('timetable.noSupervisor')}
      </Text>
      {cancelled ? (
        <CancellationLine session={booking} />
      ) : (
        <>
          <SessionPeople session={booking} />
          <Anchor component={Link} to={`/timetable?date=${booking.date}`} size="sm">
            {t('timetable.caseSessions.seeDay', { day: longDay(booking.date) })}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
