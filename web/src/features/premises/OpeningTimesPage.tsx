import { Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarOff, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClosureView,
  OpeningOccurrenceView,
  OpeningSessionView,
} from '../../../../shared/api/venues.js';
import { errorMessage } from '../../api/client.js';
import {
  useClosures,
  useDeleteClosure,
  useOccurrences,
  useOpeningSessions,
  useVenues,
} from '../../api/venues.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDay } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { OpeningSessionDialog } from './OpeningSessionDialog.js';
import { sessionInWords, timesInWords } from './openingWords.js';
import { ClosureDialog, EndSessionDialog } from './TimetableDialogs.js';

/** How far ahead the calendar looks. */
const WEEKS_AHEAD = 4;

/** When the current centre opens for contact, the next four weeks laid out with closures, and the closures. */
export function OpeningTimesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre, timeZone } = useCurrentCentre();
  const canRead = centre !== null && canAtCentre(session, centre.id, 'timetable:read');
  const canManage = centre !== null && canAtCentre(session, centre.id, 'timetable:manage');
  const today = dayjs().tz(timeZone).format('YYYY-MM-DD');

  return (
    <Page title={t('openingTimes.title')}>
      {centre && canRead ? (
        <OpeningTimes
          key={centre.id}
          centreId={centre.id}
          centreName={centre.name}
          canManage={canManage}
          today={today}
        />
      ) : (
        <Text>{t('openingTimes.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function OpeningTimes({
  centreId,
  centreName,
  canManage,
  today,
}: {
  centreId: string;
  centreName: string;
  canManage: boolean;
  today: string;
}) {
  const { t } = useTranslation();
  const sessions = useOpeningSessions(centreId);
  const venues = useVenues(centreId);
  // `null` as the target means new sessions.
  const sessionDialog = useDialogTarget<OpeningSessionView | null>();
  const endDialog = useDialogTarget<OpeningSessionView>();
  const [addingClosure, setAddingClosure] = useState(false);
  const venueList = venues.data?.items ?? [];

  return (
    <Stack gap="xl">
      <Text>{t('openingTimes.intro', { centre: centreName })}</Text>
      <Stack gap="sm" component="section" aria-labelledby="sessions-heading">
        <Group justify="space-between" align="flex-end">
          <Title order={2} id="sessions-heading">
            {t('openingTimes.sessions.title')}
          </Title>
          {canManage && (
            <Button
              leftSection={<IconPlus size={20} aria-hidden="true" />}
              onClick={() => sessionDialog.open(null)}
              disabled={!venues.data}
            >
              {t('openingTimes.sessions.add')}
            </Button>
          )}
        </Group>
        {sessions.isPending && <Loading />}
        {sessions.isError && <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.data && sessions.data.items.length === 0 && <Text>{t('openingTimes.sessions.none')}</Text>}
        {sessions.data && sessions.data.items.length > 0 && (
          <SessionsTable
            sessions={sessions.data.items}
            today={today}
            canManage={canManage}
            onEdit={sessionDialog.open}
            onEnd={endDialog.open}
          />
        )}
      </Stack>

      <Upcoming centreId={centreId} today={today} />

      <Closures
        centreId={centreId}
        today={today}
        canManage={canManage}
        onAdd={() => setAddingClosure(true)}
        addDisabled={!venues.data}
      />

      <OpeningSessionDialog
        centreId={centreId}
        session={sessionDialog.target}
        venues={venueList}
        opened={sessionDialog.opened}
        onClose={sessionDialog.close}
      />
      <EndSessionDialog
        centreId={centreId}
        session={endDialog.target}
        today={today}
        opened={endDialog.opened}
        onClose={endDialog.close}
      />
      <ClosureDialog
        centreId={centreId}
        venues={venueList}
        opened={addingClosure}
        onClose={() => setAddingClosure(false)}
      />
    </Stack>
  );
}

function SessionsTable({
  sessions,
  today,
  canManage,
  onEdit,
  onEnd,
}: {
  sessions: OpeningSessionView[];
  today: string;
  canManage: boolean;
  onEdit: (session: OpeningSessionView) => void;
  onEnd: (session: OpeningSessionView) => void;
}) {
  const { t } = useTranslation();
  const column = {
    name: t('openingTimes.sessions.columns.name'),
    when: t('openingTimes.sessions.columns.when'),
    dates: t('openingTimes.sessions.columns.dates'),
    staffing: t('openingTimes.sessions.columns.staffing'),
    status: t('openingTimes.sessions.columns.status'),
    actions: t('common.actions'),
  };
  const statusOf = (session: OpeningSessionView) =>
    session.ended
      ? { tone: 'neutral' as const, label: t('openingTimes.sessions.status.ended') }
      : session.startsOn > today
        ? {
            tone: 'info' as const,
            label: t('openingTimes.sessions.status.starts', { day: formatDay(session.startsOn) }),
          }
        : { tone: 'good' as const, label: t('openingTimes.sessions.status.running') };

  return (
    <StackedTable labelledBy="sessions-heading">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{column.name}</Table.Th>
          <Table.Th>{column.when}</Table.Th>
          <Table.Th>{column.dates}</Table.Th>
          <Table.Th>{column.staffing}</Table.Th>
          <Table.Th>{column.status}</Table.Th>
          {canManage && <Table.Th>{column.actions}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((session) => {
          const status = statusOf(session);
          return (
            <Table.Tr key={session.id}>
              <LabelledCell label={column.name}>
                <Text fw={600}>{session.name}</Text>
              </LabelledCell>
              <LabelledCell label={column.when}>{sessionInWords(t, session)}</LabelledCell>
              <LabelledCell label={column.dates}>
                {session.endsOn
                  ? t('openingTimes.sessions.fromUntil', {
                      from: formatDay(session.startsOn),
                      until: formatDay(session.endsOn),
                    })
                  : t('openingTimes.sessions.from', { from: formatDay(session.startsOn) })}
              </LabelledCell>
              <LabelledCell label={column.staffing}>
                {t('openingTimes.sessions.staffing', {
                  count: session.minimumStaff,
                  families: session.familiesPerVolunteer,
                })}
              </LabelledCell>
              <LabelledCell label={column.status}>
                <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
              </LabelledCell>
              {canManage && (
                <LabelledCell label={column.actions}>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t('openingTimes.sessions.editNamed', { name: session.name })}
                      onClick={() => onEdit(session)}
                    >
                      {t('common.edit')}
                    </Button>
                    {!session.ended && (
                      <Button
                        variant="default"
                        size="sm"
                        aria-label={t('openingTimes.sessions.endNamed', { name: session.name })}
                        onClick={() => onEnd(session)}
                      >
                        {t('openingTimes.sessions.end')}
                      </Button>
                    )}
                  </Group>
                </LabelledCell>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </StackedTable>
  );
}

/** The next four weeks, day by day; a session on a closure says so and why. */
function Upcoming({ centreId, today }: { centreId: string; today: string }) {
  const { t } = useTranslation();
  const to = dayjs(today)
    .add(WEEKS_AHEAD * 7 - 1, 'day')
    .format('YYYY-MM-DD');
  const occurrences = useOccurrences(centreId, today, to);
  const byDate = new Map<string, OpeningOccurrenceView[]>();
  for (const occurrence of occurrences.data?.items ?? []) {
    byDate.set(occurrence.date, [...(byDate.get(occurrence.date) ?? []), occurrence]);
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="upcoming-heading">
      <Title order={2} id="upcoming-heading">
        {t('openingTimes.upcoming.title')}
      </Title>
      {occurrences.isPending && <Loading />}
      {occurrences.isError && (
        <LoadError error={occurrences.error} onRetry={() => void occurrences.refetch()} />
      )}
      {occurrences.data && byDate.size === 0 && <Text>{t('openingTimes.upcoming.none')}</Text>}
      {[...byDate.entries()].map(([date, items]) => (
        <Stack key={date} gap={4}>
          <Title order={3} size="h4">
            {dayjs(date).format('dddd D MMMM')}
          </Title>
          <List listStyleType="none" spacing="xs" aria-label={dayjs(date).format('dddd D MMMM')}>
            {items.map((occurrence) => (
              <List.Item key={`${occurrence.openingSessionId}-${occurrence.date}`}>
                <Group gap="sm" wrap="wrap">
                  <Text fw={600}>{timesInWords(t, occurrence)}</Text>
                  <Text>
                    {t('openingTimes.upcoming.at', { name: occurrence.name, venue: occurrence.venueName })}
                  </Text>
                  {occurrence.closure && (
                    <StatusBadge tone="bad" icon={<IconCalendarOff size={16} aria-hidden="true" />}>
                      {t('openingTimes.upcoming.closed', { reason: occurrence.closure.reason })}
                    </StatusBadge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}

function Closures({
  centreId,
  today,
  canManage,
  onAdd,
  addDisabled,
}: {
  centreId: string;
  today: string;
  canManage: boolean;
  onAdd: () => void;
  addDisabled: boolean;
}) {
  const { t } = useTranslation();
  const closures = useClosures(centreId, today);
  const removing = useDialogTarget<ClosureView>();
  const remove = useDeleteClosure(centreId);
  const column = {
    dates: t('openingTimes.closures.columns.dates'),
    where: t('openingTimes.closures.columns.where'),
    reason: t('openingTimes.closures.columns.reason'),
    addedBy: t('openingTimes.closures.columns.addedBy'),
    actions: t('common.actions'),
  };
  const datesOf = (closure: ClosureView) =>
    closure.startsOn === closure.endsOn
      ? formatDay(closure.startsOn)
      : t('openingTimes.closures.range', {
          from: formatDay(closure.startsOn),
          to: formatDay(closure.endsOn),
        });
  const close = () => {
    remove.reset();
    removing.close();
  };
  const target = removing.target;

  return (
    <Stack gap="sm" component="section" aria-labelledby="closures-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="closures-heading" tabIndex={-1}>
          {t('openingTimes.closures.title')}
        </Title>
        {canManage && (
          <Button
            leftSection={<IconPlus size={20} aria-hidden="true" />}
            onClick={onAdd}
            disabled={addDisabled}
          >
            {t('openingTimes.closures.add')}
          </Button>
        )}
      </Group>
      {closures.isPending && <Loading />}
      {closures.isError && <LoadError error={closures.error} onRetry={() => void closures.refetch()} />}
      {closures.data && closures.data.items.length === 0 && <Text>{t('openingTimes.closures.none')}</Text>}
      {closures.data && closures.data.items.length > 0 && (
        <StackedTable labelledBy="closures-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.dates}</Table.Th>
              <Table.Th>{column.where}</Table.Th>
              <Table.Th>{column.reason}</Table.Th>
              <Table.Th>{column.addedBy}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {closures.data.items.map((closure) => (
              <Table.Tr key={closure.id}>
                <LabelledCell label={column.dates}>{datesOf(closure)}</LabelledCell>
                <LabelledCell label={column.where}>
                  {closure.venueName ?? t('openingTimes.closures.wholeCentre')}
                </LabelledCell>
                <LabelledCell label={column.reason}>{closure.reason}</LabelledCell>
                <LabelledCell label={column.addedBy}>{closure.createdBy ?? t('common.unknown')}</LabelledCell>
                {canManage && (
                  <LabelledCell label={column.actions}>
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t('openingTimes.closures.removeNamed', {
                        reason: closure.reason,
                        dates: datesOf(closure),
                      })}
                      onClick={() => removing.open(closure)}
                    >
                      {t('openingTimes.closures.remove')}
                    </Button>
                  </LabelledCell>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      <ConfirmDialog
        opened={removing.opened}
        title={target ? t('openingTimes.closures.removeTitle', { reason: target.reason }) : ''}
        message={target ? t('openingTimes.closures.removeMessage', { dates: datesOf(target) }) : ''}
        confirmLabel={t('openingTimes.closures.remove')}
        destructive
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={close}
        // The row's Remove button may be gone: focus goes back to the list's heading.
        onExited={() => document.getElementById('closures-heading')?.focus()}
        onConfirm={() =>
          target &&
          remove.mutate(target.id, {
            onSuccess: () => {
              notifySuccess(t('openingTimes.closures.removed', { reason: target.reason }));
              close();
            },
          })
        }
      />
    </Stack>
  );
}
